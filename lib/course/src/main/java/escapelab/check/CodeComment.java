package escapelab.check;

import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The comment that documents one line of code: the criterion "you write a comment in the code
 * documenting X", checked on the source as written. The comment is the one on the line that
 * holds the code, after it, together with the comment lines directly above that line (no code
 * and no blank line in between); the {@code // BEGIN SOLUTION} and {@code // END SOLUTION}
 * markers of a learner's region are not part of it.
 */
public final class CodeComment {

    /** The fewest words that make a comment an explanation rather than a label. */
    public static final int MIN_WORDS = 5;

    private static final Pattern WORD = Pattern.compile("\\p{L}{2,}");
    /** The markers of what a learner writes: around the comment, not part of it. */
    private static final Pattern SOLUTION_MARKER = Pattern.compile("\\s*//\\s*(BEGIN|END) SOLUTION\\s*");
    private static final Pattern TRAILING = Pattern.compile("//(.*)$|/\\*(.*?)\\*/\\s*$");

    private CodeComment() {
    }

    /**
     * The comment documenting the first line of {@code source} that contains {@code code}: its
     * text without comment markers, lines joined by spaces; empty if there is none.
     *
     * @throws Mistake if no line contains the code
     */
    public static Optional<String> at(String source, String code) {
        List<String> lines = source.lines().toList();
        int at = -1;
        for (int i = 0; i < lines.size() && at < 0; i++) {
            if (lines.get(i).contains(code)) {
                at = i;
            }
        }
        if (at < 0) {
            throw new Mistake("no line of the cell holds " + code + ": name the code as it is written there");
        }
        Deque<String> text = new ArrayDeque<>();
        String line = lines.get(at);
        Matcher trailing = TRAILING.matcher(line.substring(line.indexOf(code) + code.length()));
        if (trailing.find()) {
            text.add(trailing.group(1) != null ? trailing.group(1) : trailing.group(2));
        }
        for (int i = at - 1; i >= 0 && isComment(lines.get(i)); i--) {
            if (!SOLUTION_MARKER.matcher(lines.get(i)).matches()) {
                text.addFirst(lines.get(i).strip());
            }
        }
        String joined = String.join(" ", text.stream().map(CodeComment::withoutMarkers).toList())
                .replaceAll("\\s+", " ").strip();
        return joined.isEmpty() ? Optional.empty() : Optional.of(joined);
    }

    /**
     * Checks that a comment of at least {@link #MIN_WORDS} words documents the line of
     * {@code source} that holds {@code code}; the evidence is the comment.
     *
     * @throws Mistake if no line contains the code
     */
    public static Check check(String criterion, String source, String code) {
        Optional<String> comment = at(source, code);
        if (comment.isEmpty()) {
            return Check.of(criterion, false, "no comment on or directly above the line with " + code
                    + ": write one there that says what it keeps alive");
        }
        long words = WORD.matcher(comment.get()).results().count();
        if (words < MIN_WORDS) {
            return Check.of(criterion, false, "the comment \"" + comment.get() + "\" has " + words
                    + " words: say in a sentence what the line keeps alive and why");
        }
        return Check.of(criterion, true, "\"" + shortened(comment.get()) + "\"");
    }

    /**
     * Checks that a comment documents the line of a {@code %%jmh} cell's source that holds
     * {@code code}, as {@link #check(String, String, String)} does.
     *
     * @throws Mistake if the class is not from a {@code %%jmh} cell, or no line holds the code
     */
    public static Check check(String criterion, Class<?> cellClass, String code) {
        return check(criterion, CellClasses.shared().benchmark(cellClass).source(), code);
    }

    private static boolean isComment(String line) {
        String s = line.strip();
        return s.startsWith("//") || s.startsWith("/*") || s.startsWith("*");
    }

    private static String withoutMarkers(String line) {
        return line.replaceAll("^\\s*(//+|/\\*+|\\*+/?)", "").replaceAll("\\*+/\\s*$", "").strip();
    }

    private static String shortened(String text) {
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }
}

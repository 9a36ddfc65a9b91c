package escapelab.submit;

import escapelab.check.Check;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What the analysis cells of a saved notebook hold, told apart: the learner's own lines, the
 * shipped reference answer, and prompts. The reference answer starts at a paragraph that opens
 * with {@code **Reference answer.**} and runs to the end of its cell; a prompt is a line in
 * italics alone ({@code _Write your analysis here._}). Neither counts as the learner's words.
 *
 * <p>A learner copy has no reference answer, but its analysis cell keeps a digest of each of the
 * answer's sentences: text made only of those sentences (the answer pasted back) is not the
 * learner's own either.
 *
 * <p>What the prompts ask for is sentences, and a notebook soft-wraps a paragraph however long: the
 * check counts the learner's sentences ({@link #ownSentences}), never source lines.
 *
 * @param ownLines the non-blank lines the learner wrote, in notebook order
 * @param ownSentences the learner's sentences: text ending in {@code .}, {@code !} or {@code ?}, or
 *     at the end of a paragraph or list item, of at least {@value #SENTENCE_WORDS} words
 * @param hasReferenceAnswer whether a reference answer is there
 * @param copiedReference whether the learner's lines are the reference answer's sentences
 */
public record Analysis(List<String> ownLines, List<String> ownSentences, boolean hasReferenceAnswer,
                       boolean copiedReference) {

    /** The words that open a reference answer, as shipped notebooks write it. */
    public static final String REFERENCE_MARK = "**Reference answer.**";

    /** Fewer words than this are a label or a fragment ("Yes.", "See above."), not an explanation. */
    public static final int SENTENCE_WORDS = 3;

    private static final Pattern PROMPT = Pattern.compile("^\\s*_[^_].*_\\s*$");
    private static final Pattern LIST_ITEM = Pattern.compile("^\\s*([-*+]|\\d+[.)])\\s+.*");
    /** A sentence ends at . ! or ? before a space; "e.g." and "i.e." do not end one. */
    private static final Pattern SENTENCE_END = Pattern.compile("(?<![ei]\\.[ge]\\.)(?<=[.!?])\\s+");

    public Analysis {
        ownLines = List.copyOf(ownLines);
        ownSentences = List.copyOf(ownSentences);
    }

    /** Reads the texts of the analysis cells. */
    public static Analysis of(List<String> analysisCells) {
        return of(analysisCells, Set.of());
    }

    /**
     * Reads the texts of the analysis cells of a learner copy, whose reference answer's
     * sentences are known by their digests ({@link #digest(String)} of each of {@link #sentences}).
     */
    public static Analysis of(List<String> analysisCells, Set<String> referenceSentences) {
        List<String> own = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        boolean reference = false;
        for (String cell : analysisCells) {
            StringBuilder block = new StringBuilder();
            for (String line : cell.split("\\R")) {
                if (line.strip().startsWith(REFERENCE_MARK)) {
                    reference = true;
                    break;
                }
                boolean counts = !line.isBlank() && !PROMPT.matcher(line).matches() && !line.strip().startsWith("#");
                if (!counts || LIST_ITEM.matcher(line).matches()) {
                    endBlock(block, blocks);
                }
                if (counts) {
                    own.add(line.strip());
                    block.append(line.strip()).append(' ');
                }
            }
            endBlock(block, blocks);
        }
        List<String> sentences = sentences(String.join("\n", own));
        boolean copied = !referenceSentences.isEmpty() && !sentences.isEmpty()
                && sentences.stream().map(Analysis::digest).allMatch(referenceSentences::contains);
        return copied ? new Analysis(List.of(), List.of(), reference, true)
                : new Analysis(own, ownSentences(blocks), reference, false);
    }

    private static void endBlock(StringBuilder block, List<String> blocks) {
        if (!block.isEmpty()) {
            blocks.add(block.toString().strip());
            block.setLength(0);
        }
    }

    /** The sentences of paragraphs and list items: a paragraph typed as one line holds several. */
    private static List<String> ownSentences(List<String> blocks) {
        return blocks.stream().flatMap(SENTENCE_END::splitAsStream).map(String::strip)
                .filter(s -> s.split("\\s+").length >= SENTENCE_WORDS).toList();
    }

    /**
     * The check of "you explain it in your own words": at least two sentences of the learner's own,
     * however the lines wrap.
     * With only a reference answer there the check is open (waiting for the learner), never met;
     * the reference answer's sentences pasted back fail it.
     */
    public Check check() {
        String criterion = "you explain it in your own words (the analysis cell, as saved)";
        if (ownLines.isEmpty() && hasReferenceAnswer) {
            return Check.open(criterion, "only the reference answer is there: write yours above it, save, "
                    + "and run this cell again");
        }
        if (copiedReference) {
            return Check.of(criterion, false, "the analysis cell holds the reference answer's sentences: "
                    + "write what you found in your own words");
        }
        return Check.that(criterion).measured(ownSentences.size(), "sentences of your own").atLeast(2);
    }

    /** A text's sentences, normalized: emphasis marks dropped, spaces collapsed, lower case. */
    static List<String> sentences(String text) {
        String flat = text.replace(REFERENCE_MARK, "").replaceAll("[*`_]", "").replaceAll("\\s+", " ")
                .strip().toLowerCase(Locale.ROOT);
        return flat.isEmpty() ? List.of() : Arrays.asList(flat.split("(?<=[.!?])\\s+"));
    }

    /** The hex SHA-256 of a normalized sentence, as the learner copy stores it. */
    static String digest(String sentence) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(sentence.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}

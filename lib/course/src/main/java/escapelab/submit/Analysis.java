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
 * @param ownLines the non-blank lines the learner wrote, in notebook order
 * @param hasReferenceAnswer whether a reference answer is there
 * @param copiedReference whether the learner's lines are the reference answer's sentences
 */
public record Analysis(List<String> ownLines, boolean hasReferenceAnswer, boolean copiedReference) {

    /** The words that open a reference answer, as shipped notebooks write it. */
    public static final String REFERENCE_MARK = "**Reference answer.**";

    private static final Pattern PROMPT = Pattern.compile("^\\s*_[^_].*_\\s*$");

    public Analysis {
        ownLines = List.copyOf(ownLines);
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
        boolean reference = false;
        for (String cell : analysisCells) {
            for (String line : cell.split("\\R")) {
                if (line.strip().startsWith(REFERENCE_MARK)) {
                    reference = true;
                    break;
                }
                if (!line.isBlank() && !PROMPT.matcher(line).matches() && !line.strip().startsWith("#")) {
                    own.add(line.strip());
                }
            }
        }
        List<String> sentences = sentences(String.join("\n", own));
        boolean copied = !referenceSentences.isEmpty() && !sentences.isEmpty()
                && sentences.stream().map(Analysis::digest).allMatch(referenceSentences::contains);
        return copied ? new Analysis(List.of(), reference, true) : new Analysis(own, reference, false);
    }

    /**
     * The check of "you explain it in your own words": at least two lines of the learner's own.
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
        return Check.that(criterion).measured(ownLines.size(), "lines of your own").atLeast(2);
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

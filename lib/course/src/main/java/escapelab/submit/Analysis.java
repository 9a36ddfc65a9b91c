package escapelab.submit;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What the analysis cells of a saved notebook hold, told apart: the learner's own lines, the
 * shipped reference answer, and prompts. The reference answer starts at a paragraph that opens
 * with {@code **Reference answer.**} and runs to the end of its cell; a prompt is a line in
 * italics alone ({@code _Write your analysis here._}). Neither counts as the learner's words.
 *
 * @param ownLines the non-blank lines the learner wrote, in notebook order
 * @param hasReferenceAnswer whether a reference answer is there
 */
public record Analysis(List<String> ownLines, boolean hasReferenceAnswer) {

    /** The words that open a reference answer, as shipped notebooks write it. */
    public static final String REFERENCE_MARK = "**Reference answer.**";

    private static final Pattern PROMPT = Pattern.compile("^\\s*_[^_].*_\\s*$");

    public Analysis {
        ownLines = List.copyOf(ownLines);
    }

    /** Reads the texts of the analysis cells. */
    public static Analysis of(List<String> analysisCells) {
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
        return new Analysis(own, reference);
    }
}

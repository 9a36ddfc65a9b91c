package escapelab.check;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CodeCommentTest {

    private static final String CODE = "ByteBuffer.wrap(data, 0, 100)";

    @Test
    void readsTheCommentLinesDirectlyAboveTheCode() {
        String source = """
                static ByteBuffer view(Path file) throws IOException {
                    byte[] data = Files.readAllBytes(file);
                    // LEAK: the view keeps all of data reachable,
                    // 50 MiB for the 100 bytes it shows.
                    return ByteBuffer.wrap(data, 0, 100);
                }
                """;
        assertEquals(Optional.of("LEAK: the view keeps all of data reachable, 50 MiB for the 100 bytes it shows."),
                CodeComment.at(source, CODE));
        Check check = CodeComment.check("a comment documents the leak", source, CODE);
        assertTrue(check.passed(), check::toString);
        assertTrue(check.toString().contains("\"LEAK: the view keeps"), check::toString);
    }

    @Test
    void readsATrailingCommentAndABlockCommentAbove() {
        String source = """
                    /* The buffer is a view:
                     * it keeps the array. */
                    return ByteBuffer.wrap(data, 0, 100); // not a copy
                """;
        assertEquals(Optional.of("The buffer is a view: it keeps the array. not a copy"), CodeComment.at(source, CODE));
    }

    @Test
    void theMarkersOfALearnersRegionAreNotPartOfTheComment() {
        String source = """
                    // BEGIN SOLUTION
                    // keeps all of data alive
                    // END SOLUTION
                    return ByteBuffer.wrap(data, 0, 100);
                """;
        assertEquals(Optional.of("keeps all of data alive"), CodeComment.at(source, CODE));
    }

    @Test
    void aCommentAboveABlankLineOrCodeIsNotTheLinesComment() {
        String source = """
                    // reads the whole file into memory at once
                    byte[] data = Files.readAllBytes(file);

                    return ByteBuffer.wrap(data, 0, 100);
                """;
        assertEquals(Optional.empty(), CodeComment.at(source, CODE));
        Check check = CodeComment.check("a comment documents the leak", source, CODE);
        assertTrue(check.failed());
        assertTrue(check.toString().contains("no comment on or directly above the line with " + CODE), check::toString);
    }

    @Test
    void aLabelOfAFewWordsIsNotAnExplanation() {
        Check check = CodeComment.check("documented", "    // leak!\n    return ByteBuffer.wrap(data, 0, 100);\n", CODE);
        assertFalse(check.passed());
        assertTrue(check.toString().contains("has 1 words"), check::toString);
    }

    @Test
    void codeThatIsNotInTheSourceIsAMistake() {
        Mistake m = assertThrows(Mistake.class, () -> CodeComment.at("return data;", CODE));
        assertTrue(m.getMessage().contains("no line of the cell holds " + CODE), m.getMessage());
    }
}

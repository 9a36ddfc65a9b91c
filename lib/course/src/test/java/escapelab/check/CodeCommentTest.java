package escapelab.check;

import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
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

    /** A %%jmh cell whose view line is documented and whose copy line carries a label only. */
    private static final String CELL = """
            import org.openjdk.jmh.annotations.*;
            import java.nio.ByteBuffer;

            @State(Scope.Thread)
            public class CommentedCell {
                byte[] data = new byte[1000];

                @Benchmark
                public ByteBuffer view() {
                    // LEAK: the view keeps all of data reachable,
                    // a whole kilobyte for the 100 bytes it shows.
                    return ByteBuffer.wrap(data, 0, 100);
                }

                @Benchmark
                public ByteBuffer copy() {
                    return ByteBuffer.wrap(java.util.Arrays.copyOf(data, 100)); // a copy
                }
            }
            """;

    @Test
    void aCellsClassIsCheckedOnTheSourceItsCellCompiled() throws Exception {
        new BenchCompiler(CellClasses.shared()).compile(CELL, 2);
        Class<?> cell = Class.forName("cells.CommentedCell");

        Check view = CodeComment.check("a comment documents the leak", cell, CODE);
        assertTrue(view.passed(), view::toString);
        assertEquals("\"LEAK: the view keeps all of data reachable, a whole kilobyte for the 100 bytes it shows.\"",
                view.expectation());
        Check copy = CodeComment.check("a comment documents the copy", cell, "Arrays.copyOf(data, 100)");
        assertTrue(copy.failed(), copy::toString);
        assertTrue(copy.expectation().contains("\"a copy\" has 1 words"), copy::toString);
        assertThrows(Mistake.class, () -> CodeComment.check("x", cell, "ByteBuffer.allocate"));
    }

    @Test
    void aClassNoCellCompiledOrNoClassIsAMistake() {
        Mistake notACell = assertThrows(Mistake.class, () -> CodeComment.check("documented", String.class, CODE));
        assertTrue(notACell.getMessage().startsWith("String was not compiled by a %%jmh cell in this session"),
                notACell.getMessage());
        Mistake none = assertThrows(Mistake.class, () -> CodeComment.check("documented", (Class<?>) null, CODE));
        assertTrue(none.getMessage().startsWith("name the benchmark class"), none.getMessage());
    }
}

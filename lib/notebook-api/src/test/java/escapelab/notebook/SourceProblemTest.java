package escapelab.notebook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourceProblemTest {

    @Test
    void placesTheCaretUnderTheColumnKeepingTabs() {
        assertEquals("\t\t  ^", SourceProblem.caretUnder("\t\tx = 1;", 5));
        assertEquals("    ^", SourceProblem.caretUnder("int x = 1;", 5));
    }

    @Test
    void showsLocationMessageSourceAndCaret() {
        SourceProblem problem = SourceProblem.inCell(3, 9, "';' expected", "\tint x = 1");
        assertEquals(List.of("cell line 3, column 9: ';' expected", "    \tint x = 1", "    \t       ^"),
                problem.lines());
    }

    @Test
    void withoutALineOnlyTheSourceNameAndMessage() {
        SourceProblem problem = new SourceProblem("startup script s.jsh", 0, 0, "bad\nsecond line", "x");
        assertEquals(List.of("startup script s.jsh: bad", "second line"), problem.lines());
    }

    @Test
    void aCompileExceptionListsEveryProblem() {
        SourceCompileException e = new SourceCompileException("Broken", List.of(
                SourceProblem.inCell(1, 1, "first", "a"), SourceProblem.inCell(2, 0, "second", "b")));
        assertTrue(e.getMessage().startsWith("Broken: 2 compile errors\ncell line 1, column 1: first"),
                e.getMessage());
        assertEquals(2, e.problems().size());
        assertThrows(IllegalArgumentException.class, () -> new SourceCompileException("x", List.of()));
    }
}

package escapelab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.magic.CellSource.CellMagicCall;
import escapelab.kernel.magic.CellSource.Code;
import escapelab.kernel.magic.CellSource.LineMagic;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellSourceTest {

    @Test
    void cellMagicTakesNameArgsAndTheRestAsBody() {
        CellMagicCall call = CellSource.cellMagic("%%bench  -f 1 --fast \nint x = 1;\nx++;").orElseThrow();
        assertEquals("bench", call.name());
        assertEquals("-f 1 --fast", call.args());
        assertEquals("int x = 1;\nx++;", call.body());
        assertEquals(2, call.bodyLine());
    }

    @Test
    void cellMagicWithoutArgsOrBody() {
        CellMagicCall call = CellSource.cellMagic("%%layout").orElseThrow();
        assertEquals("layout", call.name());
        assertEquals("", call.args());
        assertEquals("", call.body());
    }

    @Test
    void blankLinesBeforeTheMagicShiftItsBody() {
        CellMagicCall call = CellSource.cellMagic("\n  \n%%x a\r\nbody").orElseThrow();
        assertEquals("x", call.name());
        assertEquals("a", call.args());
        assertEquals("body", call.body());
        assertEquals(4, call.bodyLine());
    }

    @Test
    void onlyTheFirstLineMakesACellMagic() {
        assertTrue(CellSource.cellMagic("int x = 1;\n%%bench").isEmpty());
        assertTrue(CellSource.cellMagic("x % y").isEmpty());
        assertEquals("", CellSource.cellMagic("%% oops").orElseThrow().name());
    }

    @Test
    void lineMagicsSplitCodeAndKeepLineNumbers() {
        List<CellSource.Part> parts = CellSource.parts("\n%jars lib/*.jar \"my dir\"\nimport a.B;\n\n%classpath x\nB.run();");
        assertEquals(List.of(
                new LineMagic("jars", "lib/*.jar \"my dir\"", 2),
                new Code("import a.B;\n", 3),
                new LineMagic("classpath", "x", 5),
                new Code("B.run();", 6)), parts);
    }

    @Test
    void codeKeepsLeadingBlankLinesSoLinesStayTrue() {
        assertEquals(List.of(new Code("\n\nint z = 1;", 1)), CellSource.parts("\n\nint z = 1;"));
    }

    @Test
    void moduloAndBlankCodeAreNotMagics() {
        assertEquals(List.of(new Code("int r = 7\n  % 3;", 1)), CellSource.parts("int r = 7\n  % 3;"));
        assertEquals(List.of(new LineMagic("jars", "", 1)), CellSource.parts("%jars\n  \n"));
    }

    @Test
    void maskingKeepsOffsets() {
        String cell = "%jars a.jar\nString s;";
        String masked = CellSource.maskLineMagics(cell);
        assertEquals(cell.length(), masked.length());
        assertEquals("           \nString s;", masked);
    }
}

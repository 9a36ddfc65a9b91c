package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceTextTest {

    private final SourceText text = new SourceText("int a;\r\n  b(c);\n\nlast");

    @Test
    void linesAndColumnsCountFromOne() {
        assertEquals(1, text.lineOf(0));
        assertEquals(1, text.columnOf(0));
        int b = "int a;\r\n  ".length();
        assertEquals(2, text.lineOf(b));
        assertEquals(3, text.columnOf(b));
        int last = "int a;\r\n  b(c);\n\n".length();
        assertEquals(4, text.lineOf(last));
        assertEquals(1, text.columnOf(last));
    }

    @Test
    void lineTextDropsLineBreaks() {
        assertEquals("int a;", text.line(1));
        assertEquals("  b(c);", text.line(2));
        assertEquals("", text.line(3));
        assertEquals("last", text.line(4));
        assertEquals(4, text.lineCount());
    }

    @Test
    void offsetsPastTheEndStayOnTheLastLine() {
        assertEquals(4, text.lineOf(1_000));
        assertEquals(5, text.columnOf(1_000));
    }
}

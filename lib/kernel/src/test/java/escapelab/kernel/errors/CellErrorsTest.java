package escapelab.kernel.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escapelab.kernel.errors.CellErrors.CompileProblem;
import escapelab.kernel.errors.CellErrors.ThrownLink;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellErrorsTest {

    @Test
    void compileErrorShowsLineColumnSourceAndCaret() {
        ErrorReport report = CellErrors.compile(List.of(new CompileProblem("cell", 2, 9, """
                cannot find symbol
                  symbol:   variable y
                  location: class\s""", "int x = y + 1;")));
        assertEquals("CompilationException", report.name());
        assertEquals("cell line 2, column 9: cannot find symbol", report.value());
        assertEquals(List.of(
                "cell line 2, column 9: cannot find symbol",
                "  symbol:   variable y",
                "    int x = y + 1;",
                "            ^"), report.traceback());
    }

    @Test
    void caretKeepsTabsToLineUp() {
        assertEquals("\t\t  ^", CellErrors.caretUnder("\t\tx = 1;", 5));
    }

    @Test
    void compileErrorWithoutPositionNamesTheSourceOnly() {
        ErrorReport report = CellErrors.compile(List.of(new CompileProblem("startup script s.jsh", 0, 0, "bad", null)));
        assertEquals(List.of("startup script s.jsh: bad"), report.traceback());
    }

    @Test
    void causesShowOnlyTheirOwnFrames() {
        StackTraceElement top = new StackTraceElement("a.Cell", "run", "Cell.java", 1);
        StackTraceElement inner = new StackTraceElement("a.B", "c", "B.java", 9);
        ErrorReport report = CellErrors.runtime(List.of(
                new ThrownLink("java.lang.IllegalStateException", null, new StackTraceElement[] {top}),
                new ThrownLink("java.io.IOException", "disk", new StackTraceElement[] {inner, top})),
                StackTraceElement::toString);
        assertEquals("", report.value());
        assertEquals(List.of(
                "java.lang.IllegalStateException",
                "    at a.Cell.run(Cell.java:1)",
                "Caused by: java.io.IOException: disk",
                "    at a.B.c(B.java:9)",
                "    ... 1 more"), report.traceback());
    }

    @Test
    void magicFailureShowsMessageAndCausesButNoKernelFrames() {
        Exception thrown = new IllegalArgumentException("benchmark method must be public",
                new java.io.IOException("fork failed"));
        ErrorReport report = CellErrors.magicFailure("bench", thrown);
        assertEquals("java.lang.IllegalArgumentException", report.name());
        assertEquals("benchmark method must be public", report.value());
        assertEquals(List.of(
                "%%bench: benchmark method must be public",
                "Caused by: java.io.IOException: fork failed"), report.traceback());
    }

    @Test
    void magicFailureWithoutMessageShowsLibraryFramesUpToTheKernel() {
        NullPointerException thrown = new NullPointerException();
        thrown.setStackTrace(new StackTraceElement[] {
            new StackTraceElement("lib.Bench", "run", "Bench.java", 10),
            new StackTraceElement("escapelab.kernel.magic.CellMagicRunner", "lambda$run$0", "CellMagicRunner.java", 80),
            new StackTraceElement("java.lang.Thread", "run", "Thread.java", 833),
        });
        ErrorReport report = CellErrors.magicFailure("bench", thrown);
        assertEquals(List.of("%%bench: java.lang.NullPointerException", "    at lib.Bench.run(Bench.java:10)"),
                report.traceback());
    }

    @Test
    void interruptedAndUsageReports() {
        assertEquals("Interrupted", CellErrors.interrupted().name());
        ErrorReport usage = CellErrors.magicUsage("Unknown cell magic %%x.", List.of("Cell magics: %%a"));
        assertEquals("MagicError", usage.name());
        assertEquals(List.of("Unknown cell magic %%x.", "Cell magics: %%a"), usage.traceback());
    }
}

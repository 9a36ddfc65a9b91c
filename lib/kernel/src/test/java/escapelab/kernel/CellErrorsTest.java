package escapelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import escapelab.kernel.CellErrors.CompileProblem;
import escapelab.kernel.CellErrors.ThrownLink;
import escapelab.kernel.SnippetOrigins.Origin;
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
    void runtimeErrorMapsSnippetFramesToCellLines() {
        SnippetOrigins origins = new SnippetOrigins();
        origins.record("4", Origin.cell(3, 2));
        origins.record("7", Origin.cell(5, 1));
        StackTraceElement[] frames = {
            new StackTraceElement("java.lang.Integer", "parseInt", "Integer.java", 652),
            new StackTraceElement("", "parse", "#4", 3),
            new StackTraceElement("Helper", "lambda$do_it$$0", "#7", 2),
            new StackTraceElement("", "", "#7", 4),
        };
        ErrorReport report = CellErrors.runtime(
                List.of(new ThrownLink("java.lang.NumberFormatException", "For input string: \"x\"", frames)),
                frame -> origins.describe(frame, 5));
        assertEquals("java.lang.NumberFormatException", report.name());
        assertEquals("For input string: \"x\"", report.value());
        assertEquals(List.of(
                "java.lang.NumberFormatException: For input string: \"x\"",
                "    at java.lang.Integer.parseInt(Integer.java:652)",
                "    at parse (cell [3] line 4)",
                "    at Helper.lambda (cell line 2)",
                "    at cell line 4"), report.traceback());
    }

    @Test
    void causesShowOnlyTheirOwnFrames() {
        StackTraceElement top = new StackTraceElement("", "", "#1", 1);
        StackTraceElement inner = new StackTraceElement("a.B", "c", "B.java", 9);
        ErrorReport report = CellErrors.runtime(List.of(
                new ThrownLink("java.lang.IllegalStateException", null, new StackTraceElement[] {top}),
                new ThrownLink("java.io.IOException", "disk", new StackTraceElement[] {inner, top})),
                frame -> new SnippetOrigins().describe(frame, 1));
        assertEquals("", report.value());
        assertEquals(List.of(
                "java.lang.IllegalStateException",
                "    at snippet #1 line 1",
                "Caused by: java.io.IOException: disk",
                "    at a.B.c(B.java:9)",
                "    ... 1 more"), report.traceback());
    }

    @Test
    void originsOutsideCellsNameTheirSource() {
        assertEquals("startup script x.jsh line 6", Origin.source("startup script x.jsh", 5).describe(2, 9));
        assertEquals("cell line 7", Origin.cell(9, 5).describe(3, 9));
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
            new StackTraceElement("escapelab.kernel.CellMagicRunner", "lambda$run$0", "CellMagicRunner.java", 80),
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

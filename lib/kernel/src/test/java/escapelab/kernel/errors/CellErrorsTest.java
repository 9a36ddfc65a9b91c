package escapelab.kernel.errors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.errors.CellErrors.ThrownLink;
import escapelab.notebook.Mistake;
import escapelab.notebook.SourceCompileException;
import escapelab.notebook.SourceProblem;
import java.util.List;
import org.junit.jupiter.api.Test;

class CellErrorsTest {

    @Test
    void compileErrorShowsLineColumnSourceAndCaret() {
        ErrorReport report = CellErrors.compile(List.of(new SourceProblem("cell", 2, 9, """
                cannot find symbol
                  symbol:   variable y""", "int x = y + 1;")));
        assertEquals("CompilationException", report.name());
        assertEquals("cell line 2, column 9: cannot find symbol", report.value());
        assertEquals(List.of(
                "cell line 2, column 9: cannot find symbol",
                "  symbol:   variable y",
                "    int x = y + 1;",
                "            ^"), report.traceback());
    }

    @Test
    void compileErrorWithoutPositionNamesTheSourceOnly() {
        ErrorReport report = CellErrors.compile(List.of(new SourceProblem("startup script s.jsh", 0, 0, "bad", null)));
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
        ErrorReport report = CellErrors.magicFailure("bench", 1, thrown);
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
        ErrorReport report = CellErrors.magicFailure("bench", 1, thrown);
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

    @Test
    void aMagicsCompileErrorsReadAsJShells() {
        SourceProblem problem = SourceProblem.inCell(3, 5, "';' expected", "\tint x = 1");
        ErrorReport report = CellErrors.magicFailure("jmh", 1,
                new SourceCompileException("FirstEscape", List.of(problem)));
        assertEquals(CellErrors.compile(List.of(problem)), report);
        assertEquals("CompilationException", report.name());
        assertEquals(List.of("cell line 3, column 5: ';' expected", "    \tint x = 1", "    \t   ^"),
                report.traceback());
    }

    @Test
    void aMagicsMistakeShowsItsMessageAtTheMagicsLineOnly() {
        Mistake mistake = new Mistake("Point has no @Benchmark method: add one, or bench a class that has one.",
                new IllegalStateException("library detail"));
        ErrorReport report = CellErrors.magicFailure("jmh", 2, mistake);
        assertEquals("escapelab.notebook.Mistake", report.name());
        assertEquals(mistake.getMessage(), report.value());
        assertEquals(List.of("escapelab.notebook.Mistake: " + mistake.getMessage(), "    at %%jmh (cell line 2)"),
                report.traceback());
    }

    @Test
    void kernelFramesAreTheKernelsPackagesOnly() {
        assertTrue(CellErrors.isKernelFrame(new StackTraceElement("escapelab.kernel.JavaKernel", "eval", null, 1)));
        assertTrue(CellErrors.isKernelFrame(new StackTraceElement("escapelab.kernel.shell.JShellSession", "eval", null, 1)));
        assertFalse(CellErrors.isKernelFrame(new StackTraceElement("escapelab.kernelish.Other", "run", null, 1)));
        assertFalse(CellErrors.isKernelFrame(new StackTraceElement("escapelab.notebook.Notebook", "host", null, 1)));
    }
}

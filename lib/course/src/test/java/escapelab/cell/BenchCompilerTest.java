package escapelab.cell;

import escapelab.notebook.Mistake;
import escapelab.notebook.SourceCompileException;
import escapelab.notebook.SourceProblem;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchCompilerTest {

    private final BenchCompiler compiler = new BenchCompiler(CellClasses.shared());

    static String source(String className, String body) {
        return "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class " + className + " {\n"
                + body
                + "}\n"
                + "record " + className + "Point(int x, int y) {}\n";
    }

    private static List<String> benchmarkList() throws Exception {
        return Files.readAllLines(CellClasses.shared().dir().resolve("META-INF/BenchmarkList"), StandardCharsets.UTF_8);
    }

    @Test
    void compilesACellIntoTheDefaultPackageWithItsBenchmarks() throws Exception {
        BenchClass compiled = compiler.compile(source("CompileOne",
                "  int x = 3;\n"
                        + "  @Benchmark public int valueReturn() { return new CompileOnePoint(x, x).x(); }\n"
                        + "  @Benchmark public Object pointerReturn() { return new CompileOnePoint(x, x); }\n"), 2);

        assertEquals("cells.CompileOne", compiled.name());
        assertEquals("CompileOne", compiled.simpleName());
        assertEquals(List.of("valueReturn", "pointerReturn"), compiled.benchmarks());
        assertEquals(List.of("cells.CompileOne", "cells.CompileOnePoint"), compiled.classNames());
        Path dir = CellClasses.shared().dir();
        assertTrue(Files.exists(dir.resolve("cells/CompileOne.class")));
        assertTrue(Files.exists(dir.resolve("cells/jmh_generated/CompileOne_valueReturn_jmhTest.class")));
        assertEquals(2, benchmarkList().stream().filter(l -> l.contains("cells.CompileOne ")).count());
        assertEquals(compiled, CellClasses.shared().find("CompileOne").orElseThrow());
    }

    @Test
    void compilesACellAgainForJava17ClassFilesInItsPackageWithoutJmhsClasses(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        BenchClass compiled = compiler.compile(source("ForRelease", "  @Benchmark public int a() { return 1; }\n"), 2);

        BenchCompiler.compileForRelease(compiled, 17, dir);

        byte[] classFile = Files.readAllBytes(dir.resolve("cells/ForRelease.class"));
        assertEquals(61, ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF), "class file major version");
        assertTrue(Files.exists(dir.resolve("cells/ForReleasePoint.class")));
        assertFalse(Files.exists(dir.resolve("cells/jmh_generated")));
    }

    @Test
    void recompilingAnEditedCellReplacesItsBenchmarksAndKeepsOthers() throws Exception {
        compiler.compile(source("Other", "  @Benchmark public int a() { return 1; }\n"), 2);
        compiler.compile(source("Edited", "  @Benchmark public int a() { return 1; }\n"
                + "  @Benchmark public int b() { return 2; }\n"), 2);
        BenchClass edited = compiler.compile(source("Edited", "  @Benchmark public int c() { return 3; }\n"), 2);

        assertEquals(List.of("c"), edited.benchmarks());
        List<String> list = benchmarkList();
        assertEquals(1, list.stream().filter(l -> l.contains("cells.Edited ")).count());
        assertTrue(list.stream().anyMatch(l -> l.contains("cells.Edited ") && l.contains(" c ")));
        assertEquals(1, list.stream().filter(l -> l.contains("cells.Other ")).count());
    }

    @Test
    void keepsAPackageTheCellDeclares() throws Exception {
        BenchClass compiled = compiler.compile("package mine.bench;\n" + source("Declared",
                "  @Benchmark public int a() { return 1; }\n"), 2);
        assertEquals("mine.bench.Declared", compiled.name());
        assertFalse(BenchCompiler.withoutPackage(compiled.source()).contains("package"));
    }

    @Test
    void aCompileErrorPointsAtTheLineAndColumnInTheCell() {
        // Cell line 1 is %%jmh, so the source starts on cell line 2; the error is on source line 4.
        SourceCompileException e = assertThrows(SourceCompileException.class, () -> compiler.compile(source("Broken",
                "  @Benchmark public int a() { return missing; }\n"), 2));
        assertEquals(1, e.problems().size());
        SourceProblem d = e.problems().get(0);
        assertEquals(5, d.line());
        assertEquals(38, d.column());
        assertTrue(d.message().contains("cannot find symbol"), d.message());
        assertTrue(e.getMessage().contains("cell line 5, column 38"), e.getMessage());
        String[] lines = d.toString().split("\n");
        assertEquals("    " + " ".repeat(37) + "^", lines[lines.length - 1]);
    }

    @Test
    void theCaretKeepsTheTabsOfATabIndentedCell() {
        SourceCompileException e = assertThrows(SourceCompileException.class, () -> compiler.compile(
                "import org.openjdk.jmh.annotations.*;\n@State(Scope.Thread)\npublic class Tabbed {\n"
                        + "\t@Benchmark public int a() {\n\t\treturn missing;\n\t}\n}\n", 2));
        SourceProblem d = e.problems().get(0);
        assertEquals(6, d.line());
        assertEquals(10, d.column());
        String[] lines = d.toString().split("\n");
        assertEquals("    \t\treturn missing;", lines[lines.length - 2]);
        assertEquals("    \t\t       ^", lines[lines.length - 1]);
    }

    @Test
    void anErrorOnTheFirstLineKeepsTheLearnersColumn() {
        SourceCompileException e = assertThrows(SourceCompileException.class,
                () -> compiler.compile("public class FirstLine { int x = missing; }", 2));
        SourceProblem d = e.problems().get(0);
        assertEquals(2, d.line());
        assertEquals(34, d.column());
    }

    @Test
    void jmhsOwnRulesAreReportedAsCellErrors() {
        SourceCompileException e = assertThrows(SourceCompileException.class, () -> compiler.compile(source("Private",
                "  @Benchmark int notPublic() { return 1; }\n"), 2));
        assertTrue(e.getMessage().contains("public"), e.getMessage());
        assertEquals(5, e.problems().get(0).line());
    }

    @Test
    void aClassWithoutBenchmarksIsRefusedWithAClearMessage() {
        Mistake e = assertThrows(Mistake.class,
                () -> compiler.compile(source("NoBench", "  public int a() { return 1; }\n"), 2));
        assertEquals("benchmark class NoBench has no @Benchmark method: annotate at least one public method "
                + "with @Benchmark (org.openjdk.jmh.annotations)", e.getMessage());
    }

    @Test
    void aCellWithoutAClassIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> compiler.compile("import java.util.*;\n", 2));
        assertTrue(e.getMessage().contains("declares no class"), e.getMessage());
    }

    private static final String WARM = "import org.openjdk.jmh.annotations.*;\n"
            + "@State(Scope.Thread) public class Warm { @Benchmark public int one() { return 1; } }\n";

    @Test
    void theWarmUpCompilesABenchmarkAndInstallsNothing() throws Exception {
        List<BenchClass> before = CellClasses.shared().all();
        assertTrue(BenchCompiler.compileAndDiscard("Warm", WARM, () -> false));
        assertFalse(BenchCompiler.compileAndDiscard("Broken", "public class Broken { int x = ; }\n", () -> false),
                "a warm-up source that does not compile says so");
        assertEquals(before, CellClasses.shared().all(), "the warm-up's classes are thrown away");
    }

    @Test
    void aWarmUpCompileEndsAtJavacsNextStepOnceAbandoned() throws Exception {
        AtomicInteger whole = new AtomicInteger();
        assertTrue(BenchCompiler.compileAndDiscard("Warm", WARM, () -> whole.incrementAndGet() < 0));
        assertTrue(whole.get() > 3, "javac asked " + whole.get() + " times in a whole compile");
        AtomicInteger asked = new AtomicInteger();
        assertFalse(BenchCompiler.compileAndDiscard("Warm", WARM, () -> asked.incrementAndGet() > 2),
                "an abandoned compile says it did not compile");
        assertEquals(3, asked.get(), "javac went on after it was told to stop");
    }
}

package escapelab.cell;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a cell's words name compiled benchmark classes: by class (as {@code bench(FirstEscape.class)}
 * does) or simple name, and which cell declares a helper class.
 *
 * <p>Cells are compiled for real into {@link CellClasses#shared()}, which every test of this JVM
 * shares, so the class names here start with {@code Cc} to stay apart from other tests' cells.
 * A class the session sees is not the compiled cell's class: a cell names it by its simple name,
 * so the nested classes below, of the same simple names, stand for the session's classes.
 */
class CellClassesTest {

    private static final String EXAMPLE = "objectsOf(Point.class)";

    private static BenchClass first;
    private static BenchClass second;
    private static BenchClass withHelper;

    /** The session's view of the cells' classes: the same simple names, nested in a wrapper. */
    static final class CcFirst {
    }

    static final class CcSecond {
    }

    static final class CcWithHelper {
    }

    static final class CcHelper {
    }

    static final class CcHolder {
        static final class Inner {
        }
    }

    static final class CcEdited {
    }

    static final class CcNeverCompiled {
    }

    static final class CcNeverDeclared {
        static final class Inner {
        }
    }

    private static String cell(String className, String body, String more) {
        return "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class " + className + " {\n"
                + body
                + "}\n"
                + more;
    }

    private static BenchClass compile(String source) throws Exception {
        return new BenchCompiler(CellClasses.shared()).compile(source, 2);
    }

    @BeforeAll
    static void compileTheCells() throws Exception {
        first = compile(cell("CcFirst", "  @Benchmark public int a() { return 1; }\n", ""));
        second = compile(cell("CcSecond", "  @Benchmark public int b() { return 2; }\n", ""));
        withHelper = compile(cell("CcWithHelper", "  @Benchmark public int c() { return new CcHelper().x; }\n",
                "class CcHelper { int x = 3; }\n"
                        + "class CcHolder { static final class Inner { } }\n"));
    }

    @Test
    void benchmarksOfClassesAreTheCompiledCellsOfTheSameSimpleNamesInTheOrderGiven() {
        List<BenchClass> found = CellClasses.shared().benchmarks(CcSecond.class, CcFirst.class);

        assertEquals(List.of(second, first), found);
        assertEquals("cells.CcSecond", found.get(0).name());
    }

    @Test
    void benchmarksOfSimpleNamesAreTheCompiledCellsInTheOrderGiven() {
        assertEquals(List.of(first, withHelper, second),
                CellClasses.shared().benchmarks("CcFirst", "CcWithHelper", "CcSecond"));
    }

    @Test
    void benchmarkOfAClassIsTheCompiledCellOfThatSimpleName() {
        assertSame(withHelper, CellClasses.shared().benchmark(CcWithHelper.class));
    }

    @Test
    void benchmarkOfAClassIsTheLatestVersionOfARecompiledCell() throws Exception {
        BenchClass before = compile(cell("CcEdited", "  @Benchmark public int a() { return 1; }\n", ""));
        int place = CellClasses.shared().all().indexOf(before);
        BenchClass after = compile(cell("CcEdited", "  @Benchmark public int b() { return 2; }\n", ""));

        assertEquals(after, CellClasses.shared().benchmark(CcEdited.class));
        assertEquals(List.of("b"), CellClasses.shared().benchmark(CcEdited.class).benchmarks());
        List<BenchClass> all = CellClasses.shared().all();
        assertEquals(1, all.stream().filter(c -> c.simpleName().equals("CcEdited")).count(), all::toString);
        assertEquals(place, all.indexOf(after), "a recompiled cell keeps its place");
    }

    @Test
    void benchmarksRefusesANullClassAndNoClassAlike() {
        String expected = "name the benchmark class, e.g. bench(FirstEscape.class)";
        CellClasses classes = CellClasses.shared();

        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmark((Class<?>) null)).getMessage());
        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmarks((Class<?>) null)).getMessage());
        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmarks((Class<?>[]) null)).getMessage());
        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmarks(new Class<?>[0])).getMessage());
        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmarks(CcFirst.class, null)).getMessage());
        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmarks((String[]) null)).getMessage());
        assertEquals(expected, assertThrows(Mistake.class, () -> classes.benchmarks(new String[0])).getMessage());
    }

    @Test
    void benchmarksNamesTheClassesCompiledSoFarWhenOneIsMissing() {
        Mistake missing = assertThrows(Mistake.class,
                () -> CellClasses.shared().benchmarks(CcFirst.class, CcNeverCompiled.class));

        String message = missing.getMessage();
        assertTrue(message.startsWith("CcNeverCompiled was not compiled by a %%jmh cell in this session; "
                + "the benchmark classes compiled so far are "), message);
        assertTrue(message.contains("CcFirst, CcSecond, CcWithHelper"), message);
        assertTrue(message.endsWith(". Run the %%jmh cell that defines CcNeverCompiled first"), message);
    }

    @Test
    void aNullSimpleNameIsNamedAsNullInsteadOfFailingWithoutAMessage() {
        Mistake missing = assertThrows(Mistake.class, () -> CellClasses.shared().benchmarks("CcFirst", null));

        assertTrue(missing.getMessage().startsWith("null was not compiled by a %%jmh cell in this session"),
                missing.getMessage());
    }

    @Test
    void aHelperClassIsRefusedAsABenchmarkNamingTheCellThatDeclaresIt() {
        Mistake helper = assertThrows(Mistake.class, () -> CellClasses.shared().benchmark(CcHelper.class));

        String message = helper.getMessage();
        assertTrue(message.startsWith("CcHelper has no @Benchmark method (the %%jmh cell of CcWithHelper declares it "
                + "beside its benchmarks); the benchmark classes compiled so far are "), message);
        assertTrue(message.contains("CcFirst, CcSecond, CcWithHelper"), message);
        assertTrue(message.endsWith(": name one of them, e.g. bench(CcWithHelper.class)"), message);
    }

    @Test
    void beforeAnyCellIsCompiledTheMessageSaysSo(@TempDir Path dir) throws Exception {
        // A folder of its own: the shared one holds the cells of every test of this JVM.
        Constructor<CellClasses> constructor = CellClasses.class.getDeclaredConstructor(Path.class);
        constructor.setAccessible(true);
        CellClasses empty = constructor.newInstance(dir);

        Mistake none = assertThrows(Mistake.class, () -> empty.benchmark(CcFirst.class));

        assertEquals("CcFirst was not compiled by a %%jmh cell in this session; no %%jmh cell has compiled a "
                + "benchmark class yet. Run the %%jmh cell that defines CcFirst first", none.getMessage());
        assertEquals(List.of(), empty.all());
        assertEquals(Optional.empty(), empty.find("CcFirst"));
    }

    @Test
    void declaringFindsTheCellOfABenchmarkClass() {
        assertSame(first, CellClasses.shared().declaring(CcFirst.class, EXAMPLE));
    }

    @Test
    void declaringFindsTheCellOfAHelperClassDeclaredBesideTheBenchmarks() {
        assertSame(withHelper, CellClasses.shared().declaring(CcHelper.class, EXAMPLE));
    }

    @Test
    void declaringFindsANestedClassThroughItsEnclosingCellClass() {
        assertSame(withHelper, CellClasses.shared().declaring(CcHolder.Inner.class, EXAMPLE));
    }

    @Test
    void declaringANullClassAsksForOneWithTheCallersExample() {
        Mistake none = assertThrows(Mistake.class, () -> CellClasses.shared().declaring(null, EXAMPLE));

        assertEquals("name the class that declares the method, e.g. objectsOf(Point.class)", none.getMessage());
    }

    @Test
    void declaringAClassOfNoCellNamesTheClassAskedFor() {
        Mistake none = assertThrows(Mistake.class,
                () -> CellClasses.shared().declaring(CcNeverDeclared.Inner.class, EXAMPLE));

        assertEquals("Inner was not declared by a %%jmh cell in this session: run the %%jmh cell that declares it "
                + "first", none.getMessage());
    }

    @Test
    void findReturnsBenchmarkClassesOnlyByTheirSimpleNames() {
        CellClasses classes = CellClasses.shared();

        assertEquals(Optional.of(first), classes.find("CcFirst"));
        assertEquals(Optional.empty(), classes.find("CcHelper"), "a helper class is not a benchmark class");
        assertEquals(Optional.empty(), classes.find("cells.CcFirst"), "a qualified name is not a simple name");
        assertEquals(Optional.empty(), classes.find("CcNeverCompiled"));
    }

    @Test
    void allListsEveryCompiledBenchmarkClassInTheOrderFirstCompiledAndCannotBeChanged() {
        List<BenchClass> all = CellClasses.shared().all();

        assertTrue(all.indexOf(first) >= 0 && all.indexOf(first) < all.indexOf(second)
                && all.indexOf(second) < all.indexOf(withHelper), all::toString);
        assertTrue(all.stream().noneMatch(c -> c.simpleName().equals("CcHelper")), all::toString);
        assertThrows(UnsupportedOperationException.class, () -> all.add(first));
    }
}

package escapelab.view;

import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.tools.ToolProvider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BytecodeTest {

    private static final String SOURCE = """
            package demo;
            public class Maxes {
                static <T extends Comparable<T>> T max(T a, T b) {
                    return a.compareTo(b) >= 0 ? a : b;
                }
                static int maxInt(int a, int b) {
                    return a >= b ? a : b;
                }
                int maxInteger(int a, int b) {
                    return max(a, b);
                }
                double maxDouble(double a, double b) {
                    return max(a, b);
                }
            }
            """;

    @TempDir
    static Path folder;

    private static Path compiled() throws IOException {
        Path dir = Files.createTempDirectory(folder, "bytecode-test");
        Path source = dir.resolve("demo/Maxes.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, SOURCE);
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", dir.toString(), source.toString());
        assertEquals(0, status);
        return dir;
    }

    @Test
    void aGenericMethodIsOneErasedMethodTakingItsBound() throws IOException {
        Bytecode code = Bytecode.of("demo.Maxes", compiled());
        List<Bytecode.Member> max = code.methodsNamed("max");
        assertEquals(1, max.size());
        assertEquals("(Ljava/lang/Comparable;Ljava/lang/Comparable;)Ljava/lang/Comparable;", max.get(0).descriptor());
        assertTrue(max.get(0).declaration().startsWith("static <T extends java.lang.Comparable<T>> T max(T, T)"),
                max.get(0).declaration());
        assertEquals("(II)I", code.method("maxInt").descriptor());
        assertTrue(code.method("maxInt").listing().contains("if_icmplt"), code.method("maxInt").listing());
    }

    @Test
    void callSitesBoxTheirArgumentsAndCallTheOneMax() throws IOException {
        Bytecode code = Bytecode.of("demo.Maxes", compiled());
        Bytecode.Member integers = code.method("maxInteger");
        assertTrue(integers.calls("Integer.valueOf"), integers.listing());
        assertTrue(integers.calls("max"), integers.listing());
        assertTrue(integers.calls("Integer.intValue"), integers.listing());
        assertFalse(integers.calls("Double.valueOf"), integers.listing());
        assertTrue(code.method("maxDouble").calls("java/lang/Double.valueOf"), code.method("maxDouble").listing());
        assertFalse(code.method("maxInt").calls("max"), code.method("maxInt").listing());
    }

    @Test
    void onlyKeepsTheNamedMethodsInTheListing() throws IOException {
        Bytecode only = Bytecode.of("demo.Maxes", compiled()).only("max", "maxInt");
        assertEquals(List.of("max", "maxInt"), only.members().stream().map(Bytecode.Member::name).toList());
        assertTrue(only.text().startsWith("Compiled from \"Maxes.java\""), only.text());
        assertTrue(only.text().endsWith("}"), only.text());
        assertFalse(only.text().contains("maxDouble"), only.text());
        assertTrue(only.mimeBundle().get("text/html").startsWith("<pre>"));
    }

    @Test
    void aJdkClassIsListedFromTheRuntime() {
        List<Bytecode.Member> valueOf = Bytecode.of("java.lang.Integer", null).methodsNamed("valueOf");
        assertEquals(3, valueOf.size(), valueOf.toString());
        assertTrue(valueOf.stream().anyMatch(m -> m.descriptor().equals("(I)Ljava/lang/Integer;")), valueOf.toString());
    }

    @Test
    void aMissingClassOrMethodIsAMistakeThatSaysWhatThereIs() throws IOException {
        assertThrows(Mistake.class, () -> Bytecode.of("demo.NoSuchClass", compiled()));
        Mistake noMethod = assertThrows(Mistake.class, () -> Bytecode.of("demo.Maxes", compiled()).method("min"));
        assertTrue(noMethod.getMessage().contains("maxInt"), noMethod.getMessage());
    }

    @Test
    void aClassIsListedFromTheRunningJdkUnlessACellCompiledIt() {
        Bytecode integer = Bytecode.of(Integer.class);
        assertTrue(integer.text().contains("public final class java.lang.Integer"), integer.text());
        assertEquals(3, integer.methodsNamed("valueOf").size(), integer.methodsNamed("valueOf").toString());
        assertEquals("(I)I", integer.method("bitCount").descriptor());
    }

    @Test
    void noClassIsAMistake() {
        Mistake none = assertThrows(Mistake.class, () -> Bytecode.of((Class<?>) null));
        assertEquals("name the class to list, e.g. bytecode(Generics.class)", none.getMessage());
    }

    /** Named like the cell below: the session sees a cell's class as a class of its own with that name. */
    static final class ListedCell {
    }

    private static String listedCell(String method) {
        return "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class ListedCell {\n"
                + "  int x = 3;\n"
                + "  @Benchmark public Integer " + method + "() { return Integer.valueOf(x); }\n"
                + "}\n";
    }

    @Test
    void aCellsClassIsListedFromTheClassFileItsLatestCellCompiled() throws Exception {
        BenchCompiler compiler = new BenchCompiler(CellClasses.shared());
        compiler.compile(listedCell("boxed"), 2);
        Bytecode first = Bytecode.of(ListedCell.class);
        assertTrue(first.text().contains("class cells.ListedCell"), first.text());
        assertTrue(first.method("boxed").calls("Integer.valueOf"), first.method("boxed").listing());

        compiler.compile(listedCell("boxedAgain"), 2);
        Bytecode second = Bytecode.of(ListedCell.class);
        assertEquals(1, second.methodsNamed("boxedAgain").size(), second.text());
        assertEquals(List.of(), second.methodsNamed("boxed"), "the edited cell's class file, not the first one");
    }
}

package escapelab.fuzz;

import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FuzzerTest {

    @Test
    void findsAnOutOfBoundsReadAndSavesTheInput(@TempDir Path folder) throws Exception {
        Path testClasses = Path.of(ReadsPastFourBytes.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        FuzzSummary summary = Fuzzer.of(ReadsPastFourBytes.class.getName(), List.of(testClasses))
                .seconds(30).seed("one-byte", new byte[] {'A'}).in(folder).run();

        assertTrue(summary.crashed(), summary::toString);
        assertTrue(summary.finding().startsWith("java.lang.ArrayIndexOutOfBoundsException: Index 4 out of bounds"),
                summary.finding());
        Path saved = Path.of(summary.crashInput());
        assertEquals(folder.resolve("crashes"), saved.getParent());
        byte[] input = Files.readAllBytes(saved);
        assertEquals('E', input[0]);
        assertTrue(input.length <= 4, () -> input.length + " bytes");
        assertArrayEquals(new byte[] {'A'}, Files.readAllBytes(folder.resolve("corpus/seed-one-byte")));
    }

    @Test
    void instrumentsOnlyTheTargetsPackageAndPassesLibFuzzersFlags(@TempDir Path folder) {
        List<String> command = Fuzzer.of("cells.ParseHeader", List.of(folder)).seconds(5)
                .command(folder.resolve("corpus"), folder.resolve("crashes"));

        assertTrue(command.contains("--target_class=cells.ParseHeader"), command::toString);
        assertTrue(command.contains("--instrumentation_includes=cells.**"), command::toString);
        assertTrue(command.contains("-max_total_time=5"), command::toString);
        assertEquals(folder.resolve("corpus").toString(), command.get(command.size() - 1));
        String classPath = command.get(command.indexOf("-cp") + 1);
        assertEquals(folder + java.io.File.pathSeparator + Fuzzer.fuzzLib() + java.io.File.separator + "*", classPath);
    }

    @Test
    void refusesAZeroDurationAndANameThatIsAPath() {
        Fuzzer fuzzer = Fuzzer.of("cells.ParseHeader", List.of());

        assertThrows(Mistake.class, () -> fuzzer.seconds(0));
        assertThrows(Mistake.class, () -> fuzzer.seed("../valid", new byte[0]));
    }

    private static String cell(String name, String fuzzTarget) {
        return "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class " + name + " {\n"
                + "  byte[] packet = {1, 2, 3, 4};\n"
                + fuzzTarget
                + "  @Benchmark public int parse() { return packet.length; }\n"
                + "}\n";
    }

    @Test
    void aClassNoCellCompiledIsAMistake() {
        Mistake notACell = assertThrows(Mistake.class, () -> Fuzzer.ofCell(ReadsPastFourBytes.class));
        assertTrue(notACell.getMessage().startsWith("ReadsPastFourBytes was not compiled by a %%jmh cell in this session"),
                notACell.getMessage());
        assertThrows(Mistake.class, () -> Fuzzer.ofCell(null));
    }

    @Test
    void aCellWithoutAStaticFuzzTargetIsAMistake() throws Exception {
        BenchCompiler compiler = new BenchCompiler(CellClasses.shared());
        compiler.compile(cell("NoFuzzTarget", ""), 2);
        compiler.compile(cell("InstanceFuzzTarget", "  public void fuzzerTestOneInput(byte[] input) { }\n"), 2);

        Mistake missing = assertThrows(Mistake.class, () -> Fuzzer.ofCell(Class.forName("cells.NoFuzzTarget")));
        assertTrue(missing.getMessage().startsWith("NoFuzzTarget has no public static void fuzzerTestOneInput(byte[] input)"),
                missing.getMessage());
        Mistake instance = assertThrows(Mistake.class, () -> Fuzzer.ofCell(Class.forName("cells.InstanceFuzzTarget")));
        assertTrue(instance.getMessage().startsWith("InstanceFuzzTarget has no public static void fuzzerTestOneInput"),
                instance.getMessage());
    }

    @Test
    void aCellsFuzzTargetIsFuzzedFromItsSourceCompiledAgainForJava17(@TempDir Path folder) throws Exception {
        new BenchCompiler(CellClasses.shared()).compile(cell("FuzzableCell",
                "  public static void fuzzerTestOneInput(byte[] input) { if (input.length > 4096) throw new IllegalStateException(); }\n"), 2);

        Fuzzer fuzzer = Fuzzer.ofCell(Class.forName("cells.FuzzableCell"));

        assertEquals("fuzz cells.FuzzableCell for 10 s", fuzzer.toString());
        List<String> command = fuzzer.command(folder.resolve("corpus"), folder.resolve("crashes"));
        assertTrue(command.contains("--target_class=cells.FuzzableCell"), command::toString);
        Path classes = Path.of(command.get(command.indexOf("-cp") + 1).split(java.io.File.pathSeparator)[0]);
        byte[] classFile = Files.readAllBytes(classes.resolve("cells/FuzzableCell.class"));
        assertEquals(61, ((classFile[6] & 0xFF) << 8) | (classFile[7] & 0xFF), "class file major version");
        assertFalse(Files.exists(classes.resolve("cells/jmh_generated")), "JMH's generated classes are not fuzzed");
    }
}

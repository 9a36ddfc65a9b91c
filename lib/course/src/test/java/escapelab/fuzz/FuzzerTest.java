package escapelab.fuzz;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
}

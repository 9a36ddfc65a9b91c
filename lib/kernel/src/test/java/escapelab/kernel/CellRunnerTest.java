package escapelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.errors.CellFailure;
import escapelab.kernel.magic.CellMagicRunner;
import escapelab.kernel.magic.LineMagics;
import escapelab.kernel.shell.CellValue;
import escapelab.kernel.shell.JShellSession;
import escapelab.kernel.shell.SessionStartup;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kernel's own magics that run code: {@code %load} and {@code %%time}, on a real session. */
class CellRunnerTest {

    @TempDir
    static Path dir;

    private static JShellSession session;
    private static CellRunner runner;
    private static final List<Path> added = new ArrayList<>();

    @BeforeAll
    static void start() {
        session = new JShellSession();
        runner = new CellRunner(session, new LineMagics(added::add, dir), new CellMagicRunner(session.classLoader()),
                SessionStartup.finished());
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static String stdoutOf(Cell cell) throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            cell.run();
        } finally {
            System.setOut(original);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    private interface Cell {
        void run() throws Exception;
    }

    @Test
    void timeRunsTheCellKeepsItsValueAndPrintsTheTimes() throws Exception {
        Optional<?>[] value = new Optional<?>[1];
        String out = stdoutOf(() -> value[0] = runner.run("%%time\nint base = 40;\nbase + 2", 1));
        assertEquals(42, ((CellValue) value[0].orElseThrow()).value());
        assertTrue(out.matches("CPU times: total .+\nWall time: .+\n"), out);
    }

    @Test
    void timeCountsErrorLinesInTheWholeCell() {
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run("%%time\n\nint x = 1;\nint y = \"no\";", 2));
        assertTrue(failure.report().traceback().get(0).startsWith("cell line 4"), failure.report().traceback().toString());
    }

    @Test
    void timeWithArgumentsOrNothingToTimeIsAClearError() {
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run("%%time 1 + 1", 3));
        assertEquals("MagicError", failure.report().name());
        assertTrue(failure.report().value().startsWith("%%time takes no arguments"), failure.report().value());
        failure = assertThrows(CellFailure.class, () -> runner.run("%%time\n  \n", 3));
        assertEquals("%%time needs code to time on the lines below it.", failure.report().value());
    }

    @Test
    void loadRunsTheFileAsTheCellAndGivesItsValue() throws Exception {
        Files.writeString(dir.resolve("Helpers.java"), "int triple(int n) {\n    return 3 * n;\n}\ntriple(5)\n");
        assertEquals(15, runner.run("%load Helpers.java", 4).orElseThrow().value());
        assertEquals(21, runner.run("triple(7)", 5).orElseThrow().value());
    }

    @Test
    void loadErrorsNameTheFileAndItsLine() throws Exception {
        Files.writeString(dir.resolve("Broken.java"), "int ok = 1;\nint broken = \"text\";\n");
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run("%load Broken.java", 6));
        assertTrue(failure.report().traceback().get(0).startsWith("Broken.java line 2"),
                failure.report().traceback().toString());
    }

    @Test
    void unknownCellMagicsListTheKernelsOwn() {
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run("%%tiem\n1", 7));
        assertTrue(failure.report().traceback().stream().anyMatch(l -> l.startsWith("Cell magics: %%time")),
                failure.report().traceback().toString());
    }
}

package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Forks started ahead of time: which commands may use one, and real runs that do. */
class StandbyForksTest {

    private static List<String> fork(String... flags) {
        List<String> command = new ArrayList<>(List.of("/usr/bin/java"));
        command.addAll(List.of(flags));
        command.addAll(List.of("-cp", "a.jar", "org.openjdk.jmh.runner.ForkedMain", "127.0.0.1", "40001"));
        return command;
    }

    @Test
    void aForkWhoseFlagsWriteAFileOfItsOwnStartsAsJmhStartsIt() {
        assertNull(StandbyForks.key(fork("-Xlog:gc:file=gc.log")), "two JVMs would write gc.log at once");
        assertNull(StandbyForks.key(fork("-XX:DumpLoadedClassList=forks.classlist")));
        assertNull(StandbyForks.key(fork("-XX:+UnlockDiagnosticVMOptions", "-XX:LogFile=compile.log")));
        assertNull(StandbyForks.key(fork("-XX:StartFlightRecording=filename=run.jfr")));
        assertNull(StandbyForks.key(List.of("perf", "record", "java", "-cp", "a.jar", "Main", "h", "1")),
                "not JMH's fork main: a profiler's command");
        assertNotNull(StandbyForks.key(fork("-XX:LogFile=logs/hotspot_%p.log", "-XX:SharedArchiveFile=f.jsa")),
                "a log named by pid and a class-data archive are each JVM's own");
    }

    @Test
    void theHostsAddressAndTheNameOfJmhsHintsFileAreNoPartOfTheCommandAStandbyNeeds(@TempDir Path dir)
            throws Exception {
        Path hints = Files.writeString(dir.resolve("compilecommand1"), "quiet\n");
        Path same = Files.writeString(dir.resolve("compilecommand2"), "quiet\n");
        Path other = Files.writeString(dir.resolve("compilecommand3"), "quiet\ninline,cells/A.*\n");
        List<String> first = fork("-XX:CompileCommandFile=" + hints);
        List<String> second = fork("-XX:CompileCommandFile=" + same);
        second.set(second.size() - 1, "40002");

        assertEquals(StandbyForks.key(first), StandbyForks.key(second));
        assertTrue(!StandbyForks.key(first).equals(StandbyForks.key(fork("-XX:CompileCommandFile=" + other))),
                "other hints are another command");
    }

    private static BenchClass compile(String bodyOfA) throws Exception {
        return new BenchCompiler(CellClasses.shared()).compile(
                "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class Standby {\n"
                + "  static Object kept;\n"
                + "  int x = 3;\n"
                + "  @Benchmark public int a() { " + bodyOfA + " }\n"
                + "  @Benchmark public int b() { return x; }\n"
                + "}\n", 1);
    }

    /** Waits, as long as a learner's edit takes, until {@code count} standbys are ready. */
    private static void awaitReady(int count) throws InterruptedException {
        for (int i = 0; i < 100 && StandbyForks.ready() < count; i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void aStandbyStartedBeforeACellIsCompiledAgainRunsTheNewCode() throws Exception {
        StandbyForks.endWaiting();
        BenchRun before = new Bench(List.of(compile("return x + 1;"))).profile(Profile.QUICK).run();
        BenchClass edited = compile("kept = new int[4]; return x;");
        awaitReady(2);
        int handOffs = StandbyForks.handOffs();
        BenchRun after = new Bench(List.of(edited)).profile(Profile.QUICK).run();

        assertEquals(2, StandbyForks.handOffs() - handOffs,
                "both forks of the second run were standbys, started one after the other as the first run ended");
        assertTrue(before.bytesPerOp("a") < 1, () -> "nothing allocated before the edit: " + before.bytesPerOp("a"));
        assertTrue(after.bytesPerOp("a") >= 16, () -> "the edited a() allocates an int[4]: " + after.bytesPerOp("a"));
        assertTrue(after.bytesPerOp("b") < 1, () -> "b() allocates nothing: " + after.bytesPerOp("b"));
    }

    @Test
    void aRunsFirstForkIsTheStandbyItsCellsCompileStarted() throws Exception {
        RunWarmup.start().orElseThrow().join(60_000);
        StandbyForks.endWaiting();
        BenchClass cls = compile("return x + 2;");
        awaitReady(1);
        int handOffs = StandbyForks.handOffs();
        BenchRun run = new Bench(List.of(cls)).profile(Profile.QUICK).run();

        assertEquals(1, StandbyForks.handOffs() - handOffs, "the first fork was the standby the compile started");
        assertEquals(List.of("a", "b"), run.results().stream().map(BenchResult::method).sorted().toList());
    }
}

package escapelab.bench;

import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A learner's own {@code new Runner(opt).run()} in a cell: real forks, kept short. */
class RunnerTest {

    private static Options shortRun(String include) {
        return new OptionsBuilder().include(include).forks(1).warmupIterations(0).measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(50)).build();
    }

    @Test
    void aForkTakesNoneOfThisJvmsFlagsButTheBenchmarksOwnStill() throws Exception {
        new BenchCompiler(CellClasses.shared()).compile("import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class RunnerOwnFlags {\n"
                + "  int x = 3;\n"
                + "  @Benchmark public int plain() { return x + 1; }\n"
                + "  @Benchmark @Fork(jvmArgs = \"-Xss3m\") public int flagged() { return x * 2; }\n"
                + "}\n", 1);

        Collection<RunResult> results = new Runner(shortRun("cells.RunnerOwnFlags")).run();

        Map<String, List<String>> flags = results.stream().collect(Collectors.toMap(
                r -> r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1),
                r -> List.copyOf(r.getParams().getJvmArgs())));
        assertEquals(Map.of("plain", List.of(), "flagged", List.of("-Xss3m")), flags);
        List<String> ours = ManagementFactory.getRuntimeMXBean().getInputArguments();
        assertTrue(ours.contains("-Djol.magicFieldOffset=true"), "this test JVM has flags of its own: " + ours);
    }

    @Test
    void optionsThatNameTheFlagsAreLeftAsTheyAre() {
        Options named = new OptionsBuilder().include("x").jvmArgs("-Xmx64m").build();

        assertEquals(List.of(named), Runner.withoutKernelFlags(named, List.of()));
    }

    @Test
    void waitsWhileAnotherRunHoldsJmhsLockInsteadOfExiting() throws Exception {
        new BenchCompiler(CellClasses.shared()).compile("import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\npublic class RunnerWaits {\n  int x = 3;\n"
                + "  @Benchmark public int once() { return x; }\n}\n", 1);
        Thread otherRun = JmhLock.heldFor(1500);

        Collection<RunResult> results = new Runner(shortRun("cells.RunnerWaits")).run();

        assertFalse(otherRun.isAlive(), "the run started only once the lock was free");
        assertEquals(1, results.size());
    }
}

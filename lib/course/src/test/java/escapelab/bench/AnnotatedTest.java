package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.Options;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A benchmark's own run shape, read from JMH's list: kept where the course adds to it, named where a profile replaces it. */
class AnnotatedTest {

    private static BenchClass compile(String source) throws Exception {
        return new BenchCompiler(CellClasses.shared()).compile(source, 1);
    }

    private static final String FORKED = "import org.openjdk.jmh.annotations.*;\n"
            + "@State(Scope.Thread)\n"
            + "@Fork(value = 0, jvmArgs = \"-XX:-DoEscapeAnalysis\", jvmArgsAppend = \"-Xss2m\")\n"
            + "@Warmup(iterations = 5, time = 1)\n"
            + "public class AnForkedOwn {\n"
            + "  int x = 3;\n"
            + "  @Benchmark public int sum() { return x + 1; }\n"
            + "  @Benchmark @Fork(jvmArgs = \"-XX:+UseSerialGC\") public int other() { return x * 2; }\n"
            + "}\n";

    private static List<String> flags(Options options) {
        List<String> all = new ArrayList<>(options.getJvmArgsPrepend().get());
        all.addAll(options.getJvmArgs().get());
        all.addAll(options.getJvmArgsAppend().get());
        return all;
    }

    @Test
    void theBenchmarksOwnForkFlagsAreKeptBetweenTheCoursesAndTheLearners() throws Exception {
        BenchClass cell = compile(FORKED);
        Bench plan = new Bench(List.of(cell)).methods("sum").jvmArgs("-Xss4m");
        List<BenchmarkListEntry> entries = Annotated.entries(plan);
        assertEquals(1, entries.size());

        List<Options> options = JmhOptions.of(plan, Variant.of("default"), List.of("-XX:+LogCompilation"), entries);

        assertEquals(1, options.size());
        assertEquals(List.of("-XX:-DoEscapeAnalysis"), List.copyOf(options.get(0).getJvmArgs().get()));
        List<String> all = flags(options.get(0));
        assertEquals(List.of("-XX:-DoEscapeAnalysis", "-Xss2m", "-XX:+LogCompilation", "-Xss4m"),
                all.subList(all.indexOf("-XX:-DoEscapeAnalysis"), all.size()));
        assertTrue(all.indexOf("-XX:+UseParallelGC") < all.indexOf("-XX:-DoEscapeAnalysis"), all::toString);
    }

    @Test
    void benchmarksWithDifferentForkFlagsRunApart() throws Exception {
        BenchClass cell = compile(FORKED);
        Bench plan = new Bench(List.of(cell));

        List<Options> options = JmhOptions.of(plan, Variant.of("default"), List.of(), Annotated.entries(plan));

        assertEquals(2, options.size());
        assertEquals(List.of(List.of("-XX:-DoEscapeAnalysis"), List.of("-XX:+UseSerialGC")),
                options.stream().map(o -> List.copyOf(o.getJvmArgs().get())).sorted((a, b) -> b.get(0).compareTo(a.get(0)))
                        .toList());
        assertTrue(options.stream().allMatch(o -> o.getIncludes().size() == 1), "each run includes its own benchmarks");
    }

    @Test
    void aProfileNamesTheAnnotationsItReplaced() throws Exception {
        Bench plan = new Bench(List.of(compile(FORKED))).methods("sum");

        Optional<String> note = Annotated.replacedBy(Profile.QUICK, Annotated.entries(plan));

        assertEquals(Optional.of("The profile (" + Profile.QUICK.describe() + ") replaced @Fork(0), "
                + "@Warmup(iterations = 5, time = 1 s) of AnForkedOwn. Run .profile(ANNOTATED) to run them as annotated."),
                note);
        assertEquals(Optional.empty(), Annotated.replacedBy(Profile.ANNOTATED, Annotated.entries(plan)));
    }

    @Test
    void runAsAnnotatedTheOptionsLeaveTheShapeToTheBenchmarkButNeverRunInTheKernel() throws Exception {
        Bench plan = new Bench(List.of(compile(FORKED))).methods("sum").profile(Profile.ANNOTATED);

        Options options = JmhOptions.of(plan, Variant.of("default"), List.of(), Annotated.entries(plan)).get(0);

        assertEquals(1, options.getForkCount().get(), "@Fork(0) runs in one fork, not in the notebook's JVM");
        assertFalse(options.getWarmupIterations().hasValue());
        assertFalse(options.getMeasurementIterations().hasValue());
        assertTrue(Profile.ANNOTATED.asAnnotated());
        assertFalse(Profile.QUICK.asAnnotated());
    }

    @Test
    void threadsAndProfilersAreJmhsOwnWords() {
        BenchClass cell = new BenchClass("cells.Plain", "Plain", "", List.of("cells.Plain"), List.of("run"));
        Bench plan = new Bench(List.of(cell)).threads(4).profiler("stack:lines=3");

        Options options = JmhOptions.of(plan, Variant.of("default"), List.of(), List.of()).get(0);

        assertEquals(4, options.getThreads().get());
        assertEquals(List.of("org.openjdk.jmh.profile.GCProfiler", "stack"),
                options.getProfilers().stream().map(p -> p.getKlass()).toList());
        assertEquals("lines=3", options.getProfilers().get(1).getOpts());
        assertEquals("a benchmark runs on 1 thread or more; got threads(0)",
                assertThrows(Mistake.class, () -> new Bench(List.of(cell)).threads(0)).getMessage());
        String unknown = assertThrows(Mistake.class, () -> new Bench(List.of(cell)).profiler("nosuch")).getMessage();
        assertTrue(unknown.startsWith("JMH's profiler 'nosuch' cannot run here: "), unknown);
        assertTrue(unknown.contains("stack"), "the message lists the profilers JMH has: " + unknown);
    }

    @Test
    void jmhsCommandLineOptionsAreNotTakenForJvmFlags() {
        BenchClass cell = new BenchClass("cells.Plain", "Plain", "", List.of("cells.Plain"), List.of("run"));
        String prof = assertThrows(Mistake.class, () -> new Bench(List.of(cell)).jvmArgs("-prof", "stack")).getMessage();
        assertTrue(prof.startsWith("'-prof' in jvmArgs is an option of JMH's command line, not a JVM flag: "
                + "add a profiler with .profiler(\"stack\")"), prof);
        String threads = assertThrows(Mistake.class, () -> new Bench(List.of(cell)).variant("four", "-t", "4")).getMessage();
        assertTrue(threads.contains("set the threads with .threads(4)"), threads);
    }
}

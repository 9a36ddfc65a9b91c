package escapelab.bench;

import escapelab.cell.BenchClass;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.ProfilerConfig;
import org.openjdk.jmh.runner.options.TimeValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A plan in JMH's words: building the options starts no fork, so nothing here runs a benchmark. */
class JmhOptionsTest {

    private static final String UNSAFE_ALLOWED = "--sun-misc-unsafe-memory-access=allow";
    private static final List<String> FORK_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC");

    private static final BenchClass FIRST = new BenchClass("cells.FirstEscape", "FirstEscape", "",
            List.of("cells.FirstEscape"), List.of("valueReturn", "pointerReturn", "arrayReturn"));
    private static final BenchClass BOXING = new BenchClass("cells.Boxing", "Boxing", "",
            List.of("cells.Boxing"), List.of("valueReturn", "boxed"));

    private static Bench bench() {
        return new Bench(List.of(FIRST, BOXING));
    }

    /** Whether JMH (which finds an include in a benchmark's qualified name) would run that benchmark. */
    private static boolean runs(Options options, String benchmark) {
        return options.getIncludes().stream().anyMatch(include -> Pattern.compile(include).matcher(benchmark).find());
    }

    /** A fork's flags in the order JMH gives them: prepended, in place of the JVM's own, appended. */
    private static List<String> jvmArgs(Options options) {
        List<String> all = new ArrayList<>(options.getJvmArgsPrepend().get());
        all.addAll(options.getJvmArgs().get());
        all.addAll(options.getJvmArgsAppend().get());
        return all;
    }

    /** The options of a plan whose benchmarks annotate no fork flags: one JMH run. */
    private static Options one(RunPlan<?> plan, Variant variant) {
        List<Options> options = JmhOptions.of(plan, variant, List.of(), List.of());
        assertEquals(1, options.size());
        return options.get(0);
    }

    @Test
    void benchmarkCountIsEveryBenchmarkOfEveryClassWithoutMethodsOrParams() {
        assertEquals(5, JmhOptions.benchmarkCount(bench()));
    }

    @Test
    void benchmarkCountCountsAChosenMethodInEachClassThatHasIt() {
        assertEquals(2, JmhOptions.benchmarkCount(bench().methods("valueReturn")));
        assertEquals(2, JmhOptions.benchmarkCount(bench().methods("boxed", "arrayReturn")));
    }

    @Test
    void benchmarkCountMultipliesByEveryCombinationOfParamValues() {
        Bench bench = bench().methods("valueReturn", "boxed").param("size", "10", "100", "1000").param("kind", "a", "b");

        assertEquals(3 * 3 * 2, JmhOptions.benchmarkCount(bench));
    }

    @Test
    void optionsTakeTheProfilesForksIterationsAndTimes() {
        Options thorough = one(bench().profile(Profile.THOROUGH), Variant.of("default"));
        assertEquals(2, thorough.getForkCount().get());
        assertEquals(5, thorough.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(1000), thorough.getWarmupTime().get());
        assertEquals(5, thorough.getMeasurementIterations().get());
        assertEquals(TimeValue.milliseconds(1000), thorough.getMeasurementTime().get());

        Options timing = one(bench().profile(Profile.TIMING), Variant.of("default"));
        assertEquals(2, timing.getForkCount().get());
        assertEquals(3, timing.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(300), timing.getWarmupTime().get());
        assertEquals(5, timing.getMeasurementIterations().get());
        assertEquals(TimeValue.milliseconds(400), timing.getMeasurementTime().get());

        Options quick = one(bench().profile(Profile.QUICK), Variant.of("default"));
        assertEquals(1, quick.getForkCount().get());
        assertEquals(3, quick.getMeasurementIterations().get());
    }

    @Test
    void optionsAlwaysProfileTheGarbageCollectorAndGoOnPastABenchmarksError() {
        Options options = one(bench(), Variant.of("default"));

        assertEquals(List.of(new ProfilerConfig(GCProfiler.class.getCanonicalName())), options.getProfilers());
        assertFalse(options.shouldFailOnError().get(), "one benchmark that throws must not lose the others");
    }

    @Test
    void withoutMethodsOptionsIncludeEveryBenchmarkOfTheClassesOnly() {
        Options options = one(bench(), Variant.of("default"));

        assertEquals(2, options.getIncludes().size(), options.getIncludes()::toString);
        assertTrue(runs(options, "cells.FirstEscape.pointerReturn"));
        assertTrue(runs(options, "cells.Boxing.boxed"));
        assertFalse(runs(options, "cells.FirstEscapeToo.pointerReturn"), "another class whose name starts alike");
        assertFalse(runs(options, "other.cells.FirstEscape.pointerReturn"), "a class of the same name elsewhere");
        assertFalse(runs(options, "cellsXFirstEscape.pointerReturn"), "the dots of the class name are literal");
    }

    @Test
    void chosenMethodsAreTheOnlyOnesIncluded() {
        Options options = one(bench().methods("valueReturn", "arrayReturn"), Variant.of("default"));

        assertTrue(runs(options, "cells.FirstEscape.valueReturn"));
        assertTrue(runs(options, "cells.FirstEscape.arrayReturn"));
        assertTrue(runs(options, "cells.Boxing.valueReturn"));
        assertFalse(runs(options, "cells.FirstEscape.pointerReturn"));
        assertFalse(runs(options, "cells.Boxing.boxed"));
        assertFalse(runs(options, "cells.FirstEscape.valueReturnBoxed"), "a method whose name starts alike");
    }

    @Test
    void optionsCarryTheParamValues() {
        Options options = one(bench().param("size", "10", "1000"), Variant.of("default"));

        assertEquals(List.of("10", "1000"), List.copyOf(options.getParameter("size").get()));
        assertFalse(options.getParameter("kind").hasValue());
    }

    @Test
    void theForkArgsComeBeforeTheVariantsFlagsSoThatTheVariantsWin() {
        Options options = one(bench(), Variant.of("EA off", "-XX:-DoEscapeAnalysis", "-Xmx2g"));

        List<String> expected = new ArrayList<>();
        if (Runtime.version().feature() >= 23) {
            expected.add(UNSAFE_ALLOWED);
        }
        expected.addAll(FORK_ARGS);
        expected.addAll(List.of("-XX:-DoEscapeAnalysis", "-Xmx2g"));
        assertEquals(expected, jvmArgs(options));
        assertFalse(options.getJvm().hasValue(), "a variant of the running JDK forks JMH's default java");
    }

    @Test
    void aVariantOnJdk25AllowsUnsafeFirstAndForksThatJdk(@TempDir Path dir) throws Exception {
        Path home = FakeJdk.home(dir, "jdk-25", "25.0.3");
        Variant variant = new Variant("JDK 25", List.of("-XX:+UseCompactObjectHeaders"), home);

        Options options = one(bench(), variant);

        List<String> expected = new ArrayList<>(List.of(UNSAFE_ALLOWED));
        expected.addAll(FORK_ARGS);
        expected.add("-XX:+UseCompactObjectHeaders");
        assertEquals(expected, jvmArgs(options));
        assertEquals(home.resolve("bin/java").toString(), options.getJvm().get());
    }

    @Test
    void unsafeIsAllowedFromJdk23OnOnly(@TempDir Path dir) throws Exception {
        Variant on22 = new Variant("JDK 22", List.of(), FakeJdk.home(dir, "jdk-22", "22.0.2"));
        Variant on23 = new Variant("JDK 23", List.of(), FakeJdk.home(dir, "jdk-23", "23"));
        Variant on17 = new Variant("JDK 17", List.of(), FakeJdk.home(dir, "jdk-17", "17.0.12"));

        assertEquals(FORK_ARGS, jvmArgs(one(bench(), on22)));
        assertEquals(FORK_ARGS, jvmArgs(one(bench(), on17)));
        assertEquals(UNSAFE_ALLOWED, jvmArgs(one(bench(), on23)).get(0));
        assertEquals(1, jvmArgs(one(bench(), on23)).stream().filter(UNSAFE_ALLOWED::equals).count());
    }

    @Test
    void theRunsExtraFlagsThenTheLearnersThenTheVariantsComeLast() {
        Options options = JmhOptions.of(bench().jvmArgs("-Xss4m"), Variant.of("EA off", "-XX:-DoEscapeAnalysis"),
                List.of("-XX:+LogCompilation"), List.of()).get(0);

        List<String> args = jvmArgs(options);
        assertEquals(List.of("-XX:+LogCompilation", "-Xss4m", "-XX:-DoEscapeAnalysis"),
                args.subList(args.size() - 3, args.size()));
    }

    @Test
    void aForkNeverTakesTheKernelsOwnFlags() {
        Options options = one(bench(), Variant.of("default"));

        assertTrue(options.getJvmArgs().hasValue(), "JMH copies this JVM's flags where nothing sets them");
        assertEquals(List.of(), List.copyOf(options.getJvmArgs().get()));
    }
}

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

    private static List<String> jvmArgs(Options options) {
        return new ArrayList<>(options.getJvmArgs().get());
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
        Options thorough = JmhOptions.of(bench().profile(Profile.THOROUGH), Variant.of("default"), FORK_ARGS);
        assertEquals(2, thorough.getForkCount().get());
        assertEquals(5, thorough.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(1000), thorough.getWarmupTime().get());
        assertEquals(5, thorough.getMeasurementIterations().get());
        assertEquals(TimeValue.milliseconds(1000), thorough.getMeasurementTime().get());

        Options timing = JmhOptions.of(bench().profile(Profile.TIMING), Variant.of("default"), FORK_ARGS);
        assertEquals(2, timing.getForkCount().get());
        assertEquals(3, timing.getWarmupIterations().get());
        assertEquals(TimeValue.milliseconds(300), timing.getWarmupTime().get());
        assertEquals(5, timing.getMeasurementIterations().get());
        assertEquals(TimeValue.milliseconds(400), timing.getMeasurementTime().get());

        Options quick = JmhOptions.of(bench().profile(Profile.QUICK), Variant.of("default"), FORK_ARGS);
        assertEquals(1, quick.getForkCount().get());
        assertEquals(3, quick.getMeasurementIterations().get());
    }

    @Test
    void optionsAlwaysProfileTheGarbageCollectorAndFailOnABenchmarksError() {
        Options options = JmhOptions.of(bench(), Variant.of("default"), FORK_ARGS);

        assertEquals(List.of(new ProfilerConfig(GCProfiler.class.getCanonicalName())), options.getProfilers());
        assertTrue(options.shouldFailOnError().get());
    }

    @Test
    void withoutMethodsOptionsIncludeEveryBenchmarkOfTheClassesOnly() {
        Options options = JmhOptions.of(bench(), Variant.of("default"), FORK_ARGS);

        assertEquals(2, options.getIncludes().size(), options.getIncludes()::toString);
        assertTrue(runs(options, "cells.FirstEscape.pointerReturn"));
        assertTrue(runs(options, "cells.Boxing.boxed"));
        assertFalse(runs(options, "cells.FirstEscapeToo.pointerReturn"), "another class whose name starts alike");
        assertFalse(runs(options, "other.cells.FirstEscape.pointerReturn"), "a class of the same name elsewhere");
        assertFalse(runs(options, "cellsXFirstEscape.pointerReturn"), "the dots of the class name are literal");
    }

    @Test
    void chosenMethodsAreTheOnlyOnesIncluded() {
        Options options = JmhOptions.of(bench().methods("valueReturn", "arrayReturn"), Variant.of("default"), FORK_ARGS);

        assertTrue(runs(options, "cells.FirstEscape.valueReturn"));
        assertTrue(runs(options, "cells.FirstEscape.arrayReturn"));
        assertTrue(runs(options, "cells.Boxing.valueReturn"));
        assertFalse(runs(options, "cells.FirstEscape.pointerReturn"));
        assertFalse(runs(options, "cells.Boxing.boxed"));
        assertFalse(runs(options, "cells.FirstEscape.valueReturnBoxed"), "a method whose name starts alike");
    }

    @Test
    void optionsCarryTheParamValues() {
        Options options = JmhOptions.of(bench().param("size", "10", "1000"), Variant.of("default"), FORK_ARGS);

        assertEquals(List.of("10", "1000"), List.copyOf(options.getParameter("size").get()));
        assertFalse(options.getParameter("kind").hasValue());
    }

    @Test
    void theForkArgsComeBeforeTheVariantsFlagsSoThatTheVariantsWin() {
        Options options = JmhOptions.of(bench(), Variant.of("EA off", "-XX:-DoEscapeAnalysis", "-Xmx2g"), FORK_ARGS);

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

        Options options = JmhOptions.of(bench(), variant, FORK_ARGS);

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

        assertEquals(FORK_ARGS, jvmArgs(JmhOptions.of(bench(), on22, FORK_ARGS)));
        assertEquals(FORK_ARGS, jvmArgs(JmhOptions.of(bench(), on17, FORK_ARGS)));
        assertEquals(UNSAFE_ALLOWED, jvmArgs(JmhOptions.of(bench(), on23, FORK_ARGS)).get(0));
        assertEquals(1, jvmArgs(JmhOptions.of(bench(), on23, FORK_ARGS)).stream().filter(UNSAFE_ALLOWED::equals).count());
    }

    @Test
    void thePlansOwnJvmArgsAreLeftToTheCallersForkArgs() {
        Options options = JmhOptions.of(bench().jvmArgs("-Xss4m"), Variant.of("default"), List.of("-Xmx1g"));

        assertFalse(jvmArgs(options).contains("-Xss4m"), jvmArgs(options)::toString);
    }
}

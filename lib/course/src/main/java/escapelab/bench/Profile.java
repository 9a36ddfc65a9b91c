package escapelab.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How long and how often JMH measures: {@link #QUICK} and {@link #THOROUGH} for any run (the
 * default picked by {@value #ENV}), {@link #TIMING} and {@link #LONG_TIMING} for the lessons that
 * compare times, {@link #ANNOTATED} to run a benchmark as its annotations say. Every profile
 * fixes the heap and names the collector (a benchmark's own {@code @Fork} flags come after, and
 * win), so that bytes per operation (exact for the code C2 compiled in that run) mean the same
 * in each; the quick one is not meant for claims about time.
 */
public enum Profile {

    /**
     * Workshop speed: one fork, 2 x 300 ms warm-up, 3 x 100 ms measurement. The warm-up is what
     * lets C2 compile the measured loop before the first measured iteration, so it is the part
     * not cut; bytes per operation from C2's code are the same in every iteration after it, and
     * 100 ms hold thousands of operations even of the course's slowest quick benchmarks.
     */
    QUICK(1, 2, 300, 3, 100),

    /** For claims about time: two forks, 5 x 1 s warm-up, 5 x 1 s measurement. */
    THOROUGH(2, 5, 1000, 5, 1000),

    /**
     * For comparing the times of two or three methods inside a lesson's budget: two forks,
     * 3 x 300 ms warm-up, 5 x 400 ms measurement. Ten samples from two JVMs give a 99.9%
     * interval that can separate a difference of a few percent, at about a third of the cost of
     * {@link #THOROUGH}; run it on the methods being compared, not on a whole sweep.
     */
    TIMING(2, 3, 300, 5, 400),

    /**
     * For operations that take milliseconds, such as filling a map of a million entries: three
     * forks, 2 x 1 s warm-up, 5 x 1 s measurement. An iteration then holds tens of calls, not
     * millions, and the garbage collections they cause land inside it: longer iterations and a
     * third JVM keep the 99.9% interval narrow enough to compare. About 25 s per method.
     */
    LONG_TIMING(3, 2, 1000, 5, 1000),

    /**
     * As the benchmark says: its own {@code @Fork}, {@code @Warmup} and {@code @Measurement}, and
     * JMH's defaults where it has none (5 forks of 5 x 10 s warm-up and 5 x 10 s measurement: minutes
     * per method). A benchmark never runs in the notebook's own JVM: {@code @Fork(0)} runs in one fork.
     */
    ANNOTATED(-1, -1, -1, -1, -1);

    /** The environment variable that picks the default profile: a profile's name, such as {@code thorough}. */
    public static final String ENV = "ESCAPELAB_PROFILE";

    /**
     * JVM flags of every fork: a fixed heap and a named collector. The parallel collector does
     * no concurrent work beside the benchmark, which matters on a 2-core machine.
     */
    public static final List<String> FORK_JVM_ARGS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC");

    final int forks;
    final int warmupIterations;
    final int warmupMillis;
    final int iterations;
    final int iterationMillis;

    Profile(int forks, int warmupIterations, int warmupMillis, int iterations, int iterationMillis) {
        this.forks = forks;
        this.warmupIterations = warmupIterations;
        this.warmupMillis = warmupMillis;
        this.iterations = iterations;
        this.iterationMillis = iterationMillis;
    }

    /** The profile named by {@value #ENV}, else {@link #QUICK}. */
    public static Profile fromEnvironment() {
        String name = System.getenv(ENV);
        if (name == null || name.isBlank()) {
            return QUICK;
        }
        try {
            return valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(ENV + " is '" + name + "'; use one of "
                    + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
        }
    }

    /** Whether this profile leaves the run's shape to each benchmark's annotations. */
    public boolean asAnnotated() {
        return forks < 0;
    }

    /** E.g. "quick: 1 fork, 2 x 300 ms warm-up, 3 x 100 ms measurement". */
    public String describe() {
        if (asAnnotated()) {
            return "annotated: each benchmark's own @Fork, @Warmup and @Measurement, JMH's defaults where it has none";
        }
        return name().toLowerCase(Locale.ROOT) + ": " + forks + " fork" + (forks == 1 ? "" : "s") + ", "
                + warmupIterations + " x " + warmupMillis + " ms warm-up, "
                + iterations + " x " + iterationMillis + " ms measurement";
    }
}

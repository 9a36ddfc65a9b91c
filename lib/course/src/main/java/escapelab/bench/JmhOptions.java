package escapelab.bench;

import escapelab.cell.BenchClass;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A plan in JMH's own words: the {@link Options} of one variant's run, and how many benchmarks it makes. */
final class JmhOptions {

    /** The JDK release from which using sun.misc.Unsafe prints a warning (JEP 471). */
    private static final int UNSAFE_WARNINGS_FROM = 23;

    private JmhOptions() {
    }

    /** How many benchmark runs one variant of the plan makes: methods times parameter combinations. */
    static int benchmarkCount(RunPlan<?> plan) {
        List<String> methods = plan.chosenMethods();
        int count = 0;
        for (BenchClass c : plan.classes()) {
            count += methods.isEmpty() ? c.benchmarks().size()
                    : (int) c.benchmarks().stream().filter(methods::contains).count();
        }
        int combinations = plan.chosenParams().values().stream().mapToInt(v -> v.length).reduce(1, (a, b) -> a * b);
        return count * combinations;
    }

    /** JMH's options for one variant: the plan's profile, benchmarks and parameters, the GC profiler, these fork flags. */
    static Options of(RunPlan<?> plan, Variant variant, List<String> forkArgs) {
        Profile profile = plan.chosenProfile();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(profile.forks)
                .warmupIterations(profile.warmupIterations)
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis))
                .measurementIterations(profile.iterations)
                .measurementTime(TimeValue.milliseconds(profile.iterationMillis))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        List<String> methods = plan.chosenMethods();
        for (BenchClass c : plan.classes()) {
            String only = methods.isEmpty() ? "[^.]+"
                    : methods.stream().map(Pattern::quote).collect(Collectors.joining("|", "(", ")"));
            options.include("^" + Pattern.quote(c.name()) + "\\." + only + "$");
        }
        plan.chosenParams().forEach(options::param);
        List<String> args = new ArrayList<>();
        if (variant.feature() >= UNSAFE_WARNINGS_FROM) {
            // JMH's harness uses sun.misc.Unsafe, and from JDK 23 on each fork says so on its
            // standard error, which lands in the cell; the measurement does not change.
            args.add("--sun-misc-unsafe-memory-access=allow");
        }
        args.addAll(forkArgs);
        args.addAll(variant.jvmArgs());
        options.jvmArgs(args.toArray(String[]::new));
        if (variant.javaExecutable() != null) {
            options.jvm(variant.javaExecutable());
        }
        return options.build();
    }
}

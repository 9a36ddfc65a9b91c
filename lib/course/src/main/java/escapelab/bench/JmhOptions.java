package escapelab.bench;

import escapelab.bench.Annotated.ForkFlags;
import escapelab.cell.BenchClass;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A plan in JMH's own words: the {@link Options} of one variant's run, and how many benchmarks it
 * makes. JMH lets an option replace an annotation, so the course's flags go where they add to a
 * benchmark's {@code @Fork} flags instead: its fixed heap and collector before them, the run's
 * extra flags, the learner's and the variant's after them (the last of two settings wins).
 * Benchmarks whose {@code @Fork} flags differ run in separate JMH runs.
 */
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

    /**
     * JMH's options for one variant, one per group of benchmarks that share their {@code @Fork}
     * flags: without entries from the benchmark list, one for the whole plan.
     *
     * @param extraArgs flags of this kind of run, such as compile logging, after the benchmark's own
     * @param entries the plan's benchmarks as JMH's list has them (see {@link Annotated#entries})
     */
    static List<Options> of(RunPlan<?> plan, Variant variant, List<String> extraArgs, List<BenchmarkListEntry> entries) {
        if (entries.isEmpty()) {
            return List.of(build(plan, variant, extraArgs, ForkFlags.NONE, false, planIncludes(plan)));
        }
        Map<List<Object>, List<BenchmarkListEntry>> groups = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : entries) {
            ForkFlags flags = ForkFlags.of(entry);
            boolean inProcess = entry.getForks().orElse(-1) == 0;
            groups.computeIfAbsent(List.of(flags, inProcess), k -> new ArrayList<>()).add(entry);
        }
        List<Options> options = new ArrayList<>();
        groups.forEach((key, group) -> options.add(build(plan, variant, extraArgs, (ForkFlags) key.get(0),
                (Boolean) key.get(1), group.stream().map(e -> "^" + Pattern.quote(e.getUsername()) + "$").toList())));
        return options;
    }

    /** The flags before the benchmark's own: the fixed heap and collector, and what a newer JDK needs. */
    private static List<String> courseFlags(Variant variant) {
        List<String> flags = new ArrayList<>();
        if (variant.feature() >= UNSAFE_WARNINGS_FROM) {
            // JMH's harness uses sun.misc.Unsafe, and from JDK 23 on each fork says so on its
            // standard error, which lands in the cell; the measurement does not change.
            flags.add("--sun-misc-unsafe-memory-access=allow");
        }
        flags.addAll(Profile.FORK_JVM_ARGS);
        return flags;
    }

    private static Options build(RunPlan<?> plan, Variant variant, List<String> extraArgs, ForkFlags own,
                                 boolean annotatedInProcess, List<String> includes) {
        Profile profile = plan.chosenProfile();
        ChainedOptionsBuilder options = new OptionsBuilder()
                .addProfiler(GCProfiler.class)
                // One benchmark that throws must not lose the others' results: JMH goes on, and
                // the runner reads the failure from what JMH printed.
                .shouldFailOnError(false);
        if (!profile.asAnnotated()) {
            options.forks(profile.forks)
                    .warmupIterations(profile.warmupIterations)
                    .warmupTime(TimeValue.milliseconds(profile.warmupMillis))
                    .measurementIterations(profile.iterations)
                    .measurementTime(TimeValue.milliseconds(profile.iterationMillis));
        } else if (annotatedInProcess) {
            // @Fork(0) would run in the kernel's own JVM, among its JIT state and threads.
            options.forks(1);
        }
        if (plan.chosenThreads() > 0) {
            options.threads(plan.chosenThreads());
        }
        plan.chosenProfilers().forEach(p -> Profilers.addTo(options, p));
        includes.forEach(options::include);
        plan.chosenParams().forEach(options::param);
        return withFlags(options, variant, own, extraArgs, plan.chosenJvmArgs()).build();
    }

    /**
     * The options of a run's first fork where the plan has no flags of its own (no
     * {@code @Fork} flags, none of the learner's): what a fork started ahead of time for the
     * next run is started with ({@link StandbyForks}).
     *
     * @param extraArgs flags of this kind of run, as {@link #of} takes them
     */
    static Options withoutOwnFlags(Variant variant, List<String> extraArgs) {
        ChainedOptionsBuilder options = new OptionsBuilder().addProfiler(GCProfiler.class).shouldFailOnError(false)
                .forks(1);
        return withFlags(options, variant, ForkFlags.NONE, extraArgs, List.of()).build();
    }

    /** Gives a fork its flags, in the order the class comment says. */
    private static ChainedOptionsBuilder withFlags(ChainedOptionsBuilder options, Variant variant, ForkFlags own,
                                                   List<String> extraArgs, List<String> learnerArgs) {
        List<String> prepend = new ArrayList<>(courseFlags(variant));
        prepend.addAll(own.prepend());
        List<String> append = new ArrayList<>(own.append());
        append.addAll(extraArgs);
        append.addAll(learnerArgs);
        append.addAll(variant.jvmArgs());
        options.jvmArgsPrepend(prepend.toArray(String[]::new))
                // Never the kernel's own flags, which JMH would copy where nothing sets them.
                .jvmArgs(own.jvmArgs().orElse(List.of()).toArray(String[]::new))
                .jvmArgsAppend(append.toArray(String[]::new));
        if (variant.javaExecutable() != null) {
            options.jvm(variant.javaExecutable());
        }
        return options;
    }

    private static List<String> planIncludes(RunPlan<?> plan) {
        List<String> methods = plan.chosenMethods();
        String only = methods.isEmpty() ? "[^.]+"
                : methods.stream().map(Pattern::quote).collect(Collectors.joining("|", "(", ")"));
        return plan.classes().stream().map(c -> "^" + Pattern.quote(c.name()) + "\\." + only + "$").toList();
    }
}

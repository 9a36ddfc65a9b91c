package escapelab.bench;

import escapelab.notebook.Mistake;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to run and how, in the words a bench run ({@link Bench}) and an escape report share:
 * which {@code @Benchmark} methods, {@code @Param} values, variants (flags, another JDK), extra
 * JVM flags, the profile and a name. Each word is checked when it is given, so that a mistake
 * shows in the cell that made it, before anything runs.
 *
 * @param <B> the builder's own type, which every call returns
 */
public abstract class BenchOptions<B extends BenchOptions<B>> {

    private final List<BenchClass> classes;
    private final List<String> methods = new ArrayList<>();
    private final Map<String, String[]> params = new LinkedHashMap<>();
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private Profile profile;
    private String name;

    /**
     * @param classes the compiled benchmark classes to run, at least one
     * @param profile the profile until {@link #profile(Profile)} picks another
     * @param example how a cell names a class, for the message when none is given
     * @throws Mistake if no class is given
     */
    protected BenchOptions(List<BenchClass> classes, Profile profile, String example) {
        if (classes == null || classes.isEmpty()) {
            throw new Mistake("name at least one benchmark class, e.g. " + example);
        }
        this.classes = List.copyOf(classes);
        this.profile = profile;
    }

    /**
     * Runs only these {@code @Benchmark} methods (default: all of them).
     *
     * @throws Mistake naming the benchmarks there are, if a class has no such benchmark
     */
    public B methods(String... names) {
        if (names == null || names.length == 0) {
            throw new Mistake("name the @Benchmark methods to run, e.g. methods(\"valueReturn\"); "
                    + "without methods(...) all of them run");
        }
        for (String method : names) {
            if (classes.stream().noneMatch(c -> c.benchmarks().contains(method))) {
                throw new Mistake("no @Benchmark method " + method + " in " + describeBenchmarks());
            }
            methods.add(method);
        }
        return self();
    }

    /**
     * Sets a {@code @Param} field's values, overriding the annotation's.
     *
     * @throws Mistake if no value is given
     */
    public B param(String field, String... values) {
        if (field == null || field.isBlank()) {
            throw new Mistake("name the @Param field, e.g. param(\"size\", \"10\", \"1000\")");
        }
        if (values == null || values.length == 0) {
            throw new Mistake("param " + field + " needs at least one value, e.g. param(\"" + field + "\", \"10\", \"1000\")");
        }
        params.put(field, values.clone());
        return self();
    }

    /**
     * Adds a variant of the running JDK with extra JVM flags, such as
     * {@code variant("EA off", "-XX:-DoEscapeAnalysis")}; with no variant, one plain run.
     *
     * @throws Mistake if the label is blank or taken, or a flag does not start with {@code -}
     */
    public B variant(String label, String... flags) {
        return variant(Variant.of(label, flags));
    }

    /**
     * Adds a variant: flags, another JDK ({@code jdk(25).get().variant()}), or both.
     *
     * @throws Mistake if the variant is null or its label is taken
     */
    public B variant(Variant variant) {
        if (variant == null) {
            throw new Mistake("pass a variant, e.g. variant(\"EA off\", \"-XX:-DoEscapeAnalysis\")");
        }
        if (variants.stream().anyMatch(v -> v.label().equals(variant.label()))) {
            throw new Mistake("two variants are labelled " + variant.label() + ": give each its own label");
        }
        variants.add(variant);
        return self();
    }

    /**
     * Adds JVM flags to every fork of every variant, such as {@code -XX:-DoEscapeAnalysis}.
     *
     * @throws Mistake if a flag does not start with {@code -}
     */
    public B jvmArgs(String... flags) {
        jvmArgs.addAll(Variant.checkFlags(flags == null ? List.of() : Arrays.asList(flags), "jvmArgs"));
        return self();
    }

    /**
     * Picks the profile: {@code QUICK} for workshops, {@code THOROUGH} for claims about time.
     *
     * @throws Mistake if the profile is null
     */
    public B profile(Profile chosen) {
        if (chosen == null) {
            throw new Mistake("pass a profile: QUICK for workshops, THOROUGH for claims about time");
        }
        profile = chosen;
        return self();
    }

    /**
     * Names the result, for its files in a submission (default: the class names). A later
     * result of the same name replaces it there.
     *
     * @throws Mistake if the name is blank
     */
    public B named(String resultName) {
        if (resultName == null || resultName.isBlank()) {
            throw new Mistake("give a name with letters or digits, e.g. named(\"FirstEscape-jdk21\")");
        }
        name = resultName.strip();
        return self();
    }

    /** The benchmark classes, as given. */
    protected final List<BenchClass> classes() {
        return classes;
    }

    /** The variants added so far. */
    protected final List<Variant> variants() {
        return List.copyOf(variants);
    }

    /** The name given by {@link #named(String)}, or {@code defaultName} if none was. */
    protected final String nameOr(String defaultName) {
        return name != null ? name : defaultName;
    }

    /** The class names joined, the default name of a result: {@code FirstEscape-Boxing}. */
    protected final String classNames() {
        return classes.stream().map(BenchClass::simpleName).collect(Collectors.joining("-"));
    }

    /**
     * Runs JMH once per variant, in forked JVMs, showing progress in the cell.
     *
     * @param runName the result's name
     * @param extraJvmArgs flags for every fork on top of the ones given, e.g. compile logging
     * @param objectType the type counted in objects per operation, or null
     * @throws Mistake if a benchmark threw: its exception and the cell line it came from
     * @throws RunnerException if JMH fails otherwise (a fork died, the run was interrupted)
     */
    protected final BenchRun runJmh(String runName, List<String> extraJvmArgs, Class<?> objectType)
            throws RunnerException {
        List<String> forkArgs = new ArrayList<>(Profile.FORK_JVM_ARGS);
        forkArgs.addAll(extraJvmArgs);
        // The learner's flags come last, so that theirs win where two set the same option.
        forkArgs.addAll(jvmArgs);
        List<Variant> runVariants = variants.isEmpty() ? List.of(Variant.of("default")) : List.copyOf(variants);
        JmhRunner.Ran ran = new JmhRunner(classes, countBenchmarks() * runVariants.size())
                .run(runVariants, variant -> options(variant, forkArgs));
        JmhOutput output = new JmhOutput(ran.byVariant());
        BenchRun run = new BenchRun(runName, profile, output.vm(forkArgs, !variants.isEmpty()), classes,
                output.results(classes, objectType), output.text(), ran.log(), output.json(), ran.started(),
                ran.took());
        ran.progress().finish(String.format("JMH done: %d benchmark run%s in %d s (%s)", run.results().size(),
                run.results().size() == 1 ? "" : "s", ran.took().toSeconds(), profile.describe()));
        return run;
    }

    private String describeBenchmarks() {
        return classes.stream().map(c -> c.simpleName() + " (its benchmarks: " + String.join(", ", c.benchmarks()) + ")")
                .collect(Collectors.joining(", "));
    }

    private int countBenchmarks() {
        int count = 0;
        for (BenchClass c : classes) {
            count += methods.isEmpty() ? c.benchmarks().size()
                    : (int) c.benchmarks().stream().filter(methods::contains).count();
        }
        int combinations = params.values().stream().mapToInt(v -> v.length).reduce(1, (a, b) -> a * b);
        return count * combinations;
    }

    /** The JDK release from which using sun.misc.Unsafe prints a warning (JEP 471). */
    private static final int UNSAFE_WARNINGS_FROM = 23;

    private Options options(Variant variant, List<String> forkArgs) {
        ChainedOptionsBuilder options = new OptionsBuilder()
                .forks(profile.forks)
                .warmupIterations(profile.warmupIterations)
                .warmupTime(TimeValue.milliseconds(profile.warmupMillis))
                .measurementIterations(profile.iterations)
                .measurementTime(TimeValue.milliseconds(profile.iterationMillis))
                .addProfiler(GCProfiler.class)
                .shouldFailOnError(true);
        for (BenchClass c : classes) {
            String only = methods.isEmpty() ? "[^.]+" : "(" + String.join("|", methods) + ")";
            options.include("^" + Pattern.quote(c.name()) + "\\." + only + "$");
        }
        params.forEach(options::param);
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

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}

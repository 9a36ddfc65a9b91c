package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What to run and how, in the words a bench run ({@link Bench}) and an escape report share:
 * which {@code @Benchmark} methods, {@code @Param} values, variants (flags, another JDK), extra
 * JVM flags, the profile and a name. Each word is checked when it is given, so that a mistake
 * shows in the cell that made it, before anything runs.
 *
 * @param <B> the builder's own type, which every call returns
 */
public abstract class RunPlan<B extends RunPlan<B>> {

    private final List<BenchClass> classes;
    private final List<String> methods = new ArrayList<>();
    private final Map<String, String[]> params = new LinkedHashMap<>();
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>();
    private final List<String> profilers = new ArrayList<>();
    private Profile profile;
    private boolean profileChosen;
    private String name;
    private int threads;

    /**
     * @param classes the compiled benchmark classes to run, at least one
     * @param profile the profile until {@link #profile(Profile)} picks another
     * @param example how a cell names a class, for the message when none is given
     * @throws Mistake if no class is given
     */
    protected RunPlan(List<BenchClass> classes, Profile profile, String example) {
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
            if (classes.stream().anyMatch(c -> c.benchmarks().contains(method))) {
                methods.add(method);
                continue;
            }
            // A member of a @Group runs with its group, under the group's name.
            String group = Annotated.groupHolding(classes, method).orElseThrow(() ->
                    new Mistake("no @Benchmark method " + method + " in " + describeBenchmarks()));
            if (!methods.contains(group)) {
                methods.add(group);
            }
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
     * Runs each benchmark on this many threads at once, as {@code @Threads} does (default: the
     * benchmark's own {@code @Threads}, else 1).
     *
     * @throws Mistake if the count is below 1
     */
    public B threads(int count) {
        if (count < 1) {
            throw new Mistake("a benchmark runs on 1 thread or more; got threads(" + count + ")");
        }
        threads = count;
        return self();
    }

    /**
     * Adds one of JMH's profilers by the name {@code -prof} takes, such as {@code "stack"},
     * {@code "comp"} or {@code "jfr"}, with its options after a colon where it has some
     * ({@code "stack:lines=5"}). The GC profiler is always on.
     *
     * @throws Mistake if JMH has no such profiler, or it cannot run here: with the list of those it has
     */
    public B profiler(String nameAndOptions) {
        profilers.add(Profilers.check(nameAndOptions));
        return self();
    }

    /**
     * Picks the profile: {@code QUICK} for workshops, {@code THOROUGH} for claims about time,
     * {@code TIMING} or {@code LONG_TIMING} to compare times, {@code ANNOTATED} to run each
     * benchmark as its {@code @Fork}, {@code @Warmup} and {@code @Measurement} say.
     *
     * @throws Mistake if the profile is null
     */
    public B profile(Profile chosen) {
        if (chosen == null) {
            throw new Mistake("pass a profile: QUICK for workshops, THOROUGH for claims about time");
        }
        profile = chosen;
        profileChosen = true;
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

    /** The {@code @Benchmark} methods chosen, or empty for all of them. */
    protected final List<String> chosenMethods() {
        return List.copyOf(methods);
    }

    /** The {@code @Param} values given, by field. */
    protected final Map<String, String[]> chosenParams() {
        return params;
    }

    /** The flags given for every fork. */
    final List<String> chosenJvmArgs() {
        return List.copyOf(jvmArgs);
    }

    /** The thread count given, or 0 for the benchmark's own. */
    final int chosenThreads() {
        return threads;
    }

    /** JMH's profilers added, by name with their options. */
    final List<String> chosenProfilers() {
        return List.copyOf(profilers);
    }

    /** The profile picked, or the one the plan started with. */
    final Profile chosenProfile() {
        return profile;
    }

    /** The words given beyond {@code methods}, {@code param} and {@code named}: those that change how forks run. */
    protected final List<String> wordsBeyondChoosing() {
        List<String> words = new ArrayList<>();
        if (!variants.isEmpty()) {
            words.add("variant(...)");
        }
        if (!jvmArgs.isEmpty()) {
            words.add("jvmArgs(...)");
        }
        if (threads != 0) {
            words.add("threads(...)");
        }
        if (!profilers.isEmpty()) {
            words.add("profiler(...)");
        }
        if (profileChosen) {
            words.add("profile(...)");
        }
        return words;
    }

    /** Whether variants were added: the run's VM line then names each. */
    final boolean hasVariants() {
        return !variants.isEmpty();
    }

    private String describeBenchmarks() {
        return classes.stream().map(c -> c.simpleName() + " (its benchmarks: " + String.join(", ", c.benchmarks()) + ")")
                .collect(Collectors.joining(", "));
    }

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }
}

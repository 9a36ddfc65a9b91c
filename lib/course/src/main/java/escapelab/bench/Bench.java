package escapelab.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatFactory;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jol.info.ClassLayout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * A JMH run being set up: which benchmarks, parameters, variants and profile. The GC profiler
 * is always on, so every result carries bytes per operation.
 *
 * <pre>{@code
 * BenchRun run = new Bench(List.of(firstEscape))
 *         .objectsOf(Point.class)
 *         .variant("EA on")
 *         .variant("EA off", "-XX:-DoEscapeAnalysis")
 *         .run();
 * }</pre>
 */
public final class Bench {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<BenchClass> classes;
    private final List<String> methods = new ArrayList<>();
    private final Map<String, String[]> params = new LinkedHashMap<>();
    private final List<Variant> variants = new ArrayList<>();
    private final List<String> jvmArgs = new ArrayList<>(Profile.FORK_JVM_ARGS);
    private Profile profile = Profile.fromEnvironment();
    private Class<?> objectType;
    private String name;
    private Consumer<BenchRun> onRun = run -> { };

    /**
     * Starts a run of the given compiled benchmark classes.
     *
     * @throws IllegalArgumentException if no class is given
     */
    public Bench(List<BenchClass> classes) {
        if (classes.isEmpty()) {
            throw new IllegalArgumentException("name at least one benchmark class");
        }
        this.classes = List.copyOf(classes);
    }

    /**
     * Runs only these {@code @Benchmark} methods (default: all of them).
     *
     * @throws IllegalArgumentException if a class has no such benchmark
     */
    public Bench methods(String... names) {
        for (String method : names) {
            if (classes.stream().noneMatch(c -> c.benchmarks().contains(method))) {
                throw new IllegalArgumentException("no @Benchmark method " + method + " in "
                        + classes.stream().map(c -> c.simpleName() + " " + c.benchmarks()).toList());
            }
            methods.add(method);
        }
        return this;
    }

    /** Sets a {@code @Param} field's values, overriding the annotation's. */
    public Bench param(String field, String... values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("param " + field + " needs at least one value");
        }
        params.put(field, values.clone());
        return this;
    }

    /** Adds a variant of the running JDK with extra JVM flags; with none given, one plain run. */
    public Bench variant(String label, String... flags) {
        return variant(Variant.of(label, flags));
    }

    /** Adds a variant (flags, another JDK, or both). */
    public Bench variant(Variant variant) {
        if (variants.stream().anyMatch(v -> v.label().equals(variant.label()))) {
            throw new IllegalArgumentException("two variants are labelled " + variant.label());
        }
        variants.add(variant);
        return this;
    }

    /** Adds JVM flags to every fork of every variant. */
    public Bench jvmArgs(String... flags) {
        jvmArgs.addAll(Variant.of("check", flags).jvmArgs());
        return this;
    }

    /** Reports objects per operation too: bytes per operation over this type's instance size. */
    public Bench objectsOf(Class<?> type) {
        objectType = type;
        return this;
    }

    /** Picks the profile (default: {@link Profile#fromEnvironment()}). */
    public Bench profile(Profile chosen) {
        profile = chosen;
        return this;
    }

    /** Names the run, for files in a submission (default: the class names). */
    public Bench named(String runName) {
        name = runName;
        return this;
    }

    /** Called with every finished run (the course records runs for submissions). */
    public Bench onRun(Consumer<BenchRun> listener) {
        onRun = listener;
        return this;
    }

    /**
     * Runs JMH once per variant, in forked JVMs, showing progress in the cell.
     *
     * @return the results, immutable
     * @throws RunnerException if JMH fails (a benchmark threw, a fork died)
     */
    public BenchRun run() throws RunnerException {
        List<Variant> runVariants = variants.isEmpty() ? List.of(Variant.of("default")) : List.copyOf(variants);
        int perVariant = countBenchmarks();
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream logStream = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        Progress progress = new Progress(OutputFormatFactory.createFormatInstance(logStream, VerboseMode.NORMAL),
                perVariant * runVariants.size());
        progress.show();
        Instant started = Instant.now();
        Map<Variant, Collection<RunResult>> byVariant = new LinkedHashMap<>();
        for (Variant variant : runVariants) {
            progress.startVariant(runVariants.size() > 1 ? variant.label() : "");
            logStream.println("# Variant: " + variant.label() + " " + variant.jvmArgs());
            byVariant.put(variant, runGuarded(options(variant), progress));
        }
        Duration took = Duration.between(started, Instant.now());
        BenchRun run = new BenchRun(name != null ? name : defaultName(), profile, describeVm(byVariant), classes,
                results(byVariant), summaries(byVariant), logBytes.toString(StandardCharsets.UTF_8),
                json(byVariant), started, took);
        progress.finish(String.format("JMH done: %d benchmark run%s in %d s (%s)", run.results().size(),
                run.results().size() == 1 ? "" : "s", took.toSeconds(), profile.describe()));
        onRun.accept(run);
        return run;
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

    private org.openjdk.jmh.runner.options.Options options(Variant variant) {
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
        List<String> args = new ArrayList<>(jvmArgs);
        args.addAll(variant.jvmArgs());
        options.jvmArgs(args.toArray(String[]::new));
        if (variant.javaExecutable() != null) {
            options.jvm(variant.javaExecutable());
        }
        return options.build();
    }

    /**
     * Runs JMH on a worker thread so that an interrupted cell can end the forked JVMs it
     * started: JMH itself waits for a fork to finish and would leave it running.
     */
    private static Collection<RunResult> runGuarded(org.openjdk.jmh.runner.options.Options options, Progress progress)
            throws RunnerException {
        Instant started = Instant.now();
        FutureTask<Collection<RunResult>> task = new FutureTask<>(() -> runWhenFree(options, progress));
        Thread worker = new Thread(task, "jmh-runner");
        worker.setDaemon(true);
        worker.start();
        boolean finished = false;
        try {
            Collection<RunResult> results = task.get();
            finished = true;
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("interrupted: the benchmark run was stopped");
        } catch (ExecutionException e) {
            finished = true;
            Throwable cause = e.getCause();
            if (cause instanceof RunnerException runner) {
                throw runner;
            }
            throw new RunnerException("JMH failed: " + cause, cause);
        } finally {
            if (!finished) {
                Forks.endStartedSince(started);
                worker.interrupt();
            }
        }
    }

    /**
     * JMH refuses to start while another JMH run on this machine holds its lock (another
     * notebook's benchmark): the two would distort each other's timings. Wait for it instead.
     */
    private static Collection<RunResult> runWhenFree(org.openjdk.jmh.runner.options.Options options,
                                                     Progress progress) throws RunnerException, InterruptedException {
        while (true) {
            try {
                return new Runner(options, progress).run();
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains(JMH_LOCK_BUSY)) {
                    throw e;
                }
                progress.waiting("waiting: another benchmark is running on this machine (another notebook?)");
                Thread.sleep(1000);
            }
        }
    }

    private static final String JMH_LOCK_BUSY = "Unable to acquire the JMH lock";

    private List<BenchResult> results(Map<Variant, Collection<RunResult>> byVariant) {
        double instanceSize = objectType == null ? Double.NaN : ClassLayout.parseClass(objectType).instanceSize();
        String typeName = objectType == null ? null : objectType.getSimpleName();
        List<BenchResult> results = new ArrayList<>();
        byVariant.forEach((variant, runs) -> {
            List<BenchResult> ofVariant = new ArrayList<>();
            for (RunResult run : runs) {
                ofVariant.add(JmhResults.toResult(run, variant.label(), typeName, instanceSize));
            }
            // JMH sorts by name; the learner reads them in the order the cell declares them.
            ofVariant.sort(java.util.Comparator.comparingInt(this::sourceOrder));
            results.addAll(ofVariant);
        });
        return results;
    }

    /** "OpenJDK 64-Bit Server VM 17.0.15, forks with -Xms1g …", from what JMH reports of its forks. */
    private String describeVm(Map<Variant, Collection<RunResult>> byVariant) {
        for (Collection<RunResult> runs : byVariant.values()) {
            for (RunResult run : runs) {
                var params = run.getParams();
                return params.getVmName() + " " + params.getJdkVersion() + BenchRun.FORKS_WITH + String.join(" ", jvmArgs)
                        + (byVariant.size() > 1 || !variants.isEmpty() ? " plus each variant's flags" : "");
            }
        }
        return "no benchmark ran";
    }

    private int sourceOrder(BenchResult result) {
        int offset = 0;
        for (BenchClass c : classes) {
            if (result.benchmark().startsWith(c.simpleName() + ".")) {
                return offset + c.benchmarks().indexOf(result.method());
            }
            offset += c.benchmarks().size();
        }
        return Integer.MAX_VALUE;
    }

    private static String summaries(Map<Variant, Collection<RunResult>> byVariant) {
        StringBuilder text = new StringBuilder();
        byVariant.forEach((variant, runs) -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ResultFormatFactory.getInstance(ResultFormatType.TEXT, new PrintStream(out, true, StandardCharsets.UTF_8))
                    .writeOut(runs);
            if (byVariant.size() > 1 || !variant.jvmArgs().isEmpty()) {
                text.append("# ").append(variant.label()).append(variant.jvmArgs().isEmpty() ? ""
                        : " " + String.join(" ", variant.jvmArgs())).append('\n');
            }
            text.append(out.toString(StandardCharsets.UTF_8)).append('\n');
        });
        return text.toString().strip() + "\n";
    }

    /** JMH's own JSON per variant, each result tagged with its variant's label and flags. */
    private static String json(Map<Variant, Collection<RunResult>> byVariant) {
        ArrayNode all = JSON.createArrayNode();
        try {
            for (Map.Entry<Variant, Collection<RunResult>> entry : byVariant.entrySet()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ResultFormatFactory.getInstance(ResultFormatType.JSON,
                        new PrintStream(out, true, StandardCharsets.UTF_8)).writeOut(entry.getValue());
                for (var node : JSON.readTree(out.toByteArray())) {
                    ((ObjectNode) node).put("variant", entry.getKey().label());
                    all.add(node);
                }
            }
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all);
        } catch (IOException e) {
            throw new UncheckedIOException("JMH wrote JSON that does not parse", e);
        }
    }

    private String defaultName() {
        return String.join("-", classes.stream().map(BenchClass::simpleName).toList());
    }
}

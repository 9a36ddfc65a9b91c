package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.ForkCommandRunner;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Runs JMH for a notebook cell: once per variant, with live progress, waiting while another run
 * on this machine holds JMH's lock, ending the forked JVMs when the cell is interrupted, and
 * telling the learner which benchmark threw what.
 */
public final class JmhRunner {

    /**
     * What a run left: JMH's results per variant, its console log, and the progress line to
     * finish once the results are read.
     */
    private record Ran(Map<Variant, Collection<RunResult>> byVariant, String log, Progress progress, Instant started,
               Duration took) {
    }

    private final List<BenchClass> classes;
    private final int benchmarks;
    private final CompileLogs compileLogs;
    private final List<String> forkArgs;

    /**
     * Runs a plan: JMH once per variant, in forked JVMs, showing progress in the cell.
     *
     * @param runName the result's name
     * @param extraJvmArgs flags for every fork on top of the plan's, e.g. compile logging
     * @param objectType the type counted in objects per operation, or null
     * @throws Mistake if a benchmark threw: its exception and the cell line it came from
     * @throws RunnerException if JMH fails otherwise (a fork died, the run was interrupted)
     */
    public static BenchRun run(RunPlan<?> plan, String runName, List<String> extraJvmArgs, Class<?> objectType)
            throws RunnerException {
        List<String> forkArgs = forkArgs(extraJvmArgs, plan.chosenJvmArgs());
        List<Variant> variants = plan.hasVariants() ? plan.variants() : List.of(Variant.of("default"));
        List<BenchClass> classes = plan.classes();
        List<BenchmarkListEntry> entries = Annotated.entries(plan);
        CompileLogs compileLogs = CompileLogs.forRun(forkArgs);
        // Its forks log into a folder of the run's own, which its caller reads whole once they are
        // written: a standby's log would be read too, and no later run has these flags.
        boolean ownLogs = !compileLogs.recorded() && forkArgs.stream().anyMatch(f -> f.startsWith("-XX:LogFile="));
        Ran ran = null;
        StandbyForks.runBegins();
        try {
            ran = new JmhRunner(classes, JmhOptions.benchmarkCount(plan) * variants.size(), compileLogs, forkArgs)
                    .run(variants, (variant, archiveFlags) -> JmhOptions.of(plan, variant,
                            extraArgs(extraJvmArgs, compileLogs, variant, archiveFlags), entries));
        } finally {
            // A run that failed or was interrupted readies none.
            StandbyForks.runEnded(ran != null && !ownLogs);
            if (ownLogs) {
                StandbyForks.awaitForks();
                StandbyForks.endWaiting();
            }
        }
        JmhOutput output = new JmhOutput(ran.byVariant());
        Profile profile = plan.chosenProfile();
        List<String> notes = new ArrayList<>(Annotated.notes(profile, entries));
        notes.addAll(failures(ran, classes));
        BenchRun run = new BenchRun(runName, profile, output.vm(forkArgs, plan.hasVariants()), classes,
                output.results(classes, objectType), output.text(), ran.log(), output.json(), ran.started(),
                ran.took(), notes, compileLogs);
        ran.progress().finish(String.format("JMH done: %d benchmark run%s in %d s (%s)", run.results().size(),
                run.results().size() == 1 ? "" : "s", ran.took().toSeconds(), profile.describe()));
        return run;
    }

    /**
     * Starts a standby fork ({@link StandbyForks}) for the first fork of the next run with no
     * flags of its own, with the flags {@link #run} gives such a fork, on the class path
     * {@link ForkClassPath} gives it.
     */
    static void prestartFirstFork() {
        Variant variant = Variant.of("default");
        List<String> forkArgs = forkArgs(List.of(), List.of());
        List<String> archiveFlags = ForkArchive.plan(variant.javaHome(), forkArgs).flags();
        Options options = JmhOptions.withoutOwnFlags(variant,
                extraArgs(List.of(), CompileLogs.forRun(forkArgs), variant, archiveFlags));
        ForkCommandRunner.Fork first = ForkCommandRunner.firstFork(options, ForkClassPath.forForks());
        StandbyForks.prestart(first.command(), first.sample());
    }

    /** What every fork has, whatever its benchmark's and variant's own: the course's flags, the run's, the learner's. */
    private static List<String> forkArgs(List<String> extraJvmArgs, List<String> learnerArgs) {
        List<String> forkArgs = new ArrayList<>(Profile.FORK_JVM_ARGS);
        forkArgs.addAll(extraJvmArgs);
        forkArgs.addAll(learnerArgs);
        return forkArgs;
    }

    /** The flags of this kind of run for a variant's forks: the run's own, compile logging, the class-data archive. */
    private static List<String> extraArgs(List<String> extraJvmArgs, CompileLogs compileLogs, Variant variant,
                                          List<String> archiveFlags) {
        List<String> all = new ArrayList<>(extraJvmArgs);
        all.addAll(compileLogs.flagsFor(variant.label()));
        all.addAll(archiveFlags);
        return all;
    }

    /**
     * The benchmarks that threw, each said with its cell line on the cell's error stream and
     * returned as a note; the others' results are kept.
     *
     * @throws Mistake if every benchmark threw: nothing was measured
     */
    private static List<String> failures(Ran ran, List<BenchClass> classes) {
        List<String> failed = new ArrayList<>();
        ran.progress().failures().forEach((benchmark, trace) ->
                failed.add(BenchmarkFailure.describe(benchmark, trace, classes)));
        if (!failed.isEmpty() && ran.byVariant().values().stream().allMatch(Collection::isEmpty)) {
            ran.progress().stop(failed.get(0));
            throw new Mistake(String.join("\n", failed) + "\nNo benchmark was measured; fix the benchmark and "
                    + "run its cell again.");
        }
        failed.forEach(System.err::println);
        return failed.stream().map(f -> String.join(", ", f.strip().split("\\R\\s*")) + ": no result for it; the others ran.")
                .toList();
    }

    /**
     * @param classes the classes being run, to place a benchmark's exception in its cell
     * @param benchmarks how many benchmark runs all variants make, for the progress line
     * @param compileLogs where the forks' compile logs go, filed under the benchmark that wrote them
     * @param forkArgs the flags of every fork, before each variant's own
     */
    private JmhRunner(List<BenchClass> classes, int benchmarks, CompileLogs compileLogs, List<String> forkArgs) {
        this.classes = classes;
        this.benchmarks = benchmarks;
        this.compileLogs = compileLogs;
        this.forkArgs = forkArgs;
    }

    /**
     * Runs each variant with the options made for it, given the fork archive's flags.
     *
     * @throws escapelab.notebook.Mistake if a benchmark threw
     * @throws RunnerException if JMH failed otherwise, or the cell was interrupted
     */
    private Ran run(List<Variant> variants, BiFunction<Variant, List<String>, List<Options>> options)
            throws RunnerException {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        Progress progress = new Progress(OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL), benchmarks);
        progress.show();
        Instant started = Instant.now();
        Map<Variant, Collection<RunResult>> byVariant = new LinkedHashMap<>();
        for (Variant variant : variants) {
            progress.startVariant(variants.size() > 1 ? variant.label() : "");
            progress.onBenchmarkBoundary(ended -> compileLogs.attribute(variant.label(), ended));
            log.println("# Variant: " + variant.label() + " " + variant.jvmArgs());
            try {
                List<RunResult> results = new ArrayList<>();
                List<String> variantArgs = new ArrayList<>(forkArgs);
                variantArgs.addAll(variant.jvmArgs());
                ForkArchive.Plan archive = ForkArchive.plan(variant.javaHome(), variantArgs);
                for (Options group : options.apply(variant, archive.flags())) {
                    results.addAll(ForkClassPath.during(() -> GuardedRun.run(group, progress, progress::waiting)));
                }
                archive.afterRun().run();
                byVariant.put(variant, results);
            } catch (RunnerException e) {
                Optional<Mistake> thrown = BenchmarkFailure.find(e, classes);
                progress.stop(thrown.map(Mistake::getMessage).orElse("JMH failed: " + e.getMessage()));
                if (thrown.isPresent()) {
                    throw thrown.get();
                }
                throw e;
            }
        }
        return new Ran(byVariant, logBytes.toString(StandardCharsets.UTF_8), progress, started,
                Duration.between(started, Instant.now()));
    }
}

package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Function;

/**
 * Runs JMH for a notebook cell: once per variant, with live progress, waiting while another run
 * on this machine holds JMH's lock, ending the forked JVMs when the cell is interrupted, and
 * telling the learner which benchmark threw what.
 */
public final class JmhRunner {

    private static final String JMH_LOCK_BUSY = "Unable to acquire the JMH lock";

    /**
     * What a run left: JMH's results per variant, its console log, and the progress line to
     * finish once the results are read.
     */
    private record Ran(Map<Variant, Collection<RunResult>> byVariant, String log, Progress progress, Instant started,
               Duration took) {
    }

    private final List<BenchClass> classes;
    private final int benchmarks;

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
        List<String> forkArgs = new ArrayList<>(Profile.FORK_JVM_ARGS);
        forkArgs.addAll(extraJvmArgs);
        // The learner's flags come last, so that theirs win where two set the same option.
        forkArgs.addAll(plan.chosenJvmArgs());
        List<Variant> variants = plan.hasVariants() ? plan.variants() : List.of(Variant.of("default"));
        List<BenchClass> classes = plan.classes();
        Ran ran = new JmhRunner(classes, JmhOptions.benchmarkCount(plan) * variants.size())
                .run(variants, variant -> JmhOptions.of(plan, variant, forkArgs));
        JmhOutput output = new JmhOutput(ran.byVariant());
        Profile profile = plan.chosenProfile();
        BenchRun run = new BenchRun(runName, profile, output.vm(forkArgs, plan.hasVariants()), classes,
                output.results(classes, objectType), output.text(), ran.log(), output.json(), ran.started(),
                ran.took());
        ran.progress().finish(String.format("JMH done: %d benchmark run%s in %d s (%s)", run.results().size(),
                run.results().size() == 1 ? "" : "s", ran.took().toSeconds(), profile.describe()));
        return run;
    }

    /**
     * @param classes the classes being run, to place a benchmark's exception in its cell
     * @param benchmarks how many benchmark runs all variants make, for the progress line
     */
    private JmhRunner(List<BenchClass> classes, int benchmarks) {
        this.classes = classes;
        this.benchmarks = benchmarks;
    }

    /**
     * Runs each variant with the options made for it.
     *
     * @throws escapelab.notebook.Mistake if a benchmark threw
     * @throws RunnerException if JMH failed otherwise, or the cell was interrupted
     */
    private Ran run(List<Variant> variants, Function<Variant, Options> options) throws RunnerException {
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        PrintStream log = new PrintStream(logBytes, true, StandardCharsets.UTF_8);
        Progress progress = new Progress(OutputFormatFactory.createFormatInstance(log, VerboseMode.NORMAL), benchmarks);
        progress.show();
        Instant started = Instant.now();
        Map<Variant, Collection<RunResult>> byVariant = new LinkedHashMap<>();
        for (Variant variant : variants) {
            progress.startVariant(variants.size() > 1 ? variant.label() : "");
            log.println("# Variant: " + variant.label() + " " + variant.jvmArgs());
            try {
                byVariant.put(variant, runGuarded(options.apply(variant), progress));
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

    /**
     * Runs JMH on a worker thread so that an interrupted cell can end the forked JVMs it
     * started: JMH itself waits for a fork to finish and would leave it running.
     */
    private static Collection<RunResult> runGuarded(Options options, Progress progress) throws RunnerException {
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
                endForksStartedSince(started);
                worker.interrupt();
            }
        }
    }

    /**
     * JMH refuses to start while another JMH run on this machine holds its lock (another
     * notebook's benchmark): the two would distort each other's timings. Wait for it instead.
     */
    private static Collection<RunResult> runWhenFree(Options options, Progress progress)
            throws RunnerException, InterruptedException {
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

    /** Ends JMH's forked JVMs started by this process at or after {@code since}. */
    private static void endForksStartedSince(Instant since) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().startInstant().map(t -> !t.isBefore(since.minusSeconds(1))).orElse(true))
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.openjdk.jmh.runner.ForkedMain")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}

package escapelab.bench;

import escapelab.evidence.Numbers;
import escapelab.notebook.Host;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Notebook;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.format.OutputFormat;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * JMH's text output, kept for the run's log, plus one line of live progress shown in the cell
 * and updated in place at every iteration. The line's marks are characters every default font
 * has: an ellipsis while it runs, a check mark when done, a cross when stopped.
 *
 * <p>The methods that only pass JMH's output on to the log are the {@link OutputFormat}
 * interface's, which JMH calls.
 */
final class Progress implements OutputFormat {

    /** What the line says about the run as a whole. */
    private enum State {
        RUNNING("…"), DONE("✓"), STOPPED("✘");

        final String mark;

        State(String mark) {
            this.mark = mark;
        }
    }

    private static final String FAILURE = "<failure>";

    private final OutputFormat log;
    private final Map<String, String> failures = new LinkedHashMap<>();
    private String benchmark;
    private boolean failing;
    private final Host host;
    private final long started = System.nanoTime();
    private final int total;
    private String displayId;
    private int done;
    private String variant = "";
    private String line = "starting JMH";
    private Consumer<BenchmarkParams> benchmarkBoundary = p -> { };

    Progress(OutputFormat log, int totalBenchmarks) {
        this(log, totalBenchmarks, Notebook.host());
    }

    /** A progress line shown through {@code host}; tests pass one that records what it shows. */
    Progress(OutputFormat log, int totalBenchmarks, Host host) {
        this.log = log;
        this.total = totalBenchmarks;
        this.host = host;
    }

    void startVariant(String label) {
        variant = label;
    }

    /**
     * Calls {@code boundary} where a benchmark starts (with null) and where it ends (with its
     * parameters): its forks ran in between.
     */
    void onBenchmarkBoundary(Consumer<BenchmarkParams> boundary) {
        benchmarkBoundary = boundary;
    }

    void show() {
        displayId = host.display(bundle(State.RUNNING));
    }

    /** Shows why nothing moves, e.g. while another run holds JMH's lock. */
    void waiting(String why) {
        line = why;
        update(State.RUNNING);
    }

    /** Replaces the line by the run's summary. */
    void finish(String summary) {
        line = summary;
        update(State.DONE);
    }

    /** Replaces the line by why the run stopped (its first line: the cell's error says the rest). */
    void stop(String why) {
        line = why.lines().findFirst().orElse("");
        update(State.STOPPED);
    }

    /**
     * What each benchmark that failed printed, by its qualified name: JMH prints a failure as
     * {@code <failure>}, a blank line, then each exception's stack trace, and goes on with the
     * next benchmark.
     */
    Map<String, String> failures() {
        return Collections.unmodifiableMap(new LinkedHashMap<>(failures));
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        benchmarkBoundary.accept(null);
        benchmark = params.getBenchmark();
        failing = false;
        line = name(params) + ": forking a JVM";
        update(State.RUNNING);
        log.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iteration, int n) {
        log.iteration(params, iteration, n);
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iteration, int n, IterationResult data) {
        String phase = iteration.getType() == IterationType.WARMUP ? "warm-up" : "measurement";
        line = String.format(Locale.ROOT, "%s: %s %d/%d, %s", name(params), phase, n, iteration.getCount(),
                Numbers.quantity(data.getPrimaryResult().getScore(), data.getPrimaryResult().getScoreUnit()));
        update(State.RUNNING);
        log.iterationResult(params, iteration, n, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
        // A benchmark that failed ends with no result: its forks' logs are filed under none.
        benchmarkBoundary.accept(result == null ? null : result.getParams());
        done++;
        log.endBenchmark(result);
    }

    @Override
    public void startRun() {
        log.startRun();
    }

    @Override
    public void endRun(Collection<RunResult> result) {
        log.endRun(result);
    }

    @Override
    public void print(String s) {
        log.print(s);
    }

    @Override
    public void println(String s) {
        if (FAILURE.equals(s)) {
            failing = true;
        } else if (failing && s != null && !s.isBlank() && benchmark != null) {
            failures.merge(benchmark, s.strip(), (earlier, more) -> earlier + "\n" + more);
        }
        log.println(s);
    }

    @Override
    public void flush() {
        log.flush();
    }

    @Override
    public void close() {
        log.close();
    }

    @Override
    public void verbosePrintln(String s) {
        log.verbosePrintln(s);
    }

    @Override
    public void write(int b) {
        log.write(b);
    }

    @Override
    public void write(byte[] b) throws IOException {
        log.write(b);
    }

    private String name(BenchmarkParams params) {
        String bench = params.getBenchmark();
        int method = bench.lastIndexOf('.');
        int cls = bench.lastIndexOf('.', method - 1);
        String shortName = bench.substring(cls + 1);
        return variant.isEmpty() ? shortName : shortName + " [" + variant + "]";
    }

    private void update(State state) {
        if (displayId != null) {
            host.updateDisplay(displayId, bundle(state));
        }
    }

    private MimeBundle bundle(State state) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String status = state != State.RUNNING ? line
                : String.format(Locale.ROOT, "JMH %d/%d benchmarks done, %d s: %s", done, total, seconds, line);
        String text = state.mark + " " + status;
        return () -> MimeBundle.htmlAndText("<div style=\"font-family:monospace\">" + MimeBundle.escapeHtml(text)
                + "</div>", text);
    }

}

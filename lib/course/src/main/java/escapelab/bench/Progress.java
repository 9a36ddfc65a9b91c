package escapelab.bench;

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
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * JMH's text output, kept for the run's log, plus one line of live progress shown in the cell
 * and updated in place at every iteration.
 */
final class Progress implements OutputFormat {

    private final OutputFormat log;
    private final Host host = Notebook.host();
    private final long started = System.nanoTime();
    private final int total;
    private String displayId;
    private int done;
    private String variant = "";
    private String line = "starting JMH…";

    Progress(OutputFormat log, int totalBenchmarks) {
        this.log = log;
        this.total = totalBenchmarks;
    }

    void startVariant(String label) {
        variant = label;
    }

    void show() {
        displayId = host.display(bundle(false));
    }

    /** Shows why nothing moves, e.g. while another run holds JMH's lock. */
    void waiting(String why) {
        line = why;
        update(false);
    }

    void finish(String summary) {
        line = summary;
        update(true);
    }

    @Override
    public void startBenchmark(BenchmarkParams params) {
        line = name(params) + ": forking a JVM";
        update(false);
        log.startBenchmark(params);
    }

    @Override
    public void iteration(BenchmarkParams params, IterationParams iteration, int n) {
        log.iteration(params, iteration, n);
    }

    @Override
    public void iterationResult(BenchmarkParams params, IterationParams iteration, int n, IterationResult data) {
        String phase = iteration.getType() == IterationType.WARMUP ? "warm-up" : "measurement";
        line = String.format(Locale.ROOT, "%s: %s %d/%d, %.3f %s", name(params), phase, n, iteration.getCount(),
                data.getPrimaryResult().getScore(), data.getPrimaryResult().getScoreUnit());
        update(false);
        log.iterationResult(params, iteration, n, data);
    }

    @Override
    public void endBenchmark(BenchmarkResult result) {
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

    private void update(boolean finished) {
        if (displayId != null) {
            host.updateDisplay(displayId, bundle(finished));
        }
    }

    private MimeBundle bundle(boolean finished) {
        long seconds = (System.nanoTime() - started) / 1_000_000_000L;
        String status = finished ? line
                : String.format(Locale.ROOT, "JMH %d/%d benchmarks done, %d s: %s", done, total, seconds, line);
        Map<String, String> map = new LinkedHashMap<>();
        map.put("text/plain", status);
        map.put("text/html", "<div style=\"font-family:monospace\">" + (finished ? "&#10003; " : "&#9203; ")
                + MimeBundle.escapeHtml(status) + "</div>");
        return () -> map;
    }

}

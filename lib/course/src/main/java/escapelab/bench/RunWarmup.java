package escapelab.bench;

import escapelab.cell.CellClasses;
import escapelab.evidence.HtmlTables;
import java.lang.reflect.Method;
import java.util.Optional;
import org.openjdk.jmh.runner.CompilerHints;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Warms what a kernel's first benchmark run pays for on the host's side, on a background thread
 * while the kernel waits for its first cell: JMH's check for compiler blackholes (two short
 * {@code java -version} runs, made once per JVM), the JSON reader of JMH's results and the
 * result table's rendering. And from the first compiled cell on, each compile starts the next
 * run's first fork ahead of time ({@link StandbyForks}), once the run's compiler hints are known.
 * {@value #ENV}{@code =off} leaves them cold, to measure what the warm-up buys (the same switch
 * as the first {@code %%jmh} cell's warm-up).
 */
public final class RunWarmup {

    /** The environment variable that turns the warm-up off ({@code off}). */
    static final String ENV = "ESCAPELAB_WARMUP";

    private RunWarmup() {
    }

    /** Starts the warm-up on a daemon thread of low priority, unless it is turned off; returns that thread. */
    public static Optional<Thread> start() {
        CellClasses.afterInstall(() -> StandbyForks.inBackground(JmhRunner::prestartFirstFork));
        if ("off".equalsIgnoreCase(System.getenv(ENV))) {
            return Optional.empty();
        }
        Thread warm = new Thread(RunWarmup::warm, "escapelab-run-warmup");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
        return Optional.of(warm);
    }

    private static void warm() {
        quietly(RunWarmup::checkBlackholes);
        quietly(JmhOutput::warm);
        quietly(() -> {
            Table table = Table.create("warm-up");
            table.addColumns(StringColumn.create("benchmark", "sum"), DoubleColumn.create("B/op", 0.0));
            HtmlTables.html(table);
            table.printAll();
        });
    }

    /**
     * JMH's check, made once per JVM before the first fork, of whether this JVM has compiler
     * blackholes. Its method is private, so it is reached by reflection; where JMH changes it,
     * the first run makes the check as before.
     */
    private static void checkBlackholes() throws ReflectiveOperationException {
        Method mode = CompilerHints.class.getDeclaredMethod("blackholeMode");
        mode.setAccessible(true);
        mode.invoke(null);
    }

    private interface Step {
        void run() throws Exception;
    }

    private static void quietly(Step step) {
        try {
            step.run();
        } catch (Exception | LinkageError e) {
            // Only a warm-up: the first run works all the same, if more slowly.
        }
    }
}

package escapelab.cell;

import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Warms what a learner's first {@code %%jmh} cell and run need, on a background thread while the
 * kernel waits for that cell: the cells' folder on the session's class path, javac with JMH's
 * annotation processor (a cold javac takes seconds for its first file) and JMH's runner classes.
 * A cell that needs javac before the warm-up is done ends the warm-up's compile ({@link #giveWay}):
 * on two cores the two compiles would slow each other, and the cell's own compile warms javac.
 * {@value #ENV}{@code =off} leaves them cold, to measure what the warm-up buys.
 */
final class CellWarmup {

    /** The environment variable that turns the warm-up off ({@code off}). */
    static final String ENV = "ESCAPELAB_WARMUP";

    private static final String SOURCE = "import org.openjdk.jmh.annotations.*;\n"
            + "@State(Scope.Thread) public class Warm { int x = 3;\n"
            + "  @Benchmark public int sum() { int[] p = {x, x + 1}; return p[0] + p[1]; } }\n";

    private static final int ROUNDS = 4;

    /** Set once a learner's cell compiles: the warm-up's javac is then in the way. */
    private static volatile boolean givenWay;

    private CellWarmup() {
    }

    /** Ends the warm-up's compile at javac's next step, and any compile it has yet to start. */
    static void giveWay() {
        givenWay = true;
    }

    /** Starts the warm-up on a daemon thread of low priority, unless it is turned off. */
    static void start() {
        if ("off".equalsIgnoreCase(System.getenv(ENV))) {
            return;
        }
        Thread warm = new Thread(CellWarmup::warm, "escapelab-cell-warmup");
        warm.setDaemon(true);
        warm.setPriority(Thread.MIN_PRIORITY);
        warm.start();
    }

    private static void warm() {
        try {
            // A precompiled first cell needs no javac, only this folder on the session's class path.
            CellClasses.shared();
            // A cold javac takes seconds; the next compiles get faster as the JIT compiles javac,
            // and by the fourth a learner's edited cell compiles in about the time of the tenth.
            for (int round = 0; round < ROUNDS && !givenWay; round++) {
                BenchCompiler.compileAndDiscard("Warm", SOURCE, () -> givenWay);
            }
            new OptionsBuilder().include("Warm").forks(1).build();
            Class.forName("org.openjdk.jmh.runner.Runner");
        } catch (Exception | LinkageError e) {
            // Only a warm-up: the learner's cell compiles and runs all the same, if more slowly.
        }
    }
}

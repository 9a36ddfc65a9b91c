package escapelab.measure;

import escapelab.notebook.Mistake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Heap in use while results are kept, round after round, in this JVM: the picture of a leak.
 * Each variant makes one result per round and keeps it; after each round the heap in use is
 * read after a full collection ({@link Memory#usedHeapAfterGc()}). The figure is for a chart;
 * what one result retains is JOL's to count ({@code footprint(...)}).
 *
 * <p>Bounded: a round starts only if the heap in use plus the most any round has allocated so
 * far stays under half the maximum heap, so a leak shown here never exhausts the JVM that shows
 * it. What a variant kept is released when it ends, fails or is interrupted.
 *
 * <pre>{@code
 * Series heap = HeapGrowth.named("heap over kept results")
 *         .keep("view", () -> Retention.firstHundredView(file))
 *         .keep("copy", () -> Retention.firstHundredCopy(file))
 *         .rounds(8)
 *         .run();
 * }</pre>
 */
public final class HeapGrowth {

    /** The heap figures a run reads; the JVM's own outside tests. */
    interface Heap {
        /** Heap in use after a full collection, in bytes. */
        long usedAfterGc();

        /** The most the heap may grow to, in bytes. */
        long max();
    }

    /** The series' unit: heap in use above what it was before the variant's first round. */
    public static final String UNIT = "MiB above start";

    /** The share of the maximum heap that heap in use may reach before a round. */
    static final double BUDGET = 0.5;

    private static final double MIB = 1 << 20;
    private static final int MAX_ROUNDS = 1000;

    private final String name;
    private final Heap heap;
    private final Map<String, Callable<?>> variants = new LinkedHashMap<>();
    private int rounds = 8;

    HeapGrowth(String name, Heap heap) {
        Series.record(name, "results kept", UNIT); // checks the name now, in the cell that gave it
        this.name = name;
        this.heap = heap;
    }

    /**
     * Starts a measurement on this JVM's heap; {@code name} names the series.
     *
     * @throws Mistake if the name is not a valid series name
     */
    public static HeapGrowth named(String name) {
        return new HeapGrowth(name, new Heap() {
            @Override
            public long usedAfterGc() {
                return Memory.usedHeapAfterGc();
            }

            @Override
            public long max() {
                return Runtime.getRuntime().maxMemory();
            }
        });
    }

    /**
     * Adds a variant: {@code oneResult} makes one result, which the run keeps for every round.
     *
     * @throws Mistake if the label is blank or taken, or no callable is given
     */
    public HeapGrowth keep(String label, Callable<?> oneResult) {
        if (label == null || label.isBlank()) {
            throw new Mistake("label the variant, e.g. keep(\"view\", () -> firstHundred(file))");
        }
        if (oneResult == null) {
            throw new Mistake("give " + label + " the code that makes one result, e.g. () -> firstHundred(file)");
        }
        if (variants.containsKey(label)) {
            throw new Mistake("two variants are labelled " + label + ": give each its own label");
        }
        variants.put(label, oneResult);
        return this;
    }

    /**
     * How many results each variant keeps at most (default 8); fewer if the heap budget is
     * reached first.
     *
     * @throws Mistake if not between 1 and 1000
     */
    public HeapGrowth rounds(int max) {
        if (max < 1 || max > MAX_ROUNDS) {
            throw new Mistake("rounds must be between 1 and " + MAX_ROUNDS + "; got " + max);
        }
        rounds = max;
        return this;
    }

    /**
     * Runs the variants one after the other and records the series: per variant, x = results
     * kept (0 to the rounds done), y = heap in use above the variant's start, in MiB. A variant
     * that stops at the heap budget says so on standard output.
     *
     * @throws Mistake if no variant was given, or a variant's result is null
     * @throws InterruptedException if the thread is interrupted; what was kept is released
     * @throws Exception what a variant's code throws; what was kept is released
     */
    public Series run() throws Exception {
        if (variants.isEmpty()) {
            throw new Mistake("add what to keep, e.g. keep(\"view\", () -> firstHundred(file))");
        }
        Series.Recorder recorder = Series.record(name, "results kept", UNIT);
        for (Map.Entry<String, Callable<?>> variant : variants.entrySet()) {
            measure(variant.getKey(), variant.getValue(), recorder);
        }
        return recorder.done();
    }

    private void measure(String label, Callable<?> oneResult, Series.Recorder recorder) throws Exception {
        List<Object> kept = new ArrayList<>();
        try {
            long start = heap.usedAfterGc();
            long used = start;
            long largestRound = 0;
            long budget = (long) (heap.max() * BUDGET);
            recorder.add(label, 0, 0);
            for (int round = 1; round <= rounds; round++) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("heap growth interrupted after " + kept.size() + " results of "
                            + label + "; what they kept is released");
                }
                if (used + largestRound > budget) {
                    System.out.printf("%s: stopped after %d of %d results: one more could take the heap past half "
                            + "its maximum (%.0f MiB in use of %.0f MiB)%n", label, kept.size(), rounds,
                            used / MIB, heap.max() / MIB);
                    break;
                }
                long[] allocated = new long[1];
                Object result = allocating(oneResult, allocated);
                if (result == null) {
                    throw new Mistake(label + " returned null: return the result to keep");
                }
                kept.add(result);
                largestRound = Math.max(largestRound, allocated[0]);
                used = heap.usedAfterGc();
                recorder.add(label, round, (used - start) / MIB);
            }
        } finally {
            // Released on every way out, an interrupt or a failing variant included.
            kept.clear();
        }
    }

    private static Object allocating(Callable<?> oneResult, long[] allocated) throws Exception {
        Object[] result = new Object[1];
        Exception[] thrown = new Exception[1];
        allocated[0] = Memory.allocatedBy(() -> {
            try {
                result[0] = oneResult.call();
            } catch (Exception e) {
                thrown[0] = e;
            }
        });
        if (thrown[0] != null) {
            throw thrown[0];
        }
        return result[0];
    }
}

package escapelab.serve;

import escapelab.evidence.MeasuredTable;
import escapelab.evidence.Numbers;
import escapelab.evidence.SessionEvidence;
import escapelab.evidence.TypeNames;
import escapelab.notebook.Mistake;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of the pooling lesson, measured: a {@link JsonServer} with a given pool, warmed up,
 * then a few rounds of steady load. Each round's bytes per request are read from the server
 * threads' exact allocation counters; a JFR recording of the rounds tells where the bytes come
 * from ({@link #topFrames()}). The server and the load have stopped when {@link #measure} returns
 * or throws. Immutable.
 */
public final class PoolStep implements MeasuredTable {

    /** The size of each request body in a step's load. */
    public static final int BODY_BYTES = 16 * 1024;

    static final int WARM_UP_REQUESTS = 1000;
    static final int ROUNDS = 3;
    static final int ROUND_REQUESTS = 400;
    static final int CLIENTS = 4;

    private final String label;
    private final String pool;
    private final List<Double> rounds;
    private final boolean allAnswered;
    private final long borrowed;
    private final long returned;
    private final long retainedBytes;
    private final TopFrames topFrames;

    private PoolStep(String label, String pool, List<Double> rounds, boolean allAnswered, long borrowed,
                     long returned, long retainedBytes, TopFrames topFrames) {
        this.label = label;
        this.pool = pool;
        this.rounds = List.copyOf(rounds);
        this.allAnswered = allAnswered;
        this.borrowed = borrowed;
        this.returned = returned;
        this.retainedBytes = retainedBytes;
        this.topFrames = topFrames;
    }

    /**
     * Measures a step as {@link #measure(String, ScratchPool)} does, and records it and its
     * allocation table (JFR's top frames) for the submission.
     */
    public static PoolStep recorded(String label, ScratchPool pool) throws IOException, InterruptedException {
        PoolStep measured = measure(label, pool);
        SessionEvidence.current().record(measured.topFrames());
        return SessionEvidence.current().record(measured);
    }

    /**
     * Measures a step: starts a server with the pool, warms it up, records a few rounds of load
     * and stops it.
     *
     * @param label the step's name, such as {@code "no pool"}
     * @throws Mistake if the label is blank or the pool null
     * @throws IOException if the server cannot start or a request fails
     * @throws InterruptedException if interrupted; the server and the load stop
     */
    public static PoolStep measure(String label, ScratchPool pool) throws IOException, InterruptedException {
        if (label == null || label.isBlank()) {
            throw new Mistake("name the step, e.g. measurePool(\"no pool\", ScratchPool.none())");
        }
        byte[] body = RequestBodies.ofSize(BODY_BYTES);
        List<Double> rounds = new ArrayList<>();
        boolean allAnswered;
        AllocationRecording.Recorded recorded;
        JsonServer measured;
        try (JsonServer server = JsonServer.start(pool)) {
            measured = server;
            Load load = Load.to(server.uri()).clients(CLIENTS).body(i -> body);
            allAnswered = load.requests(WARM_UP_REQUESTS).run().allOk();
            load.requests(ROUND_REQUESTS);
            try (AllocationRecording jfr = AllocationRecording.start()) {
                for (int r = 0; r < ROUNDS; r++) {
                    long before = server.allocatedBytes();
                    allAnswered &= load.run().allOk();
                    rounds.add((double) (server.allocatedBytes() - before) / ROUND_REQUESTS);
                }
                recorded = jfr.stop(thread -> thread.startsWith(server.threadPrefix()));
            }
        }
        TopFrames frames = new TopFrames("allocations by frame, " + label, recorded, (long) ROUNDS * ROUND_REQUESTS);
        return new PoolStep(label, describe(pool), rounds, allAnswered, measured.borrowed(),
                measured.returned(), pool.retainedBytes(), frames);
    }

    /** The pool's own description if it has one, else its class's short name: a cell's class has no useful toString. */
    static String describe(ScratchPool pool) {
        String text = String.valueOf(pool);
        return text.startsWith(pool.getClass().getName() + "@") ? TypeNames.shortName(pool.getClass()) : text;
    }

    /** Returns the step's name. */
    public String label() {
        return label;
    }

    /** Returns the mean bytes allocated per request on the server's handler threads (exact counters). */
    public double bytesPerRequest() {
        return rounds.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
    }

    /** Returns how far the rounds' bytes per request lie apart (largest minus smallest): the noise. */
    public double spread() {
        return rounds.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                - rounds.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
    }

    /** Returns each round's bytes per request. */
    public List<Double> rounds() {
        return rounds;
    }

    /** Returns the number of requests measured (warm-up not included). */
    public int requests() {
        return ROUNDS * ROUND_REQUESTS;
    }

    /** Returns whether every request, warm-up included, was answered 200. */
    public boolean allAnswered() {
        return allAnswered;
    }

    /** Returns how many scratch buffers the handler borrowed. */
    public long borrowed() {
        return borrowed;
    }

    /** Returns how many scratch buffers the handler gave back. */
    public long returned() {
        return returned;
    }

    /** Returns the bytes the pool still held when the server stopped. */
    public long retainedBytes() {
        return retainedBytes;
    }

    /** Returns where the measured rounds' allocations came from (JFR samples). */
    public TopFrames topFrames() {
        return topFrames;
    }

    /** Returns the scratch buffers' estimated bytes per request, from JFR samples through the pool's borrow. */
    public double scratchBytesPerRequest() {
        return topFrames.scratchBytesPerRequest();
    }

    /** Returns how many of JFR's samples pass through the pool's borrow: none once the pool serves every borrow. */
    public long scratchSamples() {
        return topFrames.scratchSamples();
    }

    /**
     * Returns how many of JFR's slow-path allocations (in a new TLAB or outside one, each
     * recorded) pass through the pool's borrow: none once the pool serves every borrow.
     */
    public long scratchSlowPathAllocations() {
        return topFrames.scratchSlowPathAllocations();
    }

    /** Returns the rounds as a table: round, requests, B/request. */
    @Override
    public Table table() {
        int[] numbers = new int[rounds.size()];
        for (int i = 0; i < numbers.length; i++) {
            numbers[i] = i + 1;
        }
        return Table.create(name()).addColumns(IntColumn.create("round", numbers),
                IntColumn.create("requests", java.util.Collections.nCopies(rounds.size(), ROUND_REQUESTS)
                        .stream().mapToInt(Integer::intValue).toArray()),
                DoubleColumn.create("B/request", rounds.stream().mapToDouble(Numbers::round).toArray()));
    }

    @Override
    public String caption() {
        return label + " (" + pool + "): " + Numbers.format(bytesPerRequest()) + " B/request on the server's "
                + JsonServer.THREADS + " handler threads, spread " + Numbers.format(spread()) + " B across "
                + ROUNDS + " rounds of " + ROUND_REQUESTS + " requests of " + BODY_BYTES + " bytes after "
                + WARM_UP_REQUESTS + " to warm up; " + (allAnswered ? "all answered 200" : "NOT all answered 200")
                + "; buffers borrowed " + borrowed + ", returned " + returned + "; the pool kept "
                + retainedBytes + " bytes";
    }

    @Override
    public String name() {
        return "bytes per request, " + label;
    }

    @Override
    public String toString() {
        return caption();
    }
}

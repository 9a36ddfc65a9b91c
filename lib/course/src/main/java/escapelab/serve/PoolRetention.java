package escapelab.serve;

import escapelab.measure.Series;
import escapelab.notebook.Mistake;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a pool keeps while a few large requests arrive among small ones: for each pool, a server
 * gets a bounded load of {@link #SMALL_BYTES}-byte requests in which {@link #LARGE_REQUESTS}
 * requests in a row carry {@link #LARGE_BYTES} bytes, and the pool's retained bytes are read
 * every few answers. Gives a series, one line per pool, in KiB against requests answered.
 *
 * <pre>{@code
 * Series kept = poolRetention("pool memory").pool("no cap", ScratchPool.unbounded())
 *         .pool("capped", ScratchPool.capped(64 * 1024)).run();
 * }</pre>
 */
public final class PoolRetention {

    /** The size of the ordinary requests. */
    public static final int SMALL_BYTES = PoolStep.BODY_BYTES;

    /** The size of the large requests. */
    public static final int LARGE_BYTES = 512 * 1024;

    /** How many large requests arrive, one after the other. */
    public static final int LARGE_REQUESTS = 4;

    static final int REQUESTS = 300;
    static final int FIRST_LARGE = 100;
    static final int SAMPLE_EVERY = 10;

    private final String name;
    private final Map<String, ScratchPool> pools = new LinkedHashMap<>();

    private PoolRetention(String name) {
        this.name = name;
    }

    /** Starts a retention run; {@code name} names the series. */
    public static PoolRetention named(String name) {
        Series.record(name, "requests answered", "KiB"); // checks the name now, not after the load
        return new PoolRetention(name);
    }

    /**
     * Adds a pool to measure, as a line of the series.
     *
     * @throws Mistake if the label is blank, already used, or the pool null
     */
    public PoolRetention pool(String label, ScratchPool pool) {
        if (label == null || label.isBlank() || pool == null) {
            throw new Mistake("give each pool a label and a pool, e.g. pool(\"capped\", ScratchPool.capped(65536))");
        }
        if (pools.containsKey(label)) {
            throw new Mistake("the label " + label + " is used twice; give each pool its own");
        }
        pools.put(label, pool);
        return this;
    }

    /**
     * Runs the load against each pool in turn and returns the series (recorded for the
     * submission). Each server has stopped when it returns or throws.
     *
     * @throws Mistake if no pool was added
     * @throws IOException if a server cannot start or a request fails
     * @throws InterruptedException if interrupted; the server and the load stop
     */
    public Series run() throws IOException, InterruptedException {
        if (pools.isEmpty()) {
            throw new Mistake("add a pool first, e.g. .pool(\"capped\", ScratchPool.capped(65536))");
        }
        byte[] small = RequestBodies.ofSize(SMALL_BYTES);
        byte[] large = RequestBodies.ofSize(LARGE_BYTES);
        Series.Recorder series = Series.record(name, "requests answered", "KiB");
        for (Map.Entry<String, ScratchPool> entry : pools.entrySet()) {
            ScratchPool pool = entry.getValue();
            series.add(entry.getKey(), 0, pool.retainedBytes() / 1024.0);
            try (JsonServer server = JsonServer.start(pool)) {
                Load.to(server.uri()).clients(PoolStep.CLIENTS).requests(REQUESTS)
                        .body(i -> i >= FIRST_LARGE && i < FIRST_LARGE + LARGE_REQUESTS ? large : small)
                        .afterEach(answered -> {
                            if (answered % SAMPLE_EVERY == 0) {
                                series.add(entry.getKey(), answered, pool.retainedBytes() / 1024.0);
                            }
                        })
                        .run();
            }
        }
        return series.done();
    }
}

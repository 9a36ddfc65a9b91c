package escapelab.serve;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The server's view of any pool: counts the buffers borrowed and returned, so that a test (or a
 * check) can tell that no path of the handler loses one. Its {@code borrow} frame also marks the
 * scratch buffer's allocations in a JFR recording.
 */
final class CountingPool implements ScratchPool {

    private final ScratchPool pool;
    private final AtomicLong borrowed = new AtomicLong();
    private final AtomicLong returned = new AtomicLong();

    CountingPool(ScratchPool pool) {
        this.pool = pool;
    }

    @Override
    public byte[] borrow(int size) {
        byte[] buffer = pool.borrow(size);
        if (buffer == null || buffer.length < size) {
            throw new IllegalStateException(pool + " returned " + (buffer == null ? "null" : buffer.length + " bytes")
                    + " for a borrow of " + size + " bytes: borrow must return at least the size asked");
        }
        borrowed.incrementAndGet();
        return buffer;
    }

    @Override
    public void release(byte[] buffer) {
        returned.incrementAndGet();
        pool.release(buffer);
    }

    @Override
    public long retainedBytes() {
        return pool.retainedBytes();
    }

    long borrowed() {
        return borrowed.get();
    }

    long returned() {
        return returned.get();
    }

    ScratchPool pool() {
        return pool;
    }
}

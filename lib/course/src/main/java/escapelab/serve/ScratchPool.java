package escapelab.serve;

import escapelab.notebook.Mistake;

/**
 * Where a request handler gets its scratch buffer for a request body and gives it back: Go's
 * {@code sync.Pool} for a {@code []byte}, in the three steps of the lesson: {@link #none()},
 * {@link #unbounded()}, {@link #capped(int)}. Implementations must be safe for concurrent use: a
 * server calls them from all its threads.
 */
public interface ScratchPool {

    /**
     * Returns a buffer of at least {@code size} bytes, new or reused; the caller owns it until it
     * calls {@link #release(byte[])}. Its content is unspecified.
     */
    byte[] borrow(int size);

    /** Gives a buffer from {@link #borrow(int)} back: the pool may keep it for a later borrow, or drop it. */
    void release(byte[] buffer);

    /** Returns the bytes of the buffers the pool holds now, waiting to be borrowed. */
    long retainedBytes();

    /** No pool: every borrow allocates a new buffer, every release drops it. */
    static ScratchPool none() {
        return new NoPool();
    }

    /** A pool that keeps every buffer released, however large: its memory grows with the largest requests. */
    static ScratchPool unbounded() {
        return new FreeListPool(Integer.MAX_VALUE);
    }

    /**
     * A pool that keeps released buffers of at most {@code keepAtMost} bytes and drops larger
     * ones, so that a few large requests do not leave large buffers behind.
     *
     * @throws Mistake if {@code keepAtMost} is negative
     */
    static ScratchPool capped(int keepAtMost) {
        if (keepAtMost < 0) {
            throw new Mistake("keepAtMost is a size in bytes, 0 or more; got " + keepAtMost);
        }
        return new FreeListPool(keepAtMost);
    }
}

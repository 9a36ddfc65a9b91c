package escapelab.serve;

import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Released buffers on a lock-free stack: a borrow takes the latest one if it is large enough
 * (a smaller one is dropped: it would only be dropped later), else allocates. A release keeps
 * the buffer unless it is larger than the cap, the discard that keeps the pool's memory bounded.
 */
final class FreeListPool implements ScratchPool {

    private final ConcurrentLinkedDeque<byte[]> free = new ConcurrentLinkedDeque<>();
    private final AtomicLong retained = new AtomicLong();
    private final int keepAtMost;

    FreeListPool(int keepAtMost) {
        this.keepAtMost = keepAtMost;
    }

    @Override
    public byte[] borrow(int size) {
        byte[] buffer = free.pollFirst();
        if (buffer != null) {
            retained.addAndGet(-buffer.length);
            if (buffer.length >= size) {
                return buffer;
            }
        }
        return new byte[size];
    }

    @Override
    public void release(byte[] buffer) {
        if (buffer.length <= keepAtMost) {
            retained.addAndGet(buffer.length);
            free.offerFirst(buffer);
        }
    }

    @Override
    public long retainedBytes() {
        return retained.get();
    }

    @Override
    public String toString() {
        return keepAtMost == Integer.MAX_VALUE ? "pool" : "pool capped at " + keepAtMost + " bytes";
    }
}

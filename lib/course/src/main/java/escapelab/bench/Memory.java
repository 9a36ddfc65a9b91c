package escapelab.bench;

import java.lang.management.ManagementFactory;

/**
 * Allocation and heap figures of this JVM, for measurements that are not JMH runs. Bytes
 * allocated by a thread are exact; heap in use after {@code System.gc()} is only as good as
 * the collection that hint triggers, so it is for pictures, not checks.
 */
public final class Memory {

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private Memory() {
    }

    /**
     * Bytes the current thread allocated while running {@code work} (HotSpot's per-thread
     * counter, the figure behind JMH's {@code gc.alloc.rate.norm}).
     */
    public static long allocatedBy(Runnable work) {
        long before = THREADS.getCurrentThreadAllocatedBytes();
        work.run();
        return THREADS.getCurrentThreadAllocatedBytes() - before;
    }

    /** Heap in use, in bytes, after asking for a full collection. */
    public static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

package escapelab.measure;

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

    /**
     * Bytes the given threads have allocated so far, summed; a thread that has ended counts 0.
     *
     * @throws UnsupportedOperationException if the VM does not count allocated bytes per thread
     */
    public static long allocatedBytes(long... threadIds) {
        if (!THREADS.isThreadAllocatedMemorySupported()) {
            throw new UnsupportedOperationException("this VM does not count the bytes each thread allocates");
        }
        if (!THREADS.isThreadAllocatedMemoryEnabled()) {
            THREADS.setThreadAllocatedMemoryEnabled(true);
        }
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(threadIds)) {
            total += Math.max(bytes, 0);
        }
        return total;
    }

    /** Heap in use, in bytes, after asking for a full collection. */
    public static long usedHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}

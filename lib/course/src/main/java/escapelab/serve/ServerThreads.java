package escapelab.serve;

import escapelab.measure.Memory;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Named daemon threads, each one known: a server's handler threads, whose allocated bytes it
 * reads exactly (HotSpot counts every thread's allocated bytes, TLAB refills and allocations
 * outside a TLAB, and {@code com.sun.management.ThreadMXBean} reads the counter), or a load's
 * client threads, which a test can then find ended.
 */
final class ServerThreads implements ThreadFactory {

    private static final AtomicInteger SERVERS = new AtomicInteger();

    private final String prefix;
    private final AtomicInteger count = new AtomicInteger();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    ServerThreads(String name) {
        this.prefix = name + "-" + SERVERS.incrementAndGet() + "-";
    }

    @Override
    public Thread newThread(Runnable task) {
        Thread thread = new Thread(task, prefix + count.incrementAndGet());
        thread.setDaemon(true);
        threads.add(thread);
        return thread;
    }

    /** The threads' name prefix, to tell their events in a JFR recording. */
    String prefix() {
        return prefix;
    }

    List<Thread> threads() {
        return List.copyOf(threads);
    }

    /**
     * Returns the bytes allocated so far by the threads made here that are still alive; a thread
     * that ended drops out, so compare two readings only while the threads live.
     *
     * @throws UnsupportedOperationException if the VM does not count allocated bytes per thread
     */
    long allocatedBytes() {
        return Memory.allocatedBytes(threads.stream().filter(Thread::isAlive).mapToLong(Thread::getId).toArray());
    }
}

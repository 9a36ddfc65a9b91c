package escapelab.measure;

import java.time.Instant;
import java.util.Optional;

/**
 * Tells a process apart from a later one that got the same pid, by its start time. The JDK derives
 * a start time from the boot time, and some containers report a boot time that moves by a second
 * from one reading to the next; so two start times within {@link #SAME_WITHIN_MILLIS} are one
 * process (a pid is reused only after the pid space wraps, far longer than that).
 */
public final class ProcessStart {

    static final long SAME_WITHIN_MILLIS = 5_000;

    private ProcessStart() {
    }

    /** The start time of {@code process} in epoch milliseconds, 0 where the system does not say. */
    public static long millis(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    /** Whether {@code process} started at or after {@code since}, as far as its start time can tell. */
    public static boolean startedSince(ProcessHandle process, Instant since) {
        long started = millis(process);
        return started == 0 || started >= since.toEpochMilli() - SAME_WITHIN_MILLIS;
    }

    /**
     * Whether the process with {@code pid} that started at {@code startMillis} (0: not known) still
     * runs: the pid is alive and, where both start times are known, they agree.
     */
    public static boolean stillRuns(long pid, long startMillis) {
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) {
            return false;
        }
        long now = millis(process.get());
        return startMillis == 0 || now == 0 || Math.abs(now - startMillis) <= SAME_WITHIN_MILLIS;
    }
}

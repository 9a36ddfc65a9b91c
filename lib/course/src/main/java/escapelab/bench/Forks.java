package escapelab.bench;

import java.time.Instant;

/** The JVMs that JMH forked from this one. */
final class Forks {

    private Forks() {
    }

    /** Ends JMH's forked JVMs started by this process at or after {@code since}. */
    static void endStartedSince(Instant since) {
        ProcessHandle.current().descendants()
                .filter(p -> p.info().startInstant().map(t -> !t.isBefore(since.minusSeconds(1))).orElse(true))
                .filter(p -> p.info().commandLine().map(c -> c.contains("org.openjdk.jmh.runner.ForkedMain")).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
    }
}

package escapelab.measure;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProcessStartTest {

    private final ProcessHandle me = ProcessHandle.current();

    @Test
    void aRunningProcessRunsThoughItsStartTimeIsReadASecondOff() {
        long started = ProcessStart.millis(me);
        assertTrue(started > 0, "this system tells a process's start time");
        assertTrue(ProcessStart.stillRuns(me.pid(), started));
        assertTrue(ProcessStart.stillRuns(me.pid(), started + 1_000), "a boot time read a second later");
        assertTrue(ProcessStart.stillRuns(me.pid(), started - 1_000));
        assertTrue(ProcessStart.stillRuns(me.pid(), 0), "start time unknown: the pid decides");
    }

    @Test
    void aProcessStartedSinceAMomentIsToldFromAnEarlierOne() {
        Instant started = Instant.ofEpochMilli(ProcessStart.millis(me));
        assertTrue(ProcessStart.startedSince(me, started));
        assertTrue(ProcessStart.startedSince(me, started.plusSeconds(1)), "a boot time read a second off");
        assertFalse(ProcessStart.startedSince(me, started.plusSeconds(60)));
    }

    @Test
    void aReusedPidIsAnotherProcess() {
        long started = ProcessStart.millis(me);
        assertFalse(ProcessStart.stillRuns(me.pid(), started - 60_000));
    }

    @Test
    void anEndedProcessDoesNotRun() throws Exception {
        Process ended = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-version").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long started = ProcessStart.millis(ended.toHandle());
        assertTrue(ended.waitFor(30, TimeUnit.SECONDS));
        assertFalse(ProcessStart.stillRuns(ended.pid(), started));
    }
}

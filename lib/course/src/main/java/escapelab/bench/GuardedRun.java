package escapelab.bench;

import escapelab.measure.ProcessStart;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.ForkCommandRunner;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One JMH run as a cell needs it: on a worker thread, so that an interrupted cell ends the forked
 * JVMs it started, and waiting its turn in the machine's {@link RunQueue} (first come, first served
 * among every learner's runs) and while another run on this machine holds JMH's lock.
 */
final class GuardedRun {

    private static final String JMH_LOCK_BUSY = "Unable to acquire the JMH lock";

    private GuardedRun() {
    }

    /**
     * Runs JMH on a worker thread so that an interrupted cell can end the forked JVMs it
     * started: JMH itself waits for a fork to finish and would leave it running.
     */
    static Collection<RunResult> run(Options options, OutputFormat out, Consumer<String> waiting) throws RunnerException {
        Instant started = Instant.now();
        FutureTask<Collection<RunResult>> task = new FutureTask<>(() -> runWhenFree(options, out, waiting));
        Thread worker = new Thread(task, "jmh-runner");
        worker.setDaemon(true);
        worker.start();
        boolean finished = false;
        try {
            Collection<RunResult> results = task.get();
            finished = true;
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunnerException("interrupted: the benchmark run was stopped");
        } catch (ExecutionException e) {
            finished = true;
            Throwable cause = e.getCause();
            if (cause instanceof RunnerException runner) {
                throw runner;
            }
            throw new RunnerException("JMH failed: " + cause, cause);
        } finally {
            if (!finished) {
                endForks(started);
                worker.interrupt();
            }
        }
    }

    /**
     * Two runs at once would distort each other's timings. Runs of the course wait their turn in the
     * machine's queue; JMH also refuses to start while another JMH run (one outside the course)
     * holds its lock: wait for that too.
     */
    private static Collection<RunResult> runWhenFree(Options options, OutputFormat out, Consumer<String> waiting)
            throws RunnerException, InterruptedException {
        try (RunQueue.Ticket ticket = joinQueue()) {
            if (ticket != null) {
                ticket.awaitTurn(waiting);
            }
            return runWhenJmhFree(options, out, waiting);
        }
    }

    /** A place in the machine's queue, or null (runs then wait on JMH's lock alone) if it cannot be had. */
    private static RunQueue.Ticket joinQueue() {
        try {
            return RunQueue.shared().join();
        } catch (IOException | java.io.UncheckedIOException e) {
            return null;
        }
    }

    private static Collection<RunResult> runWhenJmhFree(Options options, OutputFormat out, Consumer<String> waiting)
            throws RunnerException, InterruptedException {
        while (true) {
            try {
                return new ForkCommandRunner(options, out, StandbyForks::command).run();
            } catch (RunnerException e) {
                if (e.getMessage() == null || !e.getMessage().contains(JMH_LOCK_BUSY)) {
                    throw e;
                }
                waiting.accept("waiting: another benchmark is running on this machine (another notebook?)");
                Thread.sleep(1000);
            }
        }
    }

    /**
     * Ends the run's forked JVMs: those JMH started at or after {@code since} and the standbys
     * started earlier that became its forks (whose launchers then say their exit codes and end),
     * after the standbys that wait, none of whose JVMs is needed now. Removes the compile log
     * each fork's compiler threads had open in the temp folder: a JVM merges and deletes those
     * when it exits, not when it is killed.
     */
    private static void endForks(Instant since) {
        StandbyForks.endWaiting();
        Set<Long> standbys = StandbyForks.forkPids();
        List<ProcessHandle> forks = ProcessHandle.current().descendants()
                .filter(p -> standbys.contains(p.pid()) || ProcessStart.startedSince(p, since)
                        && p.info().commandLine().map(c -> c.contains("org.openjdk.jmh.runner.ForkedMain")).orElse(false))
                .toList();
        forks.forEach(ProcessHandle::destroyForcibly);
        // The cell was interrupted: wait for the forks' ends all the same, and say so after.
        boolean interrupted = Thread.interrupted();
        try {
            for (ProcessHandle fork : forks) {
                try {
                    fork.onExit().get(5, TimeUnit.SECONDS);
                    removeCompilerThreadLogs(fork.pid());
                } catch (ExecutionException | TimeoutException e) {
                    // not ended yet: its logs stay, as a crashed JVM's would
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeCompilerThreadLogs(long pid) {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(temp, "hs_c*_pid" + pid + ".log")) {
            for (Path log : logs) {
                Files.deleteIfExists(log);
            }
        } catch (IOException ignored) {
            // the temp folder cannot be read: nothing of ours to remove there
        }
    }
}

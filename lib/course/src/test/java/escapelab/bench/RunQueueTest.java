package escapelab.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RunQueueTest {

    @TempDir
    Path dir;

    @Test
    void runsGoInTheOrderTheyCame() throws Exception {
        RunQueue queue = new RunQueue(dir);
        List<String> order = new CopyOnWriteArrayList<>();
        RunQueue.Ticket first = queue.join();
        RunQueue.Ticket second = queue.join();
        RunQueue.Ticket third = queue.join();
        Thread thirdRun = waiter(third, "third", order);
        Thread secondRun = waiter(second, "second", order);
        Thread.sleep(600);
        assertTrue(order.isEmpty(), "nobody runs while the first holds its place: " + order);
        first.close();
        secondRun.join(5000);
        thirdRun.join(5000);
        assertEquals(List.of("second", "third"), order);
    }

    @Test
    void aWaitingRunSaysItsPlaceAndAKilledRunReleasesIt() throws Exception {
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Holder.class.getName(), dir.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("holding", out.readLine(), "the other run took its place");
            RunQueue.Ticket mine = new RunQueue(dir).join();
            List<String> said = new CopyOnWriteArrayList<>();
            Thread waiting = new Thread(() -> {
                try {
                    mine.awaitTurn(said::add);
                    said.add("started");
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            waiting.start();
            Thread.sleep(800);
            assertEquals(List.of("waiting: 1 benchmark run is ahead of this one in the machine's queue "
                    + "(yours, from another notebook); it starts when they end"), said);
            holder.destroyForcibly();
            assertTrue(holder.waitFor(10, TimeUnit.SECONDS));
            waiting.join(5000);
            assertFalse(waiting.isAlive(), "the killed run still blocks the queue");
            assertEquals("started", said.get(said.size() - 1));
            mine.close();
        } finally {
            holder.destroyForcibly();
        }
        // The killed run's ticket is left (only its owner may remove it) and counts for nothing;
        // the same user's next run removes it.
        assertEquals(1, queue().tickets().size());
        try (RunQueue.Ticket next = queue().join()) {
            assertEquals(1, queue().tickets().size(), "the next run removed the dead one's ticket");
        }
    }

    @Test
    void theMessageSaysWhoseRunsAreAhead() {
        List<RunQueue.Entry> ahead = List.of(entry(1, "ana"), entry(2, "ben"), entry(3, "me"));
        assertEquals("waiting: 3 benchmark runs are ahead of this one in the machine's queue "
                + "(2 of other learners, 1 yours from other notebooks); it starts when they end",
                RunQueue.waitingMessage(ahead, "me"));
        assertEquals("waiting: 1 benchmark run is ahead of this one in the machine's queue "
                + "(another learner's); it starts when they end", RunQueue.waitingMessage(ahead.subList(0, 1), "me"));
    }

    @Test
    void theFolderIsSharedAndSticky() throws Exception {
        Path shared = dir.resolve("queue");
        new RunQueue(shared).join().close();
        String mode = Files.getPosixFilePermissions(shared).toString();
        assertTrue(mode.contains("OTHERS_WRITE"), "every learner can queue: " + mode);
        Process stat = new ProcessBuilder("stat", "-c", "%A", shared.toString()).start();
        assertEquals("drwxrwxrwt", new String(stat.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip());
    }

    private RunQueue queue() {
        return new RunQueue(dir);
    }

    private static RunQueue.Entry entry(long number, String user) {
        return new RunQueue.Entry(Path.of(String.valueOf(number)), number, ProcessHandle.current().pid(), 0, user);
    }

    private static Thread waiter(RunQueue.Ticket ticket, String name, List<String> order) {
        Thread t = new Thread(() -> {
            try (ticket) {
                ticket.awaitTurn(message -> { });
                order.add(name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        t.start();
        return t;
    }

    /** Another notebook's run: takes a place in the queue and holds it until it is killed. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            new RunQueue(Path.of(args[0])).join();
            System.out.println("holding");
            System.out.flush();
            Thread.sleep(120_000);
        }
    }
}

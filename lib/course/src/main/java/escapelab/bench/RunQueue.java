package escapelab.bench;

import escapelab.measure.ProcessStart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * First come, first served among the benchmark runs of everyone on this machine. JMH's own lock
 * lets whichever waiting run polls first go next; on a class server that may starve a learner.
 * Each run takes a numbered ticket, a file in a shared folder (sticky, so only its owner can remove
 * it) holding the pid and start time of the process that waits; the lowest ticket of a live
 * process goes next. A ticket whose process has ended counts for nothing, so a killed run never
 * blocks the queue; its owner's next run removes it.
 */
public final class RunQueue {

    /** The environment variable that names the queue's folder (a class server's, shared by all). */
    public static final String FOLDER_ENV = "ESCAPELAB_QUEUE";

    private static final long POLL_MILLIS = 250;

    private final Path dir;

    /** The queue whose tickets are files in {@code dir}. */
    public RunQueue(Path dir) {
        this.dir = dir;
    }

    /** {@value #FOLDER_ENV}, else {@code escapelab-queue} in {@code java.io.tmpdir}. */
    public static RunQueue shared() {
        String configured = System.getenv(FOLDER_ENV);
        return new RunQueue(configured != null && !configured.isBlank() ? Path.of(configured)
                : Path.of(System.getProperty("java.io.tmpdir"), "escapelab-queue"));
    }

    /** Takes the next ticket, behind every ticket already there. */
    public Ticket join() throws IOException {
        ensureFolder();
        removeOwnStale();
        String me = owner(ProcessHandle.current());
        while (true) {
            long number = tickets().stream().mapToLong(Entry::number).max().orElse(0) + 1;
            Path file = dir.resolve(String.format("%012d", number));
            try {
                Files.writeString(Files.createFile(file), me, StandardCharsets.UTF_8);
                return new Ticket(file, number);
            } catch (FileAlreadyExistsException raced) {
                // another run took this number first: it is ahead; take the next
            }
        }
    }

    private void ensureFolder() throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        try {
            Files.createDirectories(dir);
            // Everyone's runs queue here; like /tmp, only a ticket's owner can remove it.
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
            new ProcessBuilder("chmod", "+t", dir.toString()).start().waitFor();
        } catch (FileAlreadyExistsException raced) {
            // made by another run at the same moment
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes this user's tickets whose process has ended (a run killed before it could). */
    private void removeOwnStale() {
        String user = System.getProperty("user.name");
        for (Entry e : tickets()) {
            if (!e.alive() && user.equals(e.user())) {
                try {
                    Files.deleteIfExists(e.file());
                } catch (IOException ignored) {
                    // another user's, or gone already: it counts for nothing either way
                }
            }
        }
    }

    /** Every ticket in the folder, lowest number first, live or not. */
    List<Entry> tickets() {
        List<Entry> all = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(f -> Entry.read(f).ifPresent(all::add));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the benchmark queue in " + dir, e);
        }
        all.sort((a, b) -> Long.compare(a.number(), b.number()));
        return all;
    }

    /** "pid start-millis user", what a ticket holds. */
    static String owner(ProcessHandle process) {
        return process.pid() + " " + ProcessStart.millis(process) + " " + System.getProperty("user.name");
    }

    /** One ticket as read from the folder. */
    record Entry(Path file, long number, long pid, long startMillis, String user) {

        static java.util.Optional<Entry> read(Path file) {
            try {
                long number = Long.parseLong(file.getFileName().toString());
                String[] parts = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ", 3);
                if (parts.length < 3) {
                    // being written this instant: its process is alive
                    return java.util.Optional.of(new Entry(file, number, -1, 0, ""));
                }
                return java.util.Optional.of(new Entry(file, number, Long.parseLong(parts[0]),
                        Long.parseLong(parts[1]), parts[2]));
            } catch (NumberFormatException | IOException e) {
                return java.util.Optional.empty();
            }
        }

        /** Whether the process that took this ticket still runs (a reused pid has another start). */
        boolean alive() {
            if (pid < 0) {
                return true;
            }
            return ProcessStart.stillRuns(pid, startMillis);
        }
    }

    /** A place in the queue; closing it gives the place up. */
    public final class Ticket implements AutoCloseable {
        private final Path file;
        private final long number;

        private Ticket(Path file, long number) {
            this.file = file;
            this.number = number;
        }

        /** The live tickets ahead of this one. */
        List<Entry> ahead() {
            return tickets().stream().filter(e -> e.number() < number && e.alive()).toList();
        }

        /**
         * Waits until no live ticket is ahead of this one, telling {@code waiting} how many runs
         * are ahead and whose each time that changes.
         */
        public void awaitTurn(Consumer<String> waiting) throws InterruptedException {
            String said = null;
            while (true) {
                List<Entry> ahead = ahead();
                if (ahead.isEmpty()) {
                    return;
                }
                String message = waitingMessage(ahead, System.getProperty("user.name"));
                if (!message.equals(said)) {
                    waiting.accept(message);
                    said = message;
                }
                Thread.sleep(POLL_MILLIS);
            }
        }

        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // the folder went away: there is no place to give up
            }
        }
    }

    /** What a waiting cell says: its place, and whose runs are ahead. */
    static String waitingMessage(List<Entry> ahead, String me) {
        long mine = ahead.stream().filter(e -> me.equals(e.user())).count();
        long others = ahead.size() - mine;
        String whose = mine == 0 ? (others == 1 ? "another learner's" : "other learners'")
                : others == 0 ? (mine == 1 ? "yours, from another notebook" : "yours, from other notebooks")
                : others + " of other learners, " + mine + " yours from other notebooks";
        return "waiting: " + ahead.size() + (ahead.size() == 1 ? " benchmark run is" : " benchmark runs are")
                + " ahead of this one in the machine's queue (" + whose + "); it starts when they end";
    }
}

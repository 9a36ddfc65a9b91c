package escapelab.bench;

import escapelab.cell.Folders;
import escapelab.measure.OwnedFolders;

import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Forks started ahead of time. JMH starts a JVM for each fork, one after another, and each spends
 * a few tenths of a second starting and loading JMH before its first iteration. So JVMs with the
 * command line of the next run's forks start while the learner reads or edits, and wait
 * (standbys, {@link StandbyFork}): one when a cell is compiled, and when a run ends, as many as
 * its forks had the command line of its last (at most {@value #KEPT}), one after another, each
 * once the one before is ready and only while no run has begun. When JMH asks for a fork with
 * that command line, it starts a small launcher instead,
 * which gives the standby the host's address, waits until it says it is done, and passes on its
 * output and exit code. Every benchmark still runs in a JVM of its own that ran nothing of any
 * benchmark before it, and no standby starts beside a measurement: started for each next fork
 * while the fork before it warmed up, they made the course's times 4% slower.
 *
 * <p>At most {@value #KEPT} wait, each for {@link #IDLE} at most. Only a command line takes part
 * whose files two JVMs at once cannot share wrongly (a compile log named by pid can be shared);
 * {@value #ENV}{@code =off} turns standbys off, to measure what they buy.
 */
public final class StandbyForks {

    /** The environment variable that turns standbys off ({@code off}). */
    public static final String ENV = "ESCAPELAB_STANDBY_FORKS";

    static final String PREFIX = "escapelab-standby-";
    private static final int KEPT = 2;
    private static final Duration IDLE = Duration.ofMinutes(10);

    /** Flags that write a file of their own, which a standby would write while the fork before it does. */
    private static final Pattern WRITES_FILE =
            Pattern.compile("(?i)dump|file=|:file|loggc|agent|flightrecord|atexit|path=|^-Xrun");
    private static final String COMPILE_COMMAND_FILE = "-XX:CompileCommandFile=";

    /**
     * Runs the standby JVM ({@code "$@"}) and says its exit code on {@code done}, a pipe, unless
     * the JVM said 0 there already: it does when its fork is done and all that remains is its
     * exit (merging its compile log, say), which then overlaps the next fork's start.
     */
    private static final String STANDBY = """
            mkfifo "$0/done" || exit 1
            "$@" >"$0/out" 2>"$0/err"
            echo $? 1<>"$0/done"
            """;
    /** What JMH starts for a standby's fork: its exit code, once said, and its output. */
    private static final String LAUNCHER = """
            read -r code <"$1/done" || code=1
            cat "$1/out"
            cat "$1/err" >&2
            rm -rf "$1"
            exit "$code"
            """;

    private static final String LAUNCHER_NAME = "escapelab-standby-launcher";

    private static final StandbyForks SHARED = new StandbyForks();

    /** A JVM waiting to become a fork, or one that became one. */
    private static final class Standby {
        final List<String> key;
        final Path folder;
        final Process process;
        final Instant started = Instant.now();
        volatile boolean handedOff;

        Standby(List<String> key, Path folder, Process process) {
            this.key = key;
            this.folder = folder;
            this.process = process;
        }
    }

    private final Deque<Standby> waiting = new ArrayDeque<>();
    /** Every standby whose process has not ended, waiting, ending unused, or a fork. */
    private final Set<Standby> live = ConcurrentHashMap.newKeySet();
    private final AtomicInteger handOffs = new AtomicInteger();
    /** The standbys the next run may use: like the last fork asked for, as many as the run had such forks. */
    private record Next(List<String> key, Supplier<Standby> launch, int forks) {
    }

    private final AtomicReference<Next> next = new AtomicReference<>();
    /** Whether a run is on, whose forks a standby's start would slow. */
    private volatile boolean runOn;
    /** Starts standbys, and ends those that waited too long. */
    private final ScheduledExecutorService starter = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "escapelab-standby-forks");
        thread.setDaemon(true);
        return thread;
    });

    private StandbyForks() {
        starter.scheduleWithFixedDelay(this::endIdle, 1, 1, TimeUnit.MINUTES);
        // Waiting standbys end with this JVM, when their input closes; their folders go now.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            synchronized (this) {
                waiting.forEach(standby -> Folders.deleteQuietly(standby.folder));
            }
        }));
    }

    /**
     * The command that runs a fork JMH would start with {@code jmhCommand} ({@code java}, its
     * flags, {@code -cp} and the class path, JMH's fork main, the host's name and port): a
     * standby's launcher where one with that command line waits, else {@code jmhCommand}. When
     * the run ends ({@link #runEnded}), standbys with the command line of its last fork start
     * for the next run, which read {@code sample} (what JMH sends its forks: the run's options,
     * the benchmark's plan) while they wait.
     */
    public static List<String> command(List<String> jmhCommand, List<Serializable> sample) {
        return SHARED.forFork(jmhCommand, sample);
    }

    /** A run begins: no standby starts until it ends. */
    static void runBegins() {
        SHARED.runOn = true;
    }

    /**
     * Where {@code readyNext}, starts standbys like the run's last fork, for the next run (an
     * edited cell's); not for a run that failed, or whose flags were its own alone.
     */
    static void runEnded(boolean readyNext) {
        SHARED.runOn = false;
        Next like = SHARED.next.getAndSet(null);
        if (like != null && readyNext) {
            SHARED.starter.execute(() -> SHARED.startInTurn(like));
        }
    }

    /**
     * Starts standbys for the next run's forks one after another, each once the one before is
     * ready: two booting at once would take both cores from the kernel. Stops where a run begins.
     */
    private void startInTurn(Next like) {
        for (int wanted = 1; wanted <= Math.min(like.forks(), KEPT) && !runOn; wanted++) {
            Standby started = start(like.key(), wanted, like.launch());
            if (started != null) {
                awaitReady(started);
            }
        }
    }

    private static void awaitReady(Standby standby) {
        Instant giveUp = Instant.now().plusSeconds(5);
        while (!Files.exists(standby.folder.resolve(StandbyFork.READY)) && standby.process.isAlive()
                && Instant.now().isBefore(giveUp)) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /**
     * Starts a standby for a fork JMH would start with {@code jmhCommand}, before any run asks for
     * it, unless one with that command line waits already.
     */
    public static void prestart(List<String> jmhCommand, List<Serializable> sample) {
        List<String> key = keyWhereOn(jmhCommand);
        if (key != null) {
            SHARED.starter.execute(() -> SHARED.start(key, 1, SHARED.launching(key, jmhCommand, sample)));
        }
    }

    /** Runs {@code work} on the thread that starts standbys, off the cell's. */
    public static void inBackground(Runnable work) {
        SHARED.starter.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                // no standby: the run starts its first fork itself
            }
        });
    }

    /** How many standbys wait ready for the host's address. */
    static long ready() {
        synchronized (SHARED) {
            return SHARED.waiting.stream().filter(s -> Files.exists(s.folder.resolve(StandbyFork.READY))).count();
        }
    }

    /** How many forks standbys became in this JVM, to tell that they are used. */
    public static int handOffs() {
        return SHARED.handOffs.get();
    }

    /** Ends the standbys that wait, and waits for their ends: no standby of this JVM is waiting after it. */
    public static void endWaiting() {
        SHARED.endAllWaiting();
    }

    /**
     * Waits until the standbys that became forks have ended: a fork says it is done before its
     * JVM ends, which writes the rest of its compile log as it does.
     */
    public static void awaitForks() {
        for (Standby standby : SHARED.forks()) {
            if (!awaitEnd(standby, Duration.ofMinutes(1)) && Thread.currentThread().isInterrupted()) {
                return;
            }
        }
    }

    /** Waits for a standby's end: false where it has not ended in time, or the wait was interrupted. */
    private static boolean awaitEnd(Standby standby, Duration within) {
        try {
            standby.process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    /**
     * The pids of the JVMs that are no fork (waiting to become one, or ended unused and deleting
     * their compile logs): their logs hold no benchmark.
     */
    static Set<Long> waitingPids() {
        return SHARED.jvmPids(false);
    }

    /**
     * The pids of the JVMs that standbys run as forks: a fork JMH starts itself runs in a
     * process of its own, a standby's in a child of its wrapper's.
     */
    static Set<Long> forkPids() {
        return SHARED.jvmPids(true);
    }

    private Set<Long> jvmPids(boolean forks) {
        Set<Long> pids = new HashSet<>();
        live.stream().filter(standby -> standby.handedOff == forks)
                .forEach(standby -> standby.process.children().forEach(child -> pids.add(child.pid())));
        return pids;
    }

    private List<Standby> forks() {
        return live.stream().filter(standby -> standby.handedOff).toList();
    }

    private List<String> forFork(List<String> command, List<Serializable> sample) {
        List<String> key = keyWhereOn(command);
        if (key == null) {
            return command;
        }
        Standby ready = takeReady(key);
        Supplier<Standby> launch = launching(key, command, sample);
        next.updateAndGet(last -> new Next(key, launch, last != null && last.key().equals(key) ? last.forks() + 1 : 1));
        if (ready == null || !handOff(ready, command.get(command.size() - 2), command.get(command.size() - 1))) {
            return command;
        }
        return List.of("bash", "-c", LAUNCHER, LAUNCHER_NAME, ready.folder.toString());
    }

    /** The command's {@link #key}, or null where standbys are turned off. */
    private static List<String> keyWhereOn(List<String> command) {
        return "off".equalsIgnoreCase(System.getenv(ENV)) ? null : key(command);
    }

    /** How to launch a standby for a fork JMH would start with {@code command}. */
    private Supplier<Standby> launching(List<String> key, List<String> command, List<Serializable> sample) {
        int forkMain = command.size() - 3;
        return () -> launch(key, command.subList(0, forkMain), command.get(forkMain), sample);
    }

    /**
     * What a standby must have been started with to run this fork: the command without the
     * host's address, with JMH's compiler hints file named by its content (JMH writes a new file
     * after each compile); null where the command may not use a standby.
     */
    static List<String> key(List<String> command) {
        if (command.size() < 4 || !command.get(command.size() - 3).endsWith("ForkedMain")) {
            return null;
        }
        List<String> key = new ArrayList<>();
        for (String word : command.subList(0, command.size() - 2)) {
            if (word.startsWith(COMPILE_COMMAND_FILE)) {
                String digest = digest(Path.of(word.substring(COMPILE_COMMAND_FILE.length())));
                if (digest == null) {
                    return null;
                }
                key.add(COMPILE_COMMAND_FILE + "#" + digest);
            } else if (writesOwnFile(word)) {
                return null;
            } else {
                key.add(word);
            }
        }
        return key;
    }

    /** Whether a flag writes a file two JVMs would share: any but a compile log named by pid and the class-data archive. */
    private static boolean writesOwnFile(String flag) {
        if (flag.startsWith("-XX:LogFile=")) {
            return !flag.contains("%p");
        }
        return !flag.startsWith("-XX:SharedArchiveFile=") && WRITES_FILE.matcher(flag).find();
    }

    private static String digest(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException | NoSuchAlgorithmException e) {
            return null;
        }
    }

    /** Ends the standbys that waited longer than {@link #IDLE}: an idle kernel keeps no JVM of its own. */
    private synchronized void endIdle() {
        Instant tooOld = Instant.now().minus(IDLE);
        for (Standby standby : List.copyOf(waiting)) {
            if (standby.started.isBefore(tooOld)) {
                waiting.remove(standby);
                end(standby);
            }
        }
    }

    /** Takes out the oldest standby with that command line. */
    private synchronized Standby takeReady(List<String> key) {
        for (Standby standby : List.copyOf(waiting)) {
            if (!standby.process.isAlive()) {
                waiting.remove(standby);
            } else if (standby.key.equals(key) && Files.exists(standby.folder.resolve("done"))) {
                // Its pipe made, if not yet ready: it reads the host's address once it is.
                waiting.remove(standby);
                return standby;
            }
        }
        return null;
    }

    private boolean handOff(Standby standby, String host, String port) {
        standby.handedOff = true;
        try (OutputStream in = standby.process.getOutputStream()) {
            in.write((host + " " + port + "\n").getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // It ended meanwhile: JMH starts the fork itself.
            standby.handedOff = false;
            return false;
        }
        handOffs.incrementAndGet();
        return true;
    }

    /** Launches a standby with that command line unless {@code wanted} wait already; returns it, or null. */
    private Standby start(List<String> key, int wanted, Supplier<Standby> launch) {
        synchronized (this) {
            if (waiting.stream().filter(standby -> standby.key.equals(key)).count() >= wanted) {
                return null;
            }
        }
        return launch.get();
    }

    /** Starts a standby with that command line; returns it, or null where it could not start. */
    private Standby launch(List<String> key, List<String> javaAndFlags, String forkMain, List<Serializable> sample) {
        try {
            Path folder = OwnedFolders.createTemporary(PREFIX);
            try (ObjectOutputStream out = new ObjectOutputStream(Files.newOutputStream(folder.resolve("sample")))) {
                for (Serializable object : sample) {
                    out.writeObject(object);
                }
            }
            List<String> command = new ArrayList<>(List.of("bash", "-c", STANDBY, folder.toString()));
            command.addAll(javaAndFlags);
            command.addAll(List.of(StandbyFork.class.getName(), folder.toString(), forkMain));
            Process process = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            Standby standby = new Standby(key, folder, process);
            live.add(standby);
            process.onExit().thenRun(() -> ended(standby));
            synchronized (this) {
                waiting.addLast(standby);
                while (waiting.size() > KEPT) {
                    end(waiting.removeFirst());
                }
            }
            return standby;
        } catch (IOException | UncheckedIOException e) {
            // No standby: the next fork starts as JMH starts it.
            return null;
        }
    }

    private void ended(Standby standby) {
        live.remove(standby);
        synchronized (this) {
            waiting.remove(standby);
        }
        if (!standby.handedOff) {
            // A fork's folder is its launcher's to delete, after reading it.
            Folders.deleteQuietly(standby.folder);
        }
    }

    /** Closes a waiting standby's input: it deletes its compile log and ends. */
    private static void end(Standby standby) {
        try {
            standby.process.getOutputStream().close();
        } catch (IOException e) {
            standby.process.destroy();
        }
    }

    private void endAllWaiting() {
        try {
            // A standby still being started would wait after this.
            starter.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // the starter is stuck: end what waits now
        }
        List<Standby> ended;
        synchronized (this) {
            ended = List.copyOf(waiting);
            waiting.clear();
        }
        ended.forEach(StandbyForks::end);
        for (Standby standby : ended) {
            if (!awaitEnd(standby, Duration.ofSeconds(5))) {
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
                standby.process.descendants().forEach(ProcessHandle::destroyForcibly);
                standby.process.destroyForcibly();
            }
        }
    }
}

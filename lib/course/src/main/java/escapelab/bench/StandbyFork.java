package escapelab.bench;

import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.options.Options;

/**
 * The main class of a standby fork ({@link StandbyForks}): a JVM started with a fork's command
 * line that has loaded JMH's fork and waits, on its standard input, for the host's address.
 * Given it, it runs JMH's own fork main with it, as a fork JMH had just started would. Given the
 * end of its input instead (not needed, or its kernel ended), it deletes its compile log, which
 * holds no benchmark, and ends.
 *
 * <p>Arguments: the standby's folder, with what it reads ahead, and JMH's fork main class.
 */
public final class StandbyFork {

    /** The file a standby creates in its folder once it has read ahead, and waits for the host's address. */
    static final String READY = "ready";

    private StandbyFork() {
    }

    public static void main(String[] args) throws Throwable {
        Path folder = Path.of(args[0]);
        Method forkMain = Class.forName(args[1]).getDeclaredMethod("main", String[].class);
        forkMain.setAccessible(true);
        readAhead(folder.resolve("sample"));
        Files.createFile(folder.resolve(READY));
        String address = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (address == null) {
            deleteCompileLog();
            return;
        }
        AtomicBoolean returned = new AtomicBoolean();
        // Run once every thread of the fork has ended, as its JVM begins to exit.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (returned.get()) {
                sayDone(folder.resolve("done"));
            }
        }));
        try {
            forkMain.invoke(null, (Object) address.strip().split(" "));
            returned.set(true);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /**
     * Says exit code 0 on the launcher's pipe: JMH's fork main returned and the JVM is exiting.
     * Opened for reading and writing, the pipe takes it without waiting for a reader.
     */
    private static void sayDone(Path done) {
        try (RandomAccessFile pipe = new RandomAccessFile(done.toFile(), "rw")) {
            pipe.write("0\n".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            // the wrapper says the exit code once the JVM has ended
        }
    }

    /**
     * Does ahead what JMH's fork does first, and what the fork ran nothing of the benchmark in:
     * reads and writes what JMH sends a fork ({@code sample}: the run's options, the benchmark's
     * parameters), whose readers the JDK generates class by class; makes the proxy that sends the
     * fork's output; opens every entry of the class path, as the first look-up of the benchmark's
     * class would; and, where the run's options name JMH's GC profiler, starts the platform's
     * beans it reads.
     */
    private static void readAhead(Path sample) throws IOException, ClassNotFoundException {
        boolean gcProfiler = false;
        try (ObjectInputStream in = new ObjectInputStream(Files.newInputStream(sample));
             ObjectOutputStream out = new ObjectOutputStream(OutputStream.nullOutputStream())) {
            while (true) {
                Object read = in.readObject();
                out.writeObject(read);
                gcProfiler |= read instanceof Options options && options.getProfilers().stream()
                        .anyMatch(profiler -> profiler.getKlass().equals(GCProfiler.class.getName()));
            }
        } catch (EOFException | NoSuchFileException e) {
            // all read, or nothing to read
        }
        ClassLoader loader = StandbyFork.class.getClassLoader();
        Proxy.newProxyInstance(loader, new Class<?>[] {OutputFormat.class}, (proxy, method, args) -> null);
        loader.getResource("escapelab/bench/StandbyFork/none");
        if (gcProfiler) {
            ManagementFactory.getGarbageCollectorMXBeans();
            ManagementFactory.getMemoryPoolMXBeans();
            ManagementFactory.getThreadMXBean();
        }
        new Socket().close();
    }

    /** Deletes the file {@code -XX:LogFile} names for this JVM ({@code %p} is {@code pid} and its pid), if any. */
    private static void deleteCompileLog() throws IOException {
        for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            if (flag.startsWith("-XX:LogFile=")) {
                String pid = "pid" + ProcessHandle.current().pid();
                Files.deleteIfExists(Path.of(flag.substring("-XX:LogFile=".length()).replace("%p", pid)));
            }
        }
    }
}

package escapelab.bench;

import escapelab.cell.Folders;
import escapelab.measure.OwnedFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.openjdk.jmh.infra.BenchmarkParams;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The compile logs a run's forks wrote: HotSpot's {@code -XX:+LogCompilation}, one file per
 * forked JVM, one folder per variant. The escape report reads them, so that a report of a class
 * that was measured needs no forks of its own. Every run records them unless
 * {@value #ENV}{@code =off}; they are deleted when the kernel exits.
 */
public final class CompileLogs {

    /** The environment variable that turns recording off ({@code off}), to compare runs without it. */
    public static final String ENV = "ESCAPELAB_COMPILE_LOG";

    /** The start of a log folder's name; the rest names the kernel that owns it. */
    public static final String PREFIX = "escapelab-compile-logs-";

    /** A run that recorded no compile log. */
    public static final CompileLogs NONE = new CompileLogs(null);

    private final Path folder;
    private final Map<String, Path> byVariant = new ConcurrentHashMap<>();
    /** Which benchmark and parameters each log's fork ran; absent for a benchmark that failed. */
    private final Map<Path, Fork> forks = new ConcurrentHashMap<>();
    /** This run's logs; the folder also holds earlier runs' and those of forks started ahead of time. */
    private final Map<Path, Boolean> seen = new ConcurrentHashMap<>();
    private final Set<Path> earlier = ConcurrentHashMap.newKeySet();
    private static Path shared;

    /** What one fork ran: a benchmark method with its parameters. */
    private record Fork(String method, Map<String, String> params) {
    }

    private CompileLogs(Path folder) {
        this.folder = folder;
    }

    /**
     * The flags that make a fork write its compile log to {@code logFile} ({@code %p} is the
     * fork's pid): release JDKs log C2's inlining decisions and eliminations there. Not
     * {@code -XX:+PrintInlining}: it logs no more, and prints every decision on the fork's
     * output, which JMH carries back line by line.
     */
    public static List<String> flags(Path logFile) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation", "-XX:LogFile=" + logFile);
    }

    /**
     * The logs of a run, in this JVM's folder for them, or {@link #NONE} where recording is off
     * or the run's flags log compilations already (an escape report's own run).
     */
    static CompileLogs forRun(List<String> runFlags) {
        if ("off".equalsIgnoreCase(System.getenv(ENV)) || runFlags.contains("-XX:+LogCompilation")) {
            return NONE;
        }
        Path folder = sharedFolder();
        return folder == null ? NONE : new CompileLogs(folder);
    }

    /**
     * One folder for every run of this JVM, so that a run's forks get the same flags as the last
     * run's, which a fork started ahead of time needs ({@link StandbyForks}).
     */
    private static synchronized Path sharedFolder() {
        if (shared == null) {
            try {
                // A killed kernel's logs go with the next kernel's first run.
                Path folder = OwnedFolders.createTemporary(PREFIX);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteQuietly(folder)));
                shared = folder;
            } catch (IOException e) {
                return null;
            }
        }
        return shared;
    }

    /** Whether the run's forks wrote their compile logs. */
    public boolean recorded() {
        return folder != null;
    }

    /** The flags for the forks of the variant labelled so (none where nothing is recorded). */
    List<String> flagsFor(String variant) {
        if (folder == null) {
            return List.of();
        }
        Path variantFolder = byVariant.computeIfAbsent(variant, v -> folder.resolve("variant-" + byVariant.size()));
        try {
            Files.createDirectories(variantFolder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<Long> waiting = StandbyForks.waitingPids();
        list(variantFolder).stream().filter(file -> !waiting.contains(pid(file))).forEach(earlier::add);
        return flags(variantFolder.resolve("hotspot_%p.log"));
    }

    /**
     * Files the logs that appeared since the last call under the benchmark that just ended
     * ({@code ended}), or under none where a benchmark starts ({@code null}: the forks of one
     * that failed). JMH runs forks one at a time, so the new files are that benchmark's.
     */
    void attribute(String variant, BenchmarkParams ended) {
        Path variantFolder = byVariant.get(variant);
        if (variantFolder == null) {
            return;
        }
        List<Path> files = list(variantFolder);
        // Listed first: a standby's log is there only once its JVM runs, and it waits until a fork takes it.
        Set<Long> waiting = StandbyForks.waitingPids();
        for (Path file : files) {
            if (earlier.contains(file) || waiting.contains(pid(file))) {
                continue;
            }
            if (seen.putIfAbsent(file, Boolean.TRUE) == null && ended != null) {
                Map<String, String> params = new LinkedHashMap<>();
                ended.getParamsKeys().forEach(k -> params.put(k, ended.getParam(k)));
                String benchmark = ended.getBenchmark();
                forks.put(file, new Fork(benchmark.substring(benchmark.lastIndexOf('.') + 1), params));
            }
        }
    }

    /**
     * The logs of the forks of the variant labelled so that ran one of {@code methods} (any
     * where empty) with one of the {@code params} values given for each parameter named, in the
     * order of their file names.
     */
    public List<Path> files(String variant, List<String> methods, Map<String, String[]> params) {
        Path variantFolder = byVariant.get(variant);
        if (variantFolder == null) {
            return List.of();
        }
        // A fork's JVM writes the end of its log as it exits, after its benchmark's results.
        StandbyForks.awaitForks();
        List<Path> files = new ArrayList<>();
        for (Path file : list(variantFolder)) {
            if (!seen.containsKey(file)) {
                continue;
            }
            Fork fork = forks.get(file);
            boolean filtered = !methods.isEmpty() || !params.isEmpty();
            if (!filtered || fork != null && (methods.isEmpty() || methods.contains(fork.method()))
                    && params.entrySet().stream().allMatch(p -> List.of(p.getValue()).contains(fork.params().get(p.getKey())))) {
                files.add(file);
            }
        }
        return files;
    }

    /** The pid in a log's name ({@code hotspot_pid4242.log}: HotSpot writes {@code %p} so), or -1. */
    private static long pid(Path log) {
        String name = log.getFileName().toString();
        try {
            return Long.parseLong(name.substring(name.indexOf("_pid") + 4, name.lastIndexOf('.')));
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private static List<Path> list(Path folder) {
        try (Stream<Path> listed = Files.list(folder)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }
}

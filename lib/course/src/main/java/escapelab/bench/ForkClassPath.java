package escapelab.bench;

import escapelab.notebook.Notebook;
import org.openjdk.jmh.runner.RunnerException;

import java.io.File;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class path JMH gives its forks. JMH copies {@code java.class.path}, which in a kernel is
 * the kernel's own jars (its protocol, Maven resolver, HTTP client) followed by the cells' (the
 * course, its libraries, the compiled cells, what {@code %maven} added), with many jars in both.
 * A benchmark only sees what a cell sees, so its fork gets the cells' part alone, each jar once:
 * fewer jars to open and index at every fork's start.
 */
final class ForkClassPath {

    /** The environment variable that gives forks the whole class path ({@code whole}), to measure what the cut buys. */
    static final String ENV = "ESCAPELAB_FORK_CLASSPATH";

    private ForkClassPath() {
    }

    /** A JMH run. */
    interface Run<T> {
        T call() throws RunnerException;
    }

    /**
     * Runs {@code run} with {@code java.class.path} cut to what forks need, then puts it back.
     * Only where a kernel runs the cells: elsewhere (Maven's tests) the class path is left alone.
     */
    static <T> T during(Run<T> run) throws RunnerException {
        String whole = System.getProperty("java.class.path", "");
        String forks = forForks();
        if (forks.equals(whole)) {
            return run.call();
        }
        System.setProperty("java.class.path", forks);
        try {
            return run.call();
        } finally {
            System.setProperty("java.class.path", whole);
        }
    }

    /** The class path forks get: the cells' part where a kernel runs the cells, else this JVM's whole. */
    static String forForks() {
        String whole = System.getProperty("java.class.path", "");
        return isCut() ? of(whole, kernelFolder().orElseThrow()) : whole;
    }

    /** Whether forks get the cells' part: in a kernel run from its jar, unless asked for the whole. */
    static boolean isCut() {
        return kernelFolder().isPresent() && !"whole".equalsIgnoreCase(System.getenv(ENV));
    }

    /**
     * The entries of {@code classPath} outside {@code kernelFolder}, each jar file name once
     * (the first kept), in their order.
     */
    static String of(String classPath, Path kernelFolder) {
        Path kernel = kernelFolder.toAbsolutePath().normalize();
        Set<String> jarNames = new LinkedHashSet<>();
        List<String> kept = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (path.startsWith(kernel)) {
                continue;
            }
            boolean jar = entry.endsWith(".jar");
            if (!jar || jarNames.add(path.getFileName().toString())) {
                kept.add(entry);
            }
        }
        return String.join(File.pathSeparator, kept);
    }

    /** The folder of the kernel's jar (its libraries below it), if a kernel from a jar runs the cells. */
    private static Optional<Path> kernelFolder() {
        if (!Notebook.inKernel()) {
            return Optional.empty();
        }
        try {
            var source = Notebook.host().getClass().getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) && jar.toString().endsWith(".jar")
                    ? Optional.of(jar.getParent()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

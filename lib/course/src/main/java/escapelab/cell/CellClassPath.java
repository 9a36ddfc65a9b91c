package escapelab.cell;

import escapelab.notebook.Notebook;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The class path a benchmark cell sees: what javac compiles it against and what its forked JVMs
 * run it on. In a kernel, {@code java.class.path} is the kernel's own jars (its protocol, Maven
 * resolver, HTTP client) followed by the cells' (the course, its libraries, the compiled cells,
 * what {@code %maven} added), with many jars in both. A cell gets the cells' part alone, each
 * jar once: fewer jars for javac and every fork to open and index, and a class a fork could not
 * load is a compile error in the cell, not a failure in the fork.
 */
public final class CellClassPath {

    /** The environment variable that gives cells the whole class path ({@code whole}), to measure what the cut buys. */
    public static final String ENV = "ESCAPELAB_FORK_CLASSPATH";

    private CellClassPath() {
    }

    /** The cells' class path where a kernel runs the cells, else this JVM's whole. */
    public static String current() {
        String whole = System.getProperty("java.class.path", "");
        return isCut() ? of(whole, kernelFolder().orElseThrow()) : whole;
    }

    /** Whether cells get the cells' part: in a kernel run from its jar, unless asked for the whole. */
    public static boolean isCut() {
        return kernelFolder().isPresent() && !"whole".equalsIgnoreCase(System.getenv(ENV));
    }

    /**
     * The entries of {@code classPath} outside {@code kernelFolder}, each jar file name once
     * (the first kept), in their order.
     */
    public static String of(String classPath, Path kernelFolder) {
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
        return Notebook.inKernel() ? Folders.jarFolderOf(Notebook.host().getClass()) : Optional.empty();
    }
}

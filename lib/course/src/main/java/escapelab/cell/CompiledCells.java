package escapelab.cell;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * javac's output for the {@code %%jmh} cells of the course's notebooks, compiled ahead by
 * {@code ./course setup} ({@link PrecompileCells}, every notebook in one JVM whose javac is warm
 * after the first cell). A fresh kernel's javac is cold: its first cell took about 3 s to
 * compile where a warm javac takes 0.4 s, and Run All meets that in every notebook. An entry is
 * keyed by all that javac's output depends on: the JDK, the class path's jars (path, size and
 * time), the classes earlier cells left in the cells' folder, and the source; an edited cell or
 * a changed jar finds none and compiles. Kernels only read the store. {@value #ENV}{@code =off}
 * compiles every cell, to measure what the store buys.
 */
final class CompiledCells {

    /** The environment variable that turns the store off ({@code off}). */
    static final String ENV = "ESCAPELAB_PRECOMPILED";

    /** A system property naming another store (tests use it). */
    static final String STORE_PROPERTY = "escapelab.precompiled";

    /** The store's folder beside the course's jar, where setup writes it. */
    static final String FOLDER = "precompiled-cells";

    /** Set by {@link PrecompileCells}: what javac compiles is kept in the store. */
    private static volatile Path recordingInto;

    private CompiledCells() {
    }

    /**
     * The key of a compile of {@code source} against {@code classPath}, whose one folder is
     * {@code cellsFolder}; empty where the class path holds another folder, whose classes the key
     * cannot follow.
     */
    static Optional<String> key(String source, String classPath, Path cellsFolder) throws IOException {
        MessageDigest digest = sha256();
        update(digest, "java " + Runtime.version());
        List<String> jars = new ArrayList<>();
        Path cells = cellsFolder.toAbsolutePath().normalize();
        boolean cellsSeen = false;
        for (String entry : classPath.split(File.pathSeparator)) {
            if (entry.isBlank()) {
                continue;
            }
            Path path = Path.of(entry).toAbsolutePath().normalize();
            if (path.equals(cells)) {
                cellsSeen = true;
            } else if (Files.isRegularFile(path)) {
                jars.add(path + " " + Files.size(path) + " " + Files.getLastModifiedTime(path).toMillis());
            } else if (Files.exists(path)) {
                return Optional.empty();
            }
        }
        // The order of the jars is left out: the kernel and setup list the same jars in their own orders.
        jars.stream().sorted().forEach(jar -> update(digest, jar));
        if (cellsSeen) {
            for (Path file : classFiles(cells)) {
                update(digest, cells.relativize(file).toString());
                digest.update(Files.readAllBytes(file));
            }
        }
        update(digest, source);
        return Optional.of(HexFormat.of().formatHex(digest.digest()));
    }

    /** Copies the stored output of the compile keyed so into {@code staging}; false where none is stored. */
    static boolean restore(String key, Path staging) throws IOException {
        Optional<Path> store = store();
        if (store.isEmpty() || recordingInto != null) {
            return false;
        }
        Path entry = store.get().resolve(key);
        if (!Files.isDirectory(entry)) {
            return false;
        }
        Folders.copyTree(entry, staging, file -> true);
        return true;
    }

    /** Keeps the output javac wrote to {@code staging} under {@code key}, when setup records. */
    static void keep(String key, Path staging) throws IOException {
        Path store = recordingInto;
        if (store == null) {
            return;
        }
        Path entry = store.resolve(key);
        if (Files.isDirectory(entry)) {
            return;
        }
        Path partial = store.resolve(key + ".partial-" + ProcessHandle.current().pid());
        Folders.copyTree(staging, partial, file -> true);
        Files.move(partial, entry, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Records every compile into {@code store} from now on, or stops where null (for {@link PrecompileCells}). */
    static void recordInto(Path store) throws IOException {
        recordingInto = store == null ? null : Files.createDirectories(store);
    }

    /** The store setup wrote beside the course's jar (or {@value #STORE_PROPERTY}'s), unless turned off or not written. */
    static Optional<Path> store() {
        if ("off".equalsIgnoreCase(System.getenv(ENV))) {
            return Optional.empty();
        }
        String named = System.getProperty(STORE_PROPERTY);
        return (named != null ? Optional.of(Path.of(named)) : besideCourseJar()).filter(Files::isDirectory);
    }

    /** {@value #FOLDER} beside the course's jar, where the course runs from its jar. */
    static Optional<Path> besideCourseJar() {
        return Folders.jarFolderOf(CompiledCells.class).map(folder -> folder.resolve(FOLDER));
    }

    private static List<Path> classFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(f -> f.toString().endsWith(".class")).sorted().toList();
        }
    }

    private static void update(MessageDigest digest, String text) {
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}

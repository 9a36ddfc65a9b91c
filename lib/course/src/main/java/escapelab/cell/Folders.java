package escapelab.cell;

import escapelab.measure.OwnedFolders;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * The folders the course writes (compiled cells, compile logs, what setup keeps beside the
 * jars): deleting, copying, and finding the folder of a jar.
 */
public final class Folders {

    private Folders() {
    }

    /** Deletes a folder and everything in it. */
    public static void deleteTree(Path root) throws IOException {
        OwnedFolders.deleteTree(root);
    }

    /** Deletes a folder if it can: a temporary folder left behind is harmless. */
    public static void deleteQuietly(Path root) {
        try {
            deleteTree(root);
        } catch (IOException | UncheckedIOException e) {
            // left for the system's temporary-file cleaning
        }
    }

    /**
     * Copies the files of {@code from} that {@code copied} accepts into {@code to}, at the same
     * relative paths, over what is there; every folder is created.
     */
    public static void copyTree(Path from, Path to, Predicate<Path> copied) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else if (copied.test(source)) {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /**
     * The folder of the jar file {@code type} was loaded from; empty where it came from a folder
     * of classes (a build's) or from nowhere this JVM names.
     */
    public static Optional<Path> jarFolderOf(Class<?> type) {
        try {
            var source = type.getProtectionDomain().getCodeSource();
            if (source == null) {
                return Optional.empty();
            }
            Path jar = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(jar) && jar.toString().endsWith(".jar")
                    ? Optional.of(jar.toAbsolutePath().getParent()) : Optional.empty();
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}

package escapelab.measure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Temporary folders named after the process that owns them ({@code prefix}, its pid, its start
 * time), so that the folders of a process that ended without its shutdown hooks (a killed
 * kernel) are deleted by the next process that creates one of the same kind. A pid reused by
 * another process is told apart by the start time.
 */
public final class OwnedFolders {

    private OwnedFolders() {
    }

    /** {@code prefix}, the process's pid and its start time: {@code escapelab-cells-4242-1764820000000}. */
    public static String name(String prefix, ProcessHandle owner) {
        return prefix + owner.pid() + "-" + ProcessStart.millis(owner);
    }

    /**
     * A new folder in {@code root} owned by this process (its name {@link #name} and a unique
     * ending), after deleting the folders of that prefix whose owner has ended.
     */
    public static Path create(Path root, String prefix) throws IOException {
        Files.createDirectories(root);
        try {
            deleteEnded(root, prefix);
        } catch (IOException | UncheckedIOException | DirectoryIteratorException e) {
            // Tidying is a courtesy: the new folder is made all the same.
        }
        return Files.createTempDirectory(root, name(prefix, ProcessHandle.current()) + "-");
    }

    /** {@link #create} in {@code java.io.tmpdir}. */
    public static Path createTemporary(String prefix) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), prefix);
    }

    /** Deletes the folders in {@code root} named with {@code prefix} whose owner has ended; others' names are left alone. */
    public static void deleteEnded(Path root, String prefix) throws IOException {
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(root, prefix + "*")) {
            for (Path folder : folders) {
                if (ownerHasEnded(prefix, folder.getFileName().toString())) {
                    try {
                        deleteTree(folder);
                    } catch (IOException | UncheckedIOException e) {
                        // another process may be deleting it too, or it is not ours to delete
                    }
                }
            }
        }
    }

    /** Whether a folder of that prefix names an owner that no longer runs (false for any other name). */
    static boolean ownerHasEnded(String prefix, String folderName) {
        Matcher m = Pattern.compile(Pattern.quote(prefix) + "(\\d+)-(\\d+)(-.*)?").matcher(folderName);
        if (!m.matches()) {
            return false;
        }
        try {
            return !ProcessStart.stillRuns(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Deletes a folder and everything in it; a folder already gone is fine. */
    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}

package escapelab.measure;

import escapelab.notebook.Mistake;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A temporary folder for the large input files a lesson makes (a 50 MiB file to read), owned by
 * this JVM: deleted when the JVM ends, and, where a JVM ended without its shutdown hooks (a
 * killed kernel), deleted by the next JVM that creates one. A file is written under a
 * {@code .partial} name and renamed when complete, and a write that fails or is interrupted
 * deletes what it wrote, so no half-written file is left behind.
 *
 * <pre>{@code
 * Path big = ScratchFolder.shared().file("fifty.bin", 50L << 20);
 * }</pre>
 */
public final class ScratchFolder {

    /** The start of every scratch folder's name; the rest names its owner process. */
    static final String PREFIX = "escapelab-scratch-";

    private static final int CHUNK = 1 << 20;

    private static ScratchFolder shared;

    private final Path dir;

    private ScratchFolder(Path dir) {
        this.dir = dir;
    }

    /**
     * This JVM's scratch folder in {@code java.io.tmpdir}, created on first use (deleting the
     * folders of processes that have ended) and deleted when the JVM ends.
     *
     * @throws UncheckedIOException if the folder cannot be created
     */
    public static synchronized ScratchFolder shared() {
        if (shared == null) {
            try {
                shared = createIn(Path.of(System.getProperty("java.io.tmpdir")), ProcessHandle.current());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a scratch folder in java.io.tmpdir", e);
            }
            ScratchFolder created = shared;
            Runtime.getRuntime().addShutdownHook(new Thread(created::deleteQuietly, "scratch-folder-cleanup"));
        }
        return shared;
    }

    /**
     * Creates the scratch folder of {@code owner} in {@code root}, after deleting the scratch
     * folders there whose owner has ended. No shutdown hook: the caller deletes it.
     */
    static ScratchFolder createIn(Path root, ProcessHandle owner) throws IOException {
        Files.createDirectories(root);
        OwnedFolders.deleteEnded(root, PREFIX);
        Path dir = root.resolve(folderName(owner));
        Files.createDirectories(dir);
        return new ScratchFolder(dir);
    }

    /** The folder's name for a process: its pid and start time, so a reused pid is told apart. */
    static String folderName(ProcessHandle process) {
        return OwnedFolders.name(PREFIX, process);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /**
     * A file of exactly {@code bytes} bytes in this folder, written now, or the one already
     * there if it has that size. Its content is a fixed non-zero pattern (not a sparse file).
     *
     * @param name a plain file name, such as {@code fifty.bin}
     * @throws Mistake if the name is not a plain file name or the size is negative
     * @throws IOException if writing fails; nothing is left behind then
     */
    public Path file(String name, long bytes) throws IOException {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]*") || name.endsWith(".partial")) {
            throw new Mistake("name the scratch file with letters, digits, '.', '_' or '-', e.g. \"fifty.bin\"; got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
        if (bytes < 0) {
            throw new Mistake("a file cannot have " + bytes + " bytes; give a size such as 50L << 20 (50 MiB)");
        }
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        if (Files.isRegularFile(target) && Files.size(target) == bytes) {
            return target;
        }
        Path partial = dir.resolve(name + ".partial");
        try {
            write(partial, bytes);
            return Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (Throwable failedOrInterrupted) {
            // Also on an interrupt or a stopped thread: a half-written 50 MiB must not stay.
            Files.deleteIfExists(partial);
            throw failedOrInterrupted;
        }
    }

    private static void write(Path file, long bytes) throws IOException {
        byte[] chunk = new byte[(int) Math.min(CHUNK, Math.max(bytes, 1))];
        for (int i = 0; i < chunk.length; i++) {
            chunk[i] = (byte) (i * 31 + 7);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            for (long left = bytes; left > 0; left -= chunk.length) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new IOException("interrupted while writing " + file.getFileName());
                }
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        }
    }

    /** Deletes the folder and everything in it; a folder already gone is fine. */
    public void delete() throws IOException {
        OwnedFolders.deleteTree(dir);
    }

    private void deleteQuietly() {
        try {
            delete();
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not delete the scratch folder " + dir + ": " + e.getMessage());
        }
    }


    @Override
    public String toString() {
        return "scratch folder " + dir;
    }
}

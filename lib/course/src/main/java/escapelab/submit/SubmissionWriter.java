package escapelab.submit;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Writes a submission folder, replacing an earlier export of the same name as a whole: a reader
 * sees the old files or the new ones, never a mix, and a failed export leaves the old one as it
 * was.
 */
public final class SubmissionWriter {

    /** The step between writing the staging folder and swapping it in; tests inject failures here. */
    @FunctionalInterface
    interface BeforeSwap {
        void run(Path staging) throws IOException;
    }

    private SubmissionWriter() {
    }

    /**
     * Writes {@code files} into {@code submissionsDir/name/}, replacing any earlier export there.
     *
     * <p>The files are first written to a hidden sibling folder ({@code .name.staging-…}), then
     * swapped in by renames. If anything fails before the swap, the staging folder is removed
     * and the earlier export is untouched.
     *
     * @param submissionsDir the folder holding submissions; created if missing
     * @param name the submission's folder name: not empty, no path separators, not {@code .}
     *     or {@code ..}
     * @param files relative path (subfolders with {@code /}) to content; at least one
     * @return the submission folder, absolute
     * @throws IllegalArgumentException if the name or a file path is not acceptable (absolute,
     *     with {@code ..}, empty, naming a file and a folder at once), or there are no files
     * @throws IOException if writing fails; the earlier export is then kept
     */
    public static Path write(Path submissionsDir, String name, Map<String, byte[]> files) throws IOException {
        return write(submissionsDir, name, files, staging -> { });
    }

    static Path write(Path submissionsDir, String name, Map<String, byte[]> files, BeforeSwap beforeSwap)
            throws IOException {
        if (submissionsDir == null) {
            throw new IllegalArgumentException("pass the folder that holds submissions, e.g. Path.of(\"submissions\")");
        }
        checkName(name);
        Map<String, byte[]> checked = checkFiles(files);

        Path dir = submissionsDir.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        // The staging folder is a sibling of the target, so the swap is a rename within one
        // file system; it is hidden so that listings of submissions do not show it. Not
        // Files.createTempDirectory: that makes it owner-only, and graders must read submissions.
        Path staging = Files.createDirectory(dir.resolve("." + name + ".staging-" + UUID.randomUUID()));
        try {
            for (Map.Entry<String, byte[]> file : checked.entrySet()) {
                Path path = staging.resolve(file.getKey()).normalize();
                if (!path.startsWith(staging)) {
                    // checkFiles already rejects this; kept as a guard against surprises.
                    throw new IllegalArgumentException("file " + file.getKey() + " would land outside the submission");
                }
                Files.createDirectories(path.getParent());
                Files.write(path, file.getValue());
            }
            beforeSwap.run(staging);
        } catch (IOException | RuntimeException | Error e) {
            deleteQuietly(staging, e);
            throw e;
        }
        swap(staging, target, name, dir);
        return target;
    }

    /**
     * Replaces {@code target} by {@code staging}: rename the old folder aside, rename the new one
     * in, delete the old one.
     *
     * <p>The window: between the two renames {@code target} does not exist, so a reader looking
     * exactly then finds no submission (never a half-written one). If the JVM dies in that window,
     * the earlier export survives as the hidden {@code .name.old-…} folder and the new one as
     * {@code .name.staging-…}; both can be renamed back by hand. If the second rename fails, the
     * old folder is renamed back before the failure is reported.
     */
    private static void swap(Path staging, Path target, String name, Path dir) throws IOException {
        Path old = null;
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                old = dir.resolve("." + name + ".old-" + UUID.randomUUID());
                move(target, old);
            }
        } catch (IOException | RuntimeException e) {
            deleteQuietly(staging, e);
            throw e;
        }
        try {
            move(staging, target);
        } catch (IOException | RuntimeException e) {
            if (old != null) {
                try {
                    move(old, target);
                } catch (IOException | RuntimeException restore) {
                    e.addSuppressed(restore);
                    IOException lost = new IOException("could not swap in the new submission, nor put the earlier one "
                            + "back: it is at " + old + "; rename it to " + target, e);
                    deleteQuietly(staging, lost);
                    throw lost;
                }
            }
            deleteQuietly(staging, e);
            throw e;
        }
        if (old != null) {
            // The new export is in place; a leftover hidden folder is untidy, not a failure.
            deleteQuietly(old, null);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            // Same parent folder, so this only happens on exotic file systems.
            throw new IOException("this file system cannot rename " + from + " to " + to + " atomically", e);
        }
    }

    private static void checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("give the submission a name, e.g. your user name: write(dir, \"ada\", files)");
        }
        if (name.contains("/") || name.contains("\\") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException("the submission name \"" + name + "\" must be a plain folder name: "
                    + "no / or \\, not . or ..");
        }
        if (!name.equals(name.strip())) {
            throw new IllegalArgumentException("the submission name \"" + name + "\" starts or ends with spaces; remove them");
        }
        try {
            Path.of(name);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("the submission name \"" + name + "\" is not a valid folder name: "
                    + e.getReason(), e);
        }
    }

    /** Checks every path and normalises separators; sorted, so that folders are written in a stable order. */
    private static Map<String, byte[]> checkFiles(Map<String, byte[]> files) {
        if (files == null || files.isEmpty()) {
            throw new IllegalArgumentException("nothing to submit: pass at least one file, e.g. Map.of(\"answers.md\", bytes)");
        }
        Map<String, byte[]> checked = new TreeMap<>();
        Map<String, String> given = new HashMap<>();
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String key = file.getKey();
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("a file has an empty name; give every file a relative path such as notes/README.md");
            }
            String relative = key.replace('\\', '/');
            // Checked by hand as well as by Path.isAbsolute below: "C:/x" is relative on Linux but
            // absolute where a learner's notebook may have built it.
            if (relative.startsWith("/") || relative.matches("^[A-Za-z]:.*")) {
                throw new IllegalArgumentException("file " + key + " is absolute; use a path relative to the submission, "
                        + "such as " + relative.replaceFirst("^([A-Za-z]:)?/+", ""));
            }
            for (String segment : relative.split("/", -1)) {
                if (segment.equals("..")) {
                    throw new IllegalArgumentException("file " + key + " contains ..; files must stay inside the submission");
                }
                if (segment.isEmpty() || segment.equals(".")) {
                    throw new IllegalArgumentException("file " + key + " has an empty or . segment; write it as a plain "
                            + "relative path such as notes/README.md");
                }
            }
            try {
                if (Path.of(relative).isAbsolute()) {
                    throw new IllegalArgumentException("file " + key + " is absolute; use a path relative to the submission");
                }
            } catch (InvalidPathException e) {
                throw new IllegalArgumentException("file " + key + " is not a valid path: " + e.getReason(), e);
            }
            byte[] content = Objects.requireNonNull(file.getValue(), () -> "file " + key + " has no content (null)");
            String earlier = given.put(relative, key);
            if (earlier != null) {
                throw new IllegalArgumentException("files " + earlier + " and " + key + " name the same file");
            }
            checked.put(relative, content);
        }
        // A path that is a file and also the folder of another file cannot be written.
        for (String path : checked.keySet()) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                String folder = path.substring(0, slash);
                if (checked.containsKey(folder)) {
                    throw new IllegalArgumentException(folder + " is both a file and the folder of " + path
                            + "; rename one of them");
                }
            }
        }
        return checked;
    }

    /** Deletes a folder tree without following links; a failure is attached to {@code reason}, if any. */
    private static void deleteQuietly(Path root, Throwable reason) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path folder, IOException e) throws IOException {
                    if (e != null) {
                        throw e;
                    }
                    Files.delete(folder);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            if (reason != null) {
                reason.addSuppressed(e);
            }
        }
    }
}

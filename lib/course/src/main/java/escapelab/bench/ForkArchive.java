package escapelab.bench;

import escapelab.cell.CellClassPath;
import escapelab.cell.Folders;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A class-data archive for the forks: the JDK's classes and JMH's, which every fork loads
 * before its first warm-up iteration, mapped from one file instead of read jar by jar. The
 * first run of a class path on a JDK writes the list of classes its fork loaded; right after
 * it, that JDK dumps the archive ({@code -Xshare:dump}), which every later fork maps. An
 * archive only holds classes from jars at the start of the class path (the cells' folder
 * follows them, and the JDK checks that the jars are the ones it read), so it is named after
 * the JDK, the jars and their sizes and times: a rebuilt jar makes a new one.
 * {@value #ENV}{@code =off} runs forks without it, to measure what it buys.
 */
final class ForkArchive {

    /** The environment variable that turns the archive off ({@code off}). */
    static final String ENV = "ESCAPELAB_FORK_ARCHIVE";

    /** What a fork of one variant needs: flags now, and an archive to dump after the run. */
    record Plan(List<String> flags, Runnable afterRun) {
        static final Plan NONE = new Plan(List.of(), () -> { });
    }

    private ForkArchive() {
    }

    /**
     * The archive's flags for forks of {@code java} (null: the running JDK) on the forks'
     * class path, or the flags that list their classes where no archive exists yet; none where
     * the run's own flags choose class sharing or the class path starts with no jar.
     */
    static Plan plan(Path javaHome, List<String> runFlags) {
        // Only for a kernel's forks: elsewhere (Maven's tests) the class path starts with a launcher's jar.
        if (!CellClassPath.isCut() || "off".equalsIgnoreCase(System.getenv(ENV))
                || runFlags.stream().anyMatch(f -> f.contains("Share") || f.contains("ClassesAtExit")
                        || f.contains("ClassList"))) {
            return Plan.NONE;
        }
        List<String> jars = leadingJars(CellClassPath.current());
        Path home = javaHome != null ? javaHome : Path.of(System.getProperty("java.home"));
        Path folder = folder();
        if (jars.isEmpty() || folder == null) {
            return Plan.NONE;
        }
        Path archive = folder.resolve("forks-" + key(home, jars) + ".jsa");
        if (Files.isReadable(archive)) {
            return new Plan(List.of("-XX:SharedArchiveFile=" + archive, "-Xlog:cds=off", "-Xlog:cds+dynamic=off"),
                    () -> { });
        }
        if (!Files.isWritable(folder)) {
            return Plan.NONE;
        }
        Path classList = folder.resolve("forks-" + ProcessHandle.current().pid() + ".classlist");
        return new Plan(List.of("-XX:DumpLoadedClassList=" + classList), () -> dump(home, jars, classList, archive));
    }

    /** The jars at the start of a class path, up to its first folder. */
    static List<String> leadingJars(String classPath) {
        List<String> jars = new ArrayList<>();
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.endsWith(".jar") || !Files.isRegularFile(Path.of(entry))) {
                break;
            }
            jars.add(entry);
        }
        return jars;
    }

    private static String key(Path home, List<String> jars) {
        StringBuilder identity = new StringBuilder(home.toAbsolutePath().toString());
        try {
            identity.append(Files.readString(home.resolve("release")));
        } catch (IOException e) {
            identity.append(Files.exists(home) ? "" : "missing");
        }
        for (String jar : jars) {
            File file = new File(jar);
            identity.append('|').append(jar).append(':').append(file.length()).append(':').append(file.lastModified());
        }
        return Integer.toHexString(identity.toString().hashCode()) + "-" + jars.size();
    }

    /** Where archives go: ESCAPELAB_FORK_ARCHIVES, else beside the course's jar, else the user's cache. */
    private static Path folder() {
        String chosen = System.getenv("ESCAPELAB_FORK_ARCHIVES");
        if (chosen != null && !chosen.isBlank()) {
            return ensure(Path.of(chosen));
        }
        Optional<Path> beside = Folders.jarFolderOf(ForkArchive.class).map(folder -> folder.resolve("fork-archives"))
                .filter(folder -> Files.isDirectory(folder) || Files.isWritable(folder.getParent()));
        if (beside.isPresent()) {
            return ensure(beside.get());
        }
        return ensure(Path.of(System.getProperty("user.home"), ".cache", "escapelab", "fork-archives"));
    }

    private static Path ensure(Path folder) {
        try {
            return Files.createDirectories(folder);
        } catch (IOException e) {
            return null;
        }
    }

    /** Dumps the archive from the class list the first fork wrote; an archive that fails is simply not there. */
    private static void dump(Path home, List<String> jars, Path classList, Path archive) {
        if (!Files.isRegularFile(classList)) {
            return;
        }
        Path partial = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        try {
            Process java = new ProcessBuilder(home.resolve("bin/java").toString(), "-Xshare:dump",
                    "-XX:SharedClassListFile=" + classList, "-XX:SharedArchiveFile=" + partial,
                    "-Xlog:cds=off", "-Xlog:cds+dynamic=off", "-cp", String.join(File.pathSeparator, jars))
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (java.waitFor(2, TimeUnit.MINUTES) && java.exitValue() == 0 && Files.size(partial) > 0) {
                Files.move(partial, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                java.destroyForcibly();
            }
        } catch (IOException e) {
            // no archive: forks start as before
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                Files.deleteIfExists(partial);
                Files.deleteIfExists(classList);
            } catch (IOException e) {
                // left for the next dump to replace
            }
        }
    }
}

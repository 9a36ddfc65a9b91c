package escapelab.kernel.shell;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Class path entries as users write them: separated lists, folder wildcards and globs. */
public final class ClassPath {

    private ClassPath() {
    }

    /**
     * Expands a class path such as {@code IJAVA_CLASSPATH}: entries separated by
     * {@link File#pathSeparator}, each a folder or jar, or {@code folder/*} for every jar in the
     * folder (as {@code java -cp} reads it). Relative entries resolve against {@code base}.
     */
    public static List<Path> expand(String classPath, Path base) {
        List<Path> entries = new ArrayList<>();
        if (classPath == null) {
            return entries;
        }
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                entries.addAll(expandEntry(entry.strip(), base));
            }
        }
        return entries;
    }

    /** Expands one entry; {@code folder/*} becomes the folder's jars in name order. */
    static List<Path> expandEntry(String entry, Path base) {
        if (isFolderWildcard(entry)) {
            Path folder = base.resolve(entry.substring(0, entry.length() - 1)).toAbsolutePath().normalize();
            return jarsIn(folder);
        }
        return List.of(base.resolve(entry).toAbsolutePath().normalize());
    }

    /** Whether {@code entry} is {@code folder/*}, which stands for the folder's jars. */
    public static boolean isFolderWildcard(String entry) {
        return entry.equals("*") || entry.endsWith("/*") || entry.endsWith(File.separator + "*");
    }

    /** The jar files directly in {@code folder}, in name order; none if it is not a folder. */
    public static List<Path> jarsIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().toLowerCase().endsWith(".jar"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether {@code pattern} uses glob syntax rather than naming one path. */
    public static boolean isGlob(String pattern) {
        return pattern.chars().anyMatch(c -> c == '*' || c == '?' || c == '[' || c == '{');
    }

    /**
     * The files matching a glob such as {@code libs/*.jar} or {@code /opt/x/**.jar}, in name order.
     * The part before the first wildcard segment is the folder searched; relative globs resolve
     * against {@code base}.
     */
    public static List<Path> glob(String pattern, Path base) {
        String normalized = pattern.replace(File.separatorChar, '/');
        String[] segments = normalized.split("/", -1);
        int firstWild = 0;
        while (firstWild < segments.length && !isGlob(segments[firstWild])) {
            firstWild++;
        }
        String literal = String.join("/", Arrays.copyOfRange(segments, 0, firstWild));
        String rest = String.join("/", Arrays.copyOfRange(segments, firstWild, segments.length));
        Path root = literal.isEmpty() && normalized.startsWith("/") ? Path.of("/") : base.resolve(literal);
        root = root.toAbsolutePath().normalize();
        if (rest.isEmpty()) {
            return Files.isRegularFile(root) ? List.of(root) : List.of();
        }
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + rest);
        int depth = rest.contains("**") ? Integer.MAX_VALUE : segments.length - firstWild;
        Path searchRoot = root;
        try (Stream<Path> files = Files.walk(root, depth)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> matcher.matches(searchRoot.relativize(p)))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Appends {@code entry} to the {@code java.class.path} system property unless it is there,
     * because JVMs forked from this one (JMH's) build their class path from it.
     *
     * @return whether the property changed
     */
    static synchronized boolean appendToSystemProperty(Path entry) {
        String added = entry.toAbsolutePath().normalize().toString();
        String current = System.getProperty("java.class.path", "");
        if (!current.isEmpty() && Arrays.asList(current.split(File.pathSeparator)).contains(added)) {
            return false;
        }
        System.setProperty("java.class.path", current.isEmpty() ? added : current + File.pathSeparator + added);
        return true;
    }
}

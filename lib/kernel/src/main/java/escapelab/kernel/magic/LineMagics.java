package escapelab.kernel.magic;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellFailure;
import escapelab.kernel.shell.ClassPath;
import java.io.File;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The kernel's own line magics: {@code %jars <paths or globs>}, {@code %classpath <paths>} and
 * {@code %maven <coordinates>} extend the class path of the session (and of JVMs forked from
 * it); {@code %load <file>} reads a file of Java code for the cell to run.
 */
public final class LineMagics {

    static final List<String> NAMES = List.of("jars", "classpath", "maven", "load");

    /** Resolves Maven coordinates to jars. */
    @FunctionalInterface
    interface ArtifactResolver {
        List<Path> resolve(List<String> coordinates) throws CellFailure;
    }

    /**
     * A file {@code %load} read, for the cell to run in the magic's place.
     *
     * @param path absolute
     */
    public record LoadedFile(Path path, String code) {
    }

    private final Consumer<Path> addToClasspath;
    private final Path workingDirectory;
    private final ArtifactResolver maven;
    private MavenResolver userMaven;

    /**
     * Magics whose {@code %maven} resolves with the current user's Maven settings.
     *
     * @param addToClasspath what adds one entry to the session's class path
     * @param workingDirectory what relative paths resolve against
     */
    public LineMagics(Consumer<Path> addToClasspath, Path workingDirectory) {
        this(addToClasspath, workingDirectory, null);
    }

    /** @param maven what {@code %maven} resolves with; {@code null} for the current user's Maven */
    LineMagics(Consumer<Path> addToClasspath, Path workingDirectory, ArtifactResolver maven) {
        this.addToClasspath = addToClasspath;
        this.workingDirectory = workingDirectory;
        this.maven = maven != null ? maven : this::resolveForCurrentUser;
    }

    /**
     * Runs a line magic. All its paths are checked before any is added.
     *
     * @return the file to run for {@code %load}; empty for the others
     * @throws CellFailure for an unknown magic, missing arguments or paths that do not exist
     */
    public Optional<LoadedFile> run(String name, String args) throws CellFailure {
        List<Path> entries;
        switch (name) {
            case "jars" -> entries = jars(args);
            case "classpath" -> entries = classpath(args);
            case "maven" -> entries = maven.resolve(split(args));
            case "load" -> {
                return Optional.of(load(args));
            }
            default -> throw new CellFailure(CellErrors.magicUsage("Unknown line magic %" + name + ".", known()));
        }
        entries.forEach(addToClasspath);
        return Optional.empty();
    }

    /** The file {@code %load} names, read as UTF-8. */
    LoadedFile load(String args) throws CellFailure {
        List<String> words = arguments("load", args, "a file of Java code, e.g. %load Helpers.java");
        if (words.size() > 1) {
            throw usage("%load takes one file, not " + words.size() + ": " + String.join(" ", words)
                    + " (quote a path that has spaces).");
        }
        Path file = resolve(words.get(0));
        if (Files.isDirectory(file)) {
            throw usage("%load: " + file + " is a folder, not a file of Java code.");
        }
        if (!Files.isRegularFile(file)) {
            throw usage("%load: no such file: " + file);
        }
        try {
            return new LoadedFile(file, Files.readString(file));
        } catch (CharacterCodingException e) {
            throw usage("%load: " + file + " is not UTF-8 text.");
        } catch (IOException e) {
            throw usage("%load: cannot read " + file + ": " + e.getMessage());
        }
    }

    private List<Path> resolveForCurrentUser(List<String> coordinates) throws CellFailure {
        if (userMaven == null) {
            userMaven = MavenResolver.forCurrentUser();
        }
        return userMaven.resolve(coordinates);
    }

    /**
     * The jars {@code %jars} adds: each argument is a jar, a folder (its jars) or a glob
     * such as {@code lib/*.jar}.
     */
    List<Path> jars(String args) throws CellFailure {
        List<Path> jars = new ArrayList<>();
        for (String arg : arguments("jars", args, "a jar, a folder of jars or a glob, e.g. %jars lib/*.jar")) {
            if (ClassPath.isGlob(arg)) {
                List<Path> matches = ClassPath.glob(arg, workingDirectory);
                if (matches.isEmpty()) {
                    throw usage("%jars: no file matches " + arg + " (relative to " + workingDirectory + ")");
                }
                jars.addAll(matches);
            } else {
                Path path = resolve(arg);
                if (Files.isDirectory(path)) {
                    List<Path> inFolder = ClassPath.jarsIn(path);
                    if (inFolder.isEmpty()) {
                        throw usage("%jars: the folder " + path + " holds no .jar files");
                    }
                    jars.addAll(inFolder);
                } else if (Files.isRegularFile(path)) {
                    jars.add(path);
                } else {
                    throw usage("%jars: no such file: " + path);
                }
            }
        }
        return jars;
    }

    /**
     * The entries {@code %classpath} adds: folders or jars, separated by spaces or
     * {@value File#pathSeparator}; {@code folder/*} stands for the folder's jars.
     */
    List<Path> classpath(String args) throws CellFailure {
        List<Path> entries = new ArrayList<>();
        for (String arg : arguments("classpath", args, "folders or jars, e.g. %classpath target/classes")) {
            for (String entry : arg.split(File.pathSeparator)) {
                if (entry.isBlank()) {
                    continue;
                }
                if (ClassPath.isFolderWildcard(entry)) {
                    Path folder = resolve(entry.substring(0, entry.length() - 1));
                    if (!Files.isDirectory(folder)) {
                        throw usage("%classpath: no such folder: " + folder);
                    }
                    entries.addAll(ClassPath.jarsIn(folder));
                } else {
                    Path path = resolve(entry);
                    if (!Files.exists(path)) {
                        throw usage("%classpath: no such file or folder: " + path);
                    }
                    entries.add(path);
                }
            }
        }
        return entries;
    }

    /** What the error for an unknown magic lists. */
    static List<String> known() {
        List<String> cellMagics = new ArrayList<>(CellMagicRunner.KERNEL_MAGICS);
        cellMagics.addAll(escapelab.notebook.Notebook.cellMagicNames());
        return List.of(
                "Line magics: %" + String.join(", %", NAMES),
                "Cell magics: %%" + String.join(", %%", cellMagics));
    }

    /**
     * Splits magic arguments at whitespace; single or double quotes keep a path with spaces
     * together.
     */
    static List<String> split(String args) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        boolean inWord = false;
        for (char c : args.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private List<String> arguments(String magic, String args, String expected) throws CellFailure {
        List<String> words = split(args);
        if (words.isEmpty()) {
            throw usage("%" + magic + " needs at least one argument: " + expected + ".");
        }
        return words;
    }

    private Path resolve(String path) {
        String expanded = path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
        return workingDirectory.resolve(expanded).toAbsolutePath().normalize();
    }

    private static CellFailure usage(String message) {
        return new CellFailure(CellErrors.magicUsage(message, List.of()));
    }
}

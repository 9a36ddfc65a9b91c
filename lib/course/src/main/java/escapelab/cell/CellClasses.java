package escapelab.cell;

import escapelab.measure.OwnedFolders;
import escapelab.notebook.Mistake;
import escapelab.notebook.Notebook;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.CompilerHints;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The one folder that holds every compiled benchmark cell of this JVM, with a merged JMH
 * benchmark list.
 *
 * <p>JMH finds benchmarks through {@code META-INF/BenchmarkList}, looked up by the class loader
 * that loaded JMH, and forks get their class path from {@code java.class.path}. So the folder
 * is put on both once ({@link escapelab.notebook.Host#addToClasspath}); a directory entry is
 * read afresh at every lookup, which is what lets a re-run cell replace its benchmarks.
 */
public final class CellClasses {

    /** A system property naming a folder already on this JVM's class path (tests use it). */
    public static final String DIR_PROPERTY = "escapelab.classes";

    private static final String BENCHMARK_LIST = "META-INF/BenchmarkList";
    private static final String COMPILER_HINTS = "META-INF/CompilerHints";

    private static volatile Runnable afterInstall = () -> { };
    private static CellClasses shared;

    private final Path dir;
    private final Map<String, BenchClass> bySimpleName = new LinkedHashMap<>();
    /** The same cells, the latest compiled first: a class two cells declare is the later one's. */
    private final Deque<BenchClass> latestFirst = new ArrayDeque<>();

    private CellClasses(Path dir) {
        this.dir = dir;
    }

    /** Returns this JVM's folder, creating it and putting it on the class path on first use. */
    public static synchronized CellClasses shared() {
        if (shared == null) {
            try {
                String configured = System.getProperty(DIR_PROPERTY);
                Path dir;
                if (configured != null) {
                    dir = Files.createDirectories(Path.of(configured));
                } else {
                    dir = OwnedFolders.createTemporary("escapelab-cells-");
                    Path created = dir;
                    // A kernel compiles into a fresh folder each session; it goes with the JVM
                    // (a killed kernel's with the next kernel's start).
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> Folders.deleteQuietly(created), "delete-cell-classes"));
                }
                Notebook.host().addToClasspath(dir);
                shared = new CellClasses(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the folder for compiled cells", e);
            }
        }
        return shared;
    }

    /** The folder itself. */
    public Path dir() {
        return dir;
    }

    /** The latest compiled class of that simple name, if a cell defined one. */
    public synchronized Optional<BenchClass> find(String simpleName) {
        return Optional.ofNullable(bySimpleName.get(simpleName));
    }

    /**
     * The latest compiled benchmark class of that simple name.
     *
     * @throws Mistake saying what is wrong (the class has no {@code @Benchmark} method, or no
     *     {@code %%jmh} cell compiled it) and naming the benchmark classes compiled so far
     */
    public synchronized BenchClass benchmark(String simpleName) {
        BenchClass found = bySimpleName.get(simpleName);
        if (found != null) {
            return found;
        }
        String known = bySimpleName.isEmpty() ? "no %%jmh cell has compiled a benchmark class yet"
                : "the benchmark classes compiled so far are " + String.join(", ", bySimpleName.keySet());
        for (BenchClass c : bySimpleName.values()) {
            if (c.declares(simpleName)) {
                throw new Mistake(simpleName + " has no @Benchmark method (the %%jmh cell of " + c.simpleName()
                        + " declares it beside its benchmarks); " + known + ": name one of them, e.g. bench("
                        + c.simpleName() + ".class)");
            }
        }
        throw new Mistake(simpleName + " was not compiled by a %%jmh cell in this session; " + known
                + ". Run the %%jmh cell that defines " + simpleName + " first");
    }

    /**
     * The latest compiled benchmark class of each class a cell names, in order: what
     * {@code bench(FirstEscape.class)} runs.
     *
     * @throws Mistake if no class is given, one is null, or one is not a benchmark class
     *     compiled by a {@code %%jmh} cell
     */
    public List<BenchClass> benchmarks(Class<?>... classes) {
        if (classes == null || Arrays.asList(classes).contains(null)) {
            throw new Mistake("name the benchmark class, e.g. bench(FirstEscape.class)");
        }
        for (Class<?> type : classes) {
            String name = cellName(type);
            if (declaredInANormalCell(type) && !compiled(name)) {
                throw new Mistake(name + " was declared in a normal cell, and JMH runs only classes a %%jmh cell "
                        + "compiled: benchmark classes go in a %%jmh cell. Start a cell with %%jmh, put " + name
                        + " there (its imports, the class and its @Benchmark methods), run that cell, then bench("
                        + name + ".class)");
            }
        }
        return benchmarks(Arrays.stream(classes).map(this::cellName).toArray(String[]::new));
    }

    /** Whether a %%jmh cell compiled a class of that name, benchmark or not. */
    private synchronized boolean compiled(String name) {
        return bySimpleName.containsKey(name) || bySimpleName.values().stream().anyMatch(c -> c.declares(name));
    }

    /**
     * Whether the session compiled the class from a cell's code: JShell wraps what a cell declares
     * in its own top-level classes, {@value #SESSION_WRAPPERS}N. (A %%jmh cell's classes are
     * declared in the session as well; {@link #compiled} tells those apart.)
     */
    static boolean declaredInANormalCell(Class<?> type) {
        Class<?> top = type;
        while (top.getEnclosingClass() != null) {
            top = top.getEnclosingClass();
        }
        return top != type && top.getName().startsWith(SESSION_WRAPPERS);
    }

    /** The names of JShell's wrapper classes start so. */
    static final String SESSION_WRAPPERS = "REPL.$JShell$";

    /**
     * The name a class has among the compiled cells: its simple name, or {@code Outer.Inner} for
     * a benchmark class nested in a cell's class. The session sees a cell's classes nested in
     * wrappers of its own, so the longest chain of enclosing names that a cell compiled wins.
     */
    synchronized String cellName(Class<?> type) {
        List<String> chain = new ArrayList<>();
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            chain.add(0, c.getSimpleName());
        }
        for (int from = 0; from < chain.size() - 1; from++) {
            String candidate = String.join(".", chain.subList(from, chain.size()));
            if (bySimpleName.containsKey(candidate)) {
                return candidate;
            }
        }
        return type.getSimpleName();
    }

    /**
     * The latest compiled benchmark class of each simple name, in order.
     *
     * @throws Mistake if no name is given, or one is not a benchmark class compiled by a
     *     {@code %%jmh} cell
     */
    public List<BenchClass> benchmarks(String... simpleNames) {
        if (simpleNames == null || simpleNames.length == 0) {
            throw new Mistake("name the benchmark class, e.g. bench(FirstEscape.class)");
        }
        List<BenchClass> found = new ArrayList<>();
        for (String name : simpleNames) {
            found.add(benchmark(Objects.requireNonNullElse(name, "null")));
        }
        return found;
    }

    /**
     * The latest compiled benchmark class that a cell names by its class.
     *
     * @throws Mistake as {@link #benchmarks(Class[])}
     */
    public BenchClass benchmark(Class<?> type) {
        return benchmarks(type).get(0);
    }

    /**
     * The compiled cell that declares a class, top-level or nested, benchmark or not.
     *
     * @param example how a cell names such a class, for the message when none is given
     * @throws Mistake if the class is null or no {@code %%jmh} cell of this session declares it
     */
    public BenchClass declaring(Class<?> type, String example) {
        if (type == null) {
            throw new Mistake("name the class that declares the method, e.g. " + example);
        }
        // The session sees a cell's classes nested in its own wrapper class: the first name
        // outward from the class that a cell declares at its top level is the cell's.
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            String simple = c.getSimpleName();
            Optional<BenchClass> cell = latestFirst().stream().filter(b -> b.declares(simple)).findFirst();
            if (cell.isPresent()) {
                return cell.get();
            }
        }
        throw new Mistake(type.getSimpleName() + " was not declared by a %%jmh cell in this session: "
                + "run the %%jmh cell that declares it first");
    }

    /** Every benchmark class compiled so far, latest version of each. */
    public synchronized List<BenchClass> all() {
        return List.copyOf(bySimpleName.values());
    }

    /**
     * Copies a compilation's output in, replacing the entries of its classes in the merged
     * benchmark list, and forgets JMH's cached compiler hints so the next run reads them again.
     */
    synchronized void install(Path staging, List<BenchClass> compiled) throws IOException {
        Set<String> replaced = new LinkedHashSet<>(compiled.get(0).classNames());
        List<String> list = new ArrayList<>();
        for (String line : readLines(dir.resolve(BENCHMARK_LIST))) {
            String owner = new BenchmarkListEntry(line).getUserClassQName();
            // A cell's classes and the classes nested in them are replaced together.
            if (replaced.stream().noneMatch(c -> owner.equals(c) || owner.startsWith(c + "."))) {
                list.add(line);
            }
        }
        list.addAll(readLines(staging.resolve(BENCHMARK_LIST)));
        Set<String> hints = new LinkedHashSet<>(readLines(dir.resolve(COMPILER_HINTS)));
        hints.addAll(readLines(staging.resolve(COMPILER_HINTS)));

        Folders.copyTree(staging, dir, from -> !from.startsWith(staging.resolve("META-INF")));
        Files.createDirectories(dir.resolve("META-INF"));
        writeAtomically(dir.resolve(BENCHMARK_LIST), list);
        writeAtomically(dir.resolve(COMPILER_HINTS), new ArrayList<>(hints));
        forgetCachedHints();
        for (BenchClass one : compiled) {
            BenchClass earlier = bySimpleName.put(one.simpleName(), one);
            latestFirst.remove(earlier);
            latestFirst.addFirst(one);
        }
        afterInstall.run();
    }

    /**
     * Runs {@code hook} after each compile is installed, when the next run's benchmarks and
     * compiler hints are known (it must return at once).
     */
    public static void afterInstall(Runnable hook) {
        afterInstall = hook;
    }

    private synchronized List<BenchClass> latestFirst() {
        return List.copyOf(latestFirst);
    }

    private static List<String> readLines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                lines.add(line.strip());
            }
        }
        return lines;
    }

    private static void writeAtomically(Path file, List<String> lines) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.write(tmp, lines, StandardCharsets.UTF_8);
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * JMH caches the compiler hints (which force each benchmark method to inline into its
     * measurement loop) for the life of the JVM; a class compiled after the first run would
     * otherwise be measured without them.
     */
    private static void forgetCachedHints() {
        for (String name : List.of("defaultList", "hintsFile")) {
            try {
                Field field = CompilerHints.class.getDeclaredField(name);
                field.setAccessible(true);
                field.set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                throw new IllegalStateException("this JMH version keeps its compiler hints elsewhere", e);
            }
        }
    }
}

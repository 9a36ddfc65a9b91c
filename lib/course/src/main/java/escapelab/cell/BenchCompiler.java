package escapelab.cell;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TaskEvent;
import com.sun.source.util.TaskListener;
import escapelab.measure.OwnedFolders;
import escapelab.notebook.Mistake;
import escapelab.notebook.SourceCompileException;
import escapelab.notebook.SourceProblem;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import javax.lang.model.element.Modifier;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a benchmark cell (one whole compilation unit with JMH annotations) with javac and
 * JMH's annotation processor into {@link CellClasses}, where forked JVMs can load it; a cell
 * whose compile setup kept ({@link CompiledCells}) is copied in instead.
 */
public final class BenchCompiler {

    /** The package given to a cell that declares none: JMH refuses the unnamed package. */
    public static final String DEFAULT_PACKAGE = "cells";

    private static final String PACKAGE_PREFIX = "package " + DEFAULT_PACKAGE + "; ";

    private final CellClasses target;

    /** A compiler that installs into {@code target}. */
    public BenchCompiler(CellClasses target) {
        this.target = target;
    }

    /**
     * Compiles a cell and installs its classes and benchmarks, replacing any earlier version.
     *
     * @param source the compilation unit
     * @param firstLine the cell line where {@code source} starts, for error positions
     * @return the compiled class
     * @throws SourceCompileException with every error placed in the cell
     * @throws Mistake if the cell declares no class or no {@code @Benchmark}
     */
    public BenchClass compile(String source, int firstLine) throws SourceCompileException, IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the kernel on a JDK, not a JRE");
        }
        Path staging = OwnedFolders.createTemporary("escapelab-javac-");
        try {
            Optional<String> key = CompiledCells.key(source, CellClassPath.current(), target.dir());
            Outline kept = key.isPresent() && CompiledCells.restore(key.get(), staging) ? Outline.read(staging) : null;
            if (kept == null) {
                Folders.deleteTree(staging);
                Files.createDirectories(staging);
            }
            Outline outline = kept != null ? kept : compileInto(javac, staging, source, firstLine);
            if (kept == null && key.isPresent()) {
                CompiledCells.keep(key.get(), staging);
            }
            String packageName = outline.packageName == null ? DEFAULT_PACKAGE : outline.packageName;
            String mainName = packageName + "." + outline.mainType;
            List<String> classNames = outline.types.stream().map(t -> packageName + "." + t).toList();
            // The main class's benchmarks, then those of classes nested in the cell's classes (as JMH
            // allows: @State classes with @Benchmark methods inside an outer class), named Outer.Inner.
            List<BenchClass> found = new ArrayList<>();
            benchmarks(staging).forEach((qualified, methods) -> {
                boolean main = qualified.equals(mainName);
                boolean nested = classNames.stream().anyMatch(c -> qualified.startsWith(c + "."));
                if (main || nested) {
                    List<String> ordered = main ? methods.stream()
                            .sorted(Comparator.comparingInt(m -> outline.mainMethods.indexOf(m))).toList() : methods;
                    found.add(main ? 0 : found.size(), new BenchClass(qualified,
                            qualified.substring(packageName.length() + 1), source, classNames, ordered, firstLine));
                }
            });
            if (found.isEmpty()) {
                throw new Mistake("benchmark class " + outline.mainType + " has no @Benchmark method: "
                        + "annotate at least one public method with @Benchmark (org.openjdk.jmh.annotations)");
            }
            target.install(staging, found);
            return found.get(0);
        } finally {
            Folders.deleteTree(staging);
        }
    }

    /** Compiles a cell's source into {@code staging} and writes its outline beside the classes. */
    private static Outline compileInto(JavaCompiler javac, Path staging, String source, int firstLine)
            throws SourceCompileException, IOException {
        // The learner's javac needs the cores more than the warm-up's does.
        CellWarmup.giveWay();
        Outline outline = outline(javac, source);
        if (outline.mainType == null) {
            throw new Mistake("a benchmark cell holds a whole Java file: imports, then a class with "
                    + "@Benchmark methods; this cell declares no class");
        }
        boolean addPackage = outline.packageName == null;
        // The package goes on line 1 so that line numbers stay the learner's.
        String compiled = addPackage ? PACKAGE_PREFIX + source : source;
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        boolean ok = javac(javac, staging, diagnostics, new CellSource(outline.mainType, compiled), null);
        List<SourceProblem> errors = errors(diagnostics, source, firstLine, addPackage);
        if (!ok || !errors.isEmpty()) {
            throw new SourceCompileException(outline.mainType, errors.isEmpty()
                    ? List.of(SourceProblem.inCell(0, 0, "javac failed without a message", null)) : errors);
        }
        outline.write(staging);
        return outline;
    }

    /** Runs javac with JMH's annotation processor on one source, into {@code dir}. */
    private static boolean javac(JavaCompiler javac, Path dir, DiagnosticCollector<JavaFileObject> diagnostics,
                                 JavaFileObject source, TaskListener listener) throws IOException {
        String classPath = CellClassPath.current();
        List<String> options = List.of(
                "-d", dir.toString(),
                "-classpath", classPath,
                "-processorpath", classPath,
                "-processor", "org.openjdk.jmh.generators.BenchmarkProcessor",
                "-g", "-parameters", "-Xlint:none", "-implicit:class");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            JavaCompiler.CompilationTask task = javac.getTask(null, files, diagnostics, options, null, List.of(source));
            if (listener != null) {
                ((JavacTask) task).addTaskListener(listener);
            }
            return task.call();
        }
    }

    /**
     * Compiles a benchmark source as a cell would and throws the classes away: what warms javac
     * and JMH's processor before a learner's first cell needs them.
     *
     * @param abandon asked at each of javac's steps; true ends the compile there
     * @return whether it compiled (false if abandoned)
     */
    static boolean compileAndDiscard(String typeName, String source, BooleanSupplier abandon) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            return false;
        }
        Path staging = OwnedFolders.createTemporary("escapelab-javac-");
        try {
            return javac(javac, staging, new DiagnosticCollector<>(), new CellSource(typeName, PACKAGE_PREFIX + source),
                    new TaskListener() {
                        @Override
                        public void started(TaskEvent e) {
                            if (abandon.getAsBoolean()) {
                                throw new Abandoned();
                            }
                        }
                    });
        } catch (RuntimeException e) {
            if (e instanceof Abandoned || e.getCause() instanceof Abandoned) {
                return false;
            }
            throw e;
        } finally {
            Folders.deleteTree(staging);
        }
    }

    /**
     * Compiles a compiled cell's source again, for class files of an older Java release and
     * without JMH's processor, into {@code dir}: for a tool that reads only class files up to
     * that release (Jazzer instruments nothing newer than it knows).
     *
     * @param release the feature release, such as 17
     * @throws IllegalStateException if the source does not compile for that release
     */
    public static void compileForRelease(BenchClass cell, int release, Path dir) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new IllegalStateException("no Java compiler in this runtime: run the kernel on a JDK, not a JRE");
        }
        boolean addPackage = outline(javac, cell.source()).packageName == null;
        String compiled = addPackage ? PACKAGE_PREFIX + cell.source() : cell.source();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        List<String> options = List.of("-d", dir.toString(), "-classpath", CellClassPath.current(),
                "--release", Integer.toString(release), "-proc:none", "-g", "-Xlint:none", "-implicit:class");
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, StandardCharsets.UTF_8)) {
            boolean ok = javac.getTask(null, files, diagnostics, options, null,
                    List.of(new CellSource(cell.simpleName(), compiled))).call();
            if (!ok) {
                throw new IllegalStateException(cell.simpleName() + " does not compile for Java " + release + ": "
                        + errors(diagnostics, cell.source(), cell.firstLine(), addPackage));
            }
        }
    }

    /** Ends a discarded compile that is no longer wanted, from inside javac. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super(null, null, false, false);
        }
    }

    /** Removes the package declaration, for a session that takes only imports and types. */
    public static String withoutPackage(String source) {
        return source.replaceFirst("(?m)^(\\s*)package\\s+[\\w.]+\\s*;", "$1");
    }

    /** The benchmark methods the processor listed, by the qualified name of their class, in list order. */
    private static Map<String, List<String>> benchmarks(Path staging) throws IOException {
        Path list = staging.resolve("META-INF/BenchmarkList");
        Map<String, List<String>> byClass = new LinkedHashMap<>();
        if (!Files.exists(list)) {
            return byClass;
        }
        for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                BenchmarkListEntry entry = new BenchmarkListEntry(line.strip());
                String name = entry.getUsername();
                List<String> methods = byClass.computeIfAbsent(entry.getUserClassQName(), k -> new ArrayList<>());
                String method = name.substring(name.lastIndexOf('.') + 1);
                if (!methods.contains(method)) {
                    methods.add(method);
                }
            }
        }
        return byClass;
    }

    private static List<SourceProblem> errors(DiagnosticCollector<JavaFileObject> collector, String source,
                                              int firstLine, boolean addedPackage) {
        String[] lines = source.split("\r?\n", -1);
        List<SourceProblem> errors = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : collector.getDiagnostics()) {
            if (d.getKind() != Diagnostic.Kind.ERROR) {
                continue;
            }
            long line = d.getLineNumber();
            long column = characterColumn(d, addedPackage ? PACKAGE_PREFIX + source : source);
            if (line == 1 && addedPackage && column > 0) {
                column = Math.max(1, column - PACKAGE_PREFIX.length());
            }
            String text = line >= 1 && line <= lines.length ? lines[(int) line - 1] : null;
            long cellLine = line > 0 ? line + firstLine - 1 : 0;
            errors.add(SourceProblem.inCell((int) cellLine, (int) Math.max(column, 0), d.getMessage(null), text));
        }
        return errors;
    }

    /**
     * The 1-based column as characters of the line, 0 when unknown: javac's own column counts a
     * tab as up to eight, which would put a caret that keeps the line's tabs too far right.
     */
    private static long characterColumn(Diagnostic<?> d, String compiled) {
        long position = d.getPosition();
        if (position == Diagnostic.NOPOS || position > compiled.length()) {
            return 0;
        }
        int lineStart = compiled.lastIndexOf('\n', (int) position - 1) + 1;
        return position - lineStart + 1;
    }

    /** The package and top-level types, read by javac's parser without compiling. */
    private static Outline outline(JavaCompiler javac, String source) throws IOException {
        try (StandardJavaFileManager files = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, files, d -> { }, List.of("-proc:none"), null,
                    List.of(new CellSource("Cell", source)));
            Outline outline = new Outline();
            for (CompilationUnitTree unit : task.parse()) {
                if (unit.getPackageName() != null) {
                    outline.packageName = unit.getPackageName().toString();
                }
                for (Tree type : unit.getTypeDecls()) {
                    if (type instanceof ClassTree cls && !cls.getSimpleName().isEmpty()) {
                        String name = cls.getSimpleName().toString();
                        outline.types.add(name);
                        boolean isPublic = cls.getModifiers().getFlags().contains(Modifier.PUBLIC);
                        if (outline.mainType == null || isPublic && !outline.mainIsPublic) {
                            outline.mainType = name;
                            outline.mainIsPublic = isPublic;
                            outline.mainMethods.clear();
                            for (Tree member : cls.getMembers()) {
                                if (member instanceof MethodTree method) {
                                    outline.mainMethods.add(method.getName().toString());
                                }
                            }
                        }
                    }
                }
            }
            return outline;
        }
    }

    private static final class Outline {
        /** Where a compile keeps its outline: under META-INF, which is not installed with the classes. */
        static final String FILE = "META-INF/CellOutline";

        String packageName;
        String mainType;
        boolean mainIsPublic;
        final List<String> types = new ArrayList<>();
        final List<String> mainMethods = new ArrayList<>();

        void write(Path staging) throws IOException {
            Files.createDirectories(staging.resolve("META-INF"));
            Files.write(staging.resolve(FILE), List.of(packageName == null ? "" : packageName, mainType,
                    String.join(",", types), String.join(",", mainMethods)), StandardCharsets.UTF_8);
        }

        /** The outline a kept compile wrote, or null where it has none. */
        static Outline read(Path staging) throws IOException {
            Path file = staging.resolve(FILE);
            if (!Files.exists(file)) {
                return null;
            }
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.size() < 4) {
                return null;
            }
            Outline outline = new Outline();
            outline.packageName = lines.get(0).isEmpty() ? null : lines.get(0);
            outline.mainType = lines.get(1);
            outline.types.addAll(split(lines.get(2)));
            outline.mainMethods.addAll(split(lines.get(3)));
            return outline;
        }

        private static List<String> split(String names) {
            return names.isEmpty() ? List.of() : List.of(names.split(","));
        }
    }

    /** The cell as an in-memory source file named after its main type. */
    private static final class CellSource extends SimpleJavaFileObject {
        private final String text;

        CellSource(String typeName, String text) {
            super(URI.create("string:///" + typeName + Kind.SOURCE.extension), Kind.SOURCE);
            this.text = text;
        }

        @Override
        public CharSequence getCharContent(boolean ignoreEncodingErrors) {
            return text;
        }
    }
}

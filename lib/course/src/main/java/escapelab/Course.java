package escapelab;

import escapelab.bench.Bench;
import escapelab.bench.BenchClass;
import escapelab.bench.BenchCompiler;
import escapelab.bench.BenchRun;
import escapelab.bench.CellClasses;
import escapelab.bench.HeapGrowth;
import escapelab.bench.Jdks;
import escapelab.bench.Profile;
import escapelab.bench.ScratchFolder;
import escapelab.bench.Series;
import escapelab.bench.TimeComparison;
import escapelab.bench.BenchResult;
import escapelab.check.Check;
import escapelab.check.Checklist;
import escapelab.check.CodeComment;
import escapelab.check.MethodJavadoc;
import escapelab.check.Rejection;
import escapelab.escape.Escapes;
import escapelab.fuzz.Fuzzer;
import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Cell;
import escapelab.notebook.Mistake;
import escapelab.notebook.Notebook;
import escapelab.view.Bytecode;
import escapelab.view.Charts;
import escapelab.view.Figure;
import escapelab.view.Footprint;
import escapelab.view.Layout;
import escapelab.view.MapGrowth;
import escapelab.view.Note;
import escapelab.view.Vm;
import escapelab.submit.Exported;
import escapelab.submit.Analysis;
import escapelab.submit.SavedNotebook;
import escapelab.submit.Submission;
import escapelab.serve.JsonServer;
import escapelab.serve.PoolRetention;
import escapelab.serve.PoolStep;
import escapelab.serve.ScratchPool;
import escapelab.serve.StepTable;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The course in one class: every notebook cell starts here ({@code import static
 * escapelab.Course.*} is a default import of the kernel). Every result a cell gets from here
 * (a bench run, an escape report, a series when done, a chart, a layout, a checklist, a compiled
 * benchmark cell) is recorded for {@link #submit(String)} as it is produced; re-running a cell
 * replaces its earlier result.
 *
 * <pre>{@code
 * var run = bench(FirstEscape.class).objectsOf(Point.class)
 *         .variant("EA on").variant("EA off", "-XX:-DoEscapeAnalysis").run();
 * chart(run);
 * checks("Task 1", check("valueReturn allocates nothing").measured(run.bytesPerOp("valueReturn", "EA on"), "B/op").below(1));
 * submit("01-first-escape");
 * }</pre>
 */
public final class Course {

    private Course() {
    }

    // Cells and JMH runs: a %%jmh cell compiled, its benchmarks run with a profile, on one JDK
    // or two, their times compared.

    /**
     * Registers the {@code %%jmh} cell magic with the notebook: the cell holds a whole Java file
     * with JMH annotations; it is compiled for JMH and declared in the session, so that later
     * cells name its classes by their simple names. Called by the kernel's start-up script.
     */
    public static void registerMagics() {
        Notebook.registerCellMagic("jmh", Course::jmhCell);
    }

    private static Object jmhCell(Cell cell) throws Exception {
        if (!cell.args().isBlank()) {
            throw new Mistake("%%jmh takes no arguments; found '" + cell.args().strip()
                    + "'. Put the options in the cell that runs the benchmark, e.g. bench(MyBench.class).profile(Profile.THOROUGH)");
        }
        return compile(cell.body(), cell.bodyLine());
    }

    /**
     * Compiles a benchmark source (what a {@code %%jmh} cell holds), declares it in the
     * session and records its source for the submission.
     *
     * @param firstLine the cell line the source starts on, for error positions
     * @throws escapelab.notebook.SourceCompileException with the errors placed in the cell
     * @throws Mistake if the source declares no class, or none with a {@code @Benchmark} method
     */
    public static BenchClass compile(String source, int firstLine) throws Exception {
        BenchClass compiled = new BenchCompiler(CellClasses.shared()).compile(source, firstLine);
        try {
            Notebook.host().declare(BenchCompiler.withoutPackage(source));
        } catch (IllegalStateException e) {
            System.err.println("Compiled for JMH, but later cells cannot name " + compiled.simpleName()
                    + ": " + e.getMessage());
        }
        return SessionEvidence.current().record(compiled);
    }

    /**
     * Starts a JMH run of benchmark classes compiled by {@code %%jmh} cells, named by class.
     * Its {@code run()} records the run for the submission.
     *
     * @throws Mistake if a class is not a benchmark class compiled by a {@code %%jmh} cell
     */
    public static Bench bench(Class<?>... classes) {
        return new Bench(cells(simpleNames(classes)));
    }

    /**
     * Starts a JMH run of benchmark classes named by their simple names.
     *
     * @throws Mistake if a name is not a benchmark class compiled by a {@code %%jmh} cell
     */
    public static Bench bench(String... simpleNames) {
        return new Bench(cells(simpleNames));
    }

    /**
     * Starts an escape report: the benchmark runs in forks that log C2's compilations, and each
     * allocation site of the class is judged: scalar-replaced or kept on the heap, and why.
     * {@code escapes(FirstEscape.class).run()}; {@code .detailed()} on the report adds the reasons.
     * It takes the words of {@link #bench(Class[])}: {@code methods}, {@code jvmArgs},
     * {@code variant}, {@code profile}, {@code named}; its {@code run()} records the report.
     *
     * @throws Mistake if a class is not a benchmark class compiled by a {@code %%jmh} cell
     */
    public static Escapes escapes(Class<?>... classes) {
        return new Escapes(cells(simpleNames(classes)), CellClasses.shared().dir());
    }

    /** The quick profile, for workshops. */
    public static final Profile QUICK = Profile.QUICK;

    /** The thorough profile, for claims about time. */
    public static final Profile THOROUGH = Profile.THOROUGH;

    /** The timing profile: enough samples to compare two or three methods' times. */
    public static final Profile TIMING = Profile.TIMING;

    /** The profile for operations that take milliseconds: three forks, long iterations. */
    public static final Profile LONG_TIMING = Profile.LONG_TIMING;

    /**
     * The newest installed JDK of at least that feature release, for running a lesson on two
     * JDKs side by side: {@code jdk(25).ifPresent(j -> bench.variant(j.variant()))}.
     */
    public static Optional<Jdks.Jdk> jdk(int feature) {
        return Jdks.atLeast(feature);
    }

    /**
     * A JDK newer than the one running, for a lesson that changes on a newer release: the newest
     * installed; empty where none is.
     */
    public static Optional<Jdks.Jdk> newerJdk() {
        int running = Runtime.version().feature();
        return Jdks.installed().stream().filter(j -> j.feature() > running).reduce((older, newer) -> newer);
    }

    /**
     * Compares two results' times by their 99.9% intervals: faster, slower, or no significant
     * difference; {@code compareTimes(a, b).check("…")} is a check that a is faster.
     *
     * @throws Mistake if a result is missing or the two are in different units
     */
    public static TimeComparison compareTimes(BenchResult first, BenchResult second) {
        return TimeComparison.of(first, second);
    }

    // Measurements that are not JMH runs: series, heap growth, a map's table, the pooling
    // server, fuzzing.

    /**
     * Starts recording measurements that are not JMH runs (heap over iterations, bytes per
     * request); its {@code done()} returns the series and records it for the submission.
     */
    public static Series.Recorder series(String name, String xLabel, String yUnit) {
        return Series.record(name, xLabel, yUnit);
    }

    /**
     * Heap in use while results are kept, round after round, in this kernel: the picture of a
     * leak, bounded to half the maximum heap, what it kept released at the end or on interrupt.
     * {@code heapGrowth("heap").keep("view", () -> view(file)).rounds(8).run()} gives a series
     * (and records it), for {@link #chart(Series)}.
     *
     * @throws Mistake if the name is not a valid series name
     */
    public static HeapGrowth heapGrowth(String name) {
        return HeapGrowth.named(name);
    }

    /**
     * A file of exactly {@code bytes} bytes in this kernel's scratch folder, written now or
     * already there: deleted when the kernel ends; an interrupted write leaves nothing behind.
     *
     * @param name a plain file name, such as {@code "fifty.bin"}
     * @throws Mistake if the name is not a plain file name or the size is negative
     */
    public static Path scratchFile(String name, long bytes) throws IOException {
        return ScratchFolder.shared().file(name, bytes);
    }

    /**
     * Fills a map with {@code puts} calls of {@code put} (given the map and the index), reading
     * its table's length after each: the resizes seen as they happen.
     * {@code mapGrowth("no hint", new HashMap<Integer, Integer>(), n, (m, i) -> m.put(keys[i], keys[i]))}.
     *
     * @throws Mistake if the map is null or the count negative
     */
    public static <M extends java.util.HashMap<?, ?>> MapGrowth mapGrowth(String label, M map, int puts,
                                                                        java.util.function.ObjIntConsumer<M> put) {
        return MapGrowth.fill(label, map, puts, put);
    }

    /**
     * A map's capacity now: the length of its table, 0 before its first put.
     *
     * @throws Mistake if the map is null
     */
    public static int capacity(java.util.HashMap<?, ?> map) {
        return MapGrowth.capacity(map);
    }

    /**
     * Starts the lesson's JSON server on loopback with its scratch buffers from {@code pool}:
     * start it in try-with-resources, so that it stops when the cell ends, fails or is
     * interrupted.
     *
     * @throws Mistake if the pool is null
     */
    public static JsonServer serve(ScratchPool pool) throws IOException {
        return JsonServer.start(pool);
    }

    /**
     * Measures one step of the pooling lesson: a server with this pool under a steady bounded
     * load; bytes per request on its threads, where they come from (JFR), the buffers borrowed
     * and returned. Records the step and its allocation table; the server has stopped when it
     * returns.
     *
     * @throws Mistake if the step has no name or the pool is null
     */
    public static PoolStep measurePool(String step, ScratchPool pool) throws IOException, InterruptedException {
        PoolStep measured = PoolStep.measure(step, pool);
        SessionEvidence.current().record(measured.topFrames());
        return SessionEvidence.current().record(measured);
    }

    /**
     * The count at each measured step side by side, recorded for the submission.
     *
     * @throws Mistake if no step is given or one is null
     */
    public static StepTable poolSteps(PoolStep... steps) {
        return SessionEvidence.current().record(StepTable.of(steps));
    }

    /**
     * What pools keep while a few large requests arrive among small ones:
     * {@code poolRetention("pool memory").pool("no cap", a).pool("capped", b).run()} gives a
     * series (recorded), for {@link #chart(Series)}.
     */
    public static PoolRetention poolRetention(String name) {
        return PoolRetention.named(name);
    }

    /**
     * Starts a coverage-guided fuzz run (Jazzer, in a child JVM) of a {@code %%jmh} cell's
     * {@code public static void fuzzerTestOneInput(byte[] input)}: {@code fuzz(ParseHeader.class)
     * .seconds(5).seed("valid", packet).run()} returns the fuzzer's summary. The cell is
     * compiled again for Java 17 class files, which Jazzer instruments for coverage on every
     * JDK; the fuzzed code may use the JDK and the cell's own classes.
     *
     * @throws Mistake if the class is not from a {@code %%jmh} cell or has no such method
     */
    public static Fuzzer fuzz(Class<?> cellClass) throws IOException {
        BenchClass cell = cells(simpleNames(cellClass)).get(0);
        try {
            Method target = cellClass.getMethod("fuzzerTestOneInput", byte[].class);
            if (!Modifier.isStatic(target.getModifiers())) {
                throw new NoSuchMethodException("not static");
            }
        } catch (NoSuchMethodException e) {
            throw new Mistake(cell.simpleName() + " has no public static void fuzzerTestOneInput(byte[] input): "
                    + "add one that calls your parser; the fuzzer calls it with every input it makes");
        }
        Path classes = Files.createTempDirectory(ScratchFolder.shared().dir(), "fuzz-classes-");
        BenchCompiler.compileForRelease(cell, 17, classes);
        return Fuzzer.of(cell.name(), List.of(classes))
                .in(Files.createTempDirectory(ScratchFolder.shared().dir(), "fuzz-" + cell.simpleName() + "-"));
    }

    // Views: the VM, sentences that read numbers back, charts, layouts, bytecode, a method's Javadoc.

    /**
     * The running VM, as every number should be labelled: shown in the notebook, its
     * {@code describe()} (and {@code toString()}) is the one-line description.
     */
    public static Vm vm() {
        return Vm.current();
    }

    /**
     * A sentence that reads measured numbers back, shown as Markdown:
     * {@code note("valueReturn %s.", run.allocation("valueReturn"))}.
     */
    public static Note note(String format, Object... args) {
        return Note.of(format, args);
    }

    /** Time and bytes per operation of a run, side by side. */
    public static Figure chart(BenchRun run) {
        return SessionEvidence.current().record(Charts.of(required(run, "chart(firstEscape)")));
    }

    /** A series as a line chart. */
    public static Figure chart(Series series) {
        return SessionEvidence.current().record(Charts.of(required(series, "chart(heap)")));
    }

    /** Bytes and time per operation against a numeric {@code @Param}. */
    public static Figure chartBy(BenchRun run, String param) {
        return SessionEvidence.current().record(Charts.by(required(run, "chartBy(run, \"size\")"), param));
    }

    /**
     * The field layout of a class, as JOL computes it for this JVM.
     *
     * @throws Mistake if the type is null, primitive or an array type
     */
    public static Layout layout(Class<?> type) {
        return SessionEvidence.current().record(Layout.of(type));
    }

    /**
     * The layout of one object (arrays included).
     *
     * @throws Mistake if the object is null
     */
    public static Layout layoutOf(Object instance) {
        return SessionEvidence.current().record(Layout.ofInstance(instance));
    }

    /**
     * Everything reachable from {@code root}: how many objects, how many bytes.
     *
     * @throws Mistake if the root is null
     */
    public static Footprint footprint(Object root) {
        return Footprint.of(root);
    }

    /**
     * A class's bytecode as {@code javap -c -p -s} lists it, run through the JDK's tool API: a
     * {@code %%jmh} cell's class from the class file its benchmarks run, any other class from
     * the running JDK. {@code bytecode(Generics.class).methodsNamed("max")}; {@code .only("max")}
     * shows just that method.
     *
     * @throws Mistake if the class is null, or javap cannot find it
     */
    public static Bytecode bytecode(Class<?> type) {
        if (type == null) {
            throw new Mistake("name the class to list, e.g. bytecode(Generics.class)");
        }
        return CellClasses.shared().find(type.getSimpleName())
                .map(cell -> Bytecode.of(cell.name(), CellClasses.shared().dir()))
                .orElseGet(() -> Bytecode.of(type.getName(), null));
    }

    /**
     * The Javadoc of a method declared in a {@code %%jmh} cell, as written there (asterisks and
     * line breaks folded into spaces); empty if the method has none:
     * {@code javadoc(Varint.class, "encode(int[], byte[], int)")}.
     *
     * @param type the class that declares the method (top-level or nested) in a {@code %%jmh} cell
     * @param method its name, or its name and parameter types where it is overloaded
     * @throws Mistake if no {@code %%jmh} cell declares the class, or it has no such method
     */
    public static String javadoc(Class<?> type, String method) {
        return MethodJavadoc.of(cellDeclaring(type).source(), type.getSimpleName(), method).orElse("");
    }

    // Checks of the acceptance criteria, and the checklist that shows and keeps them.

    /** Starts a check of one acceptance criterion: {@code check("…").measured(v, "B/op").below(1)}. */
    public static Check.Measure check(String criterion) {
        return Check.that(criterion);
    }

    /** A check whose verdict is computed elsewhere, with the evidence shown beside it. */
    public static Check check(String criterion, boolean passed, String evidence) {
        return Check.of(criterion, passed, evidence);
    }

    /** The task's checklist, shown in the cell and kept for the submission. */
    public static Checklist checks(String title, Check... checks) {
        return SessionEvidence.current().record(Checklist.of(title, checks));
    }

    /**
     * Checks that a comment of a few words documents a line of a {@code %%jmh} cell: on the
     * line that holds {@code code}, or directly above it.
     *
     * @throws Mistake if the class is not from a {@code %%jmh} cell, or no line holds the code
     */
    public static Check commented(String criterion, Class<?> cellClass, String code) {
        return CodeComment.check(criterion, cells(simpleNames(cellClass)).get(0).source(), code);
    }

    /**
     * Checks that a parser rejects a malformed input clearly: {@code rejects("a wrong magic is
     * rejected by name", "magic", () -> parse(bad, header))} holds when the call throws an
     * exception whose message names the field, and fails on no exception or an out-of-bounds read.
     *
     * @throws Mistake if the field is blank or the call is null
     */
    public static Check rejects(String criterion, String field, Runnable call) {
        return Rejection.of(criterion, field, call);
    }

    /**
     * Checks that a method's Javadoc states its contract: every phrase, ignoring case and line
     * breaks, e.g. {@code documented("…", Varint.class, "encode(int[], byte[], int)",
     * "appends to dst", "returns the new length")}.
     *
     * @throws Mistake as {@link #javadoc(Class, String)}
     */
    public static Check documented(String criterion, Class<?> type, String method, String... phrases) {
        return MethodJavadoc.check(criterion, cellDeclaring(type).source(), type.getSimpleName(), method, phrases);
    }

    /**
     * The check of "you explain it in your own words": at least two lines of the learner's own in
     * the saved notebook's analysis cells. A reference answer and prompts do not count: with only
     * a reference answer there, the check is open (waiting for the learner), never met.
     *
     * @throws Mistake if the notebook was never saved where it runs
     */
    public static Check analysisCheck(String notebook) throws IOException {
        Analysis analysis = SavedNotebook.read(notebookPath(notebook)).ownAnalysis();
        String criterion = "you explain it in your own words (the analysis cell, as saved)";
        int lines = analysis.ownLines().size();
        if (lines == 0 && analysis.hasReferenceAnswer()) {
            return Check.open(criterion, "only the reference answer is there: write yours above it, save, "
                    + "and run this cell again");
        }
        if (analysis.copiedReference()) {
            return check(criterion, false, "the analysis cell holds the reference answer's sentences: "
                    + "write what you found in your own words");
        }
        return check(criterion).measured(lines, "lines of your own").atLeast(2);
    }

    // Submissions.

    /** The environment variable that names the submissions folder. */
    public static final String SUBMISSIONS_ENV = "ESCAPELAB_SUBMISSIONS";

    /**
     * Exports this session's task to {@code submissions/<notebook>/}: criteria and their
     * verdicts, the analysis from the saved notebook, benchmark sources, JMH output, charts and
     * layouts. An earlier export is replaced only once the new one is complete.
     *
     * @param notebook the notebook's file name, with or without {@code .ipynb}
     * @throws Mistake if the notebook was never saved where it runs
     */
    public static Exported submit(String notebook) throws IOException {
        SessionEvidence session = SessionEvidence.current();
        Submission submission = new Submission(SavedNotebook.read(notebookPath(notebook)), session.all(),
                session.lastMeasured(), vm().describe());
        return submission.export(submissionsDir());
    }

    /**
     * The analysis cells (tagged {@code analysis}) of the saved notebook, as last saved.
     *
     * @throws Mistake if the notebook was never saved where it runs
     */
    public static String analysis(String notebook) throws IOException {
        return String.join("\n\n", SavedNotebook.read(notebookPath(notebook)).analysis()).strip();
    }

    // What the entry points above share.

    private static String[] simpleNames(Class<?>... classes) {
        if (classes == null || Arrays.asList(classes).contains(null)) {
            throw new Mistake("name the benchmark class, e.g. bench(FirstEscape.class)");
        }
        return Arrays.stream(classes).map(Class::getSimpleName).toArray(String[]::new);
    }

    private static List<BenchClass> cells(String... simpleNames) {
        if (simpleNames == null || simpleNames.length == 0) {
            throw new Mistake("name the benchmark class, e.g. bench(FirstEscape.class)");
        }
        List<BenchClass> found = new ArrayList<>();
        for (String name : simpleNames) {
            found.add(CellClasses.shared().benchmark(Objects.requireNonNullElse(name, "null")));
        }
        return found;
    }

    private static BenchClass cellDeclaring(Class<?> type) {
        if (type == null) {
            throw new Mistake("name the class that declares the method, e.g. javadoc(Varint.class, \"encode\")");
        }
        // The session sees a cell's classes nested in its own wrapper class: the first name
        // outward from the class that a cell declares at its top level is the cell's.
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            String simple = c.getSimpleName();
            Optional<BenchClass> cell = CellClasses.shared().all().stream().filter(b -> b.declares(simple)).findFirst();
            if (cell.isPresent()) {
                return cell.get();
            }
        }
        throw new Mistake(type.getSimpleName() + " was not declared by a %%jmh cell in this session: "
                + "run the %%jmh cell that declares it first");
    }


    private static <T> T required(T value, String example) {
        if (value == null) {
            throw new Mistake("pass a result, e.g. " + example + "; this one is null (did its cell run?)");
        }
        return value;
    }

    private static Path notebookPath(String notebook) {
        if (notebook == null || notebook.isBlank()) {
            throw new Mistake("name the notebook, e.g. submit(\"01-first-escape\")");
        }
        String file = notebook.endsWith(".ipynb") ? notebook : notebook + ".ipynb";
        Path here = Path.of(file);
        Path inNotebooks = Path.of("notebooks", file);
        return !Files.exists(here) && Files.exists(inNotebooks) ? inNotebooks : here;
    }

    /** $ESCAPELAB_SUBMISSIONS, else the course's submissions/ beside notebooks/, else ./submissions. */
    private static Path submissionsDir() {
        String configured = System.getenv(SUBMISSIONS_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path beside = cwd.resolveSibling("submissions");
        return cwd.getFileName() != null && cwd.getFileName().toString().equals("notebooks") && Files.isDirectory(beside)
                ? beside : cwd.resolve("submissions");
    }
}

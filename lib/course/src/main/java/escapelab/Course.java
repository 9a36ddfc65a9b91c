package escapelab;

import escapelab.bench.Bench;
import escapelab.bench.BenchClass;
import escapelab.bench.BenchCompiler;
import escapelab.bench.BenchRun;
import escapelab.bench.CellClasses;
import escapelab.bench.Jdks;
import escapelab.bench.Profile;
import escapelab.bench.Series;
import escapelab.check.Check;
import escapelab.check.Checklist;
import escapelab.escape.EscapeReport;
import escapelab.escape.Escapes;
import escapelab.notebook.Cell;
import escapelab.notebook.Notebook;
import escapelab.view.Charts;
import escapelab.view.Figure;
import escapelab.view.Footprint;
import escapelab.view.Layout;
import escapelab.view.Vm;
import escapelab.submit.Exported;
import escapelab.submit.SavedNotebook;
import escapelab.submit.Submission;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The course in one class: every notebook cell starts here ({@code import static
 * escapelab.Course.*} is a default import of the kernel).
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
            throw new IllegalArgumentException("%%jmh takes no arguments; found '" + cell.args().strip()
                    + "'. Put the options in the cell that runs the benchmark, e.g. bench(MyBench.class).profile(Profile.THOROUGH)");
        }
        return compile(cell.body(), cell.bodyLine());
    }

    /**
     * Compiles a benchmark source (what a {@code %%jmh} cell holds) and declares it in the
     * session.
     *
     * @param firstLine the cell line the source starts on, for error positions
     * @throws escapelab.bench.CompileException with the errors placed in the cell
     */
    public static BenchClass compile(String source, int firstLine) throws Exception {
        BenchClass compiled = new BenchCompiler(CellClasses.shared()).compile(source, firstLine);
        try {
            Notebook.host().declare(BenchCompiler.withoutPackage(source));
        } catch (IllegalStateException e) {
            System.err.println("Compiled for JMH, but later cells cannot name " + compiled.simpleName()
                    + ": " + e.getMessage());
        }
        return compiled;
    }

    /**
     * Starts a JMH run of benchmark classes compiled by {@code %%jmh} cells, named by class.
     *
     * @throws IllegalArgumentException if a class was not compiled by a benchmark cell
     */
    public static Bench bench(Class<?>... classes) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : classes) {
            names.add(c.getSimpleName());
        }
        return bench(names.toArray(String[]::new));
    }

    /** Starts a JMH run of benchmark classes named by their simple names. */
    public static Bench bench(String... simpleNames) {
        return new Bench(cells(simpleNames)).onRun(Session.CURRENT::record);
    }

    /**
     * Starts an escape report: the benchmark runs in forks that log C2's compilations, and each
     * allocation site of the class is judged: scalar-replaced or kept on the heap, and why.
     * {@code escapes(FirstEscape.class).run()}; {@code .detailed()} on the report adds the reasons.
     *
     * @throws IllegalArgumentException if a class was not compiled by a benchmark cell
     */
    public static Escapes escapes(Class<?>... classes) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : classes) {
            names.add(c.getSimpleName());
        }
        return new Escapes(cells(names.toArray(String[]::new)), CellClasses.shared().dir())
                .onReport(Session.CURRENT::record);
    }

    private static List<BenchClass> cells(String... simpleNames) {
        if (simpleNames.length == 0) {
            throw new IllegalArgumentException("name the benchmark class, e.g. bench(FirstEscape.class)");
        }
        List<BenchClass> found = new ArrayList<>();
        for (String name : simpleNames) {
            found.add(CellClasses.shared().find(name).orElseThrow(() -> new IllegalArgumentException(
                    name + " was not compiled by a %%jmh cell in this session: run the cell that defines it first")));
        }
        return found;
    }

    /**
     * The newest installed JDK of at least that feature release, for running a lesson on two
     * JDKs side by side: {@code jdk(25).ifPresent(j -> bench.variant(j.variant()))}.
     */
    public static Optional<Jdks.Jdk> jdk(int feature) {
        return Jdks.atLeast(feature);
    }

    /** Time and bytes per operation of a run, side by side. */
    public static Figure chart(BenchRun run) {
        return Session.CURRENT.record(Charts.of(run));
    }

    /** Bytes and time per operation against a numeric {@code @Param}. */
    public static Figure chartBy(BenchRun run, String param) {
        return Session.CURRENT.record(Charts.by(run, param));
    }

    /**
     * Starts recording measurements that are not JMH runs (heap over iterations, bytes per
     * request); pass the result of {@code done()} to {@link #measured(Series)}.
     */
    public static Series.Recorder series(String name, String xLabel, String yUnit) {
        return Series.record(name, xLabel, yUnit);
    }

    /** Keeps a finished series for the submission and returns it, for display. */
    public static Series measured(Series series) {
        return Session.CURRENT.record(series);
    }

    /** A series as a line chart. */
    public static Figure chart(Series series) {
        return Session.CURRENT.record(Charts.of(series));
    }

    /** The field layout of a class, as JOL computes it for this JVM. */
    public static Layout layout(Class<?> type) {
        return Session.CURRENT.record(Layout.of(type));
    }

    /** The layout of one object (arrays included). */
    public static Layout layoutOf(Object instance) {
        return Session.CURRENT.record(Layout.ofInstance(instance));
    }

    /** Everything reachable from {@code root}: how many objects, how many bytes. */
    public static Footprint footprint(Object root) {
        return Footprint.of(root);
    }

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
        return Session.CURRENT.record(Checklist.of(title, checks));
    }

    /** The environment variable that names the submissions folder. */
    public static final String SUBMISSIONS_ENV = "ESCAPELAB_SUBMISSIONS";

    /**
     * Exports this session's task to {@code submissions/<notebook>/}: criteria and their
     * verdicts, the analysis from the saved notebook, benchmark sources, JMH output, charts and
     * layouts. An earlier export is replaced only once the new one is complete.
     *
     * @param notebook the notebook's file name, with or without {@code .ipynb}
     * @throws java.io.FileNotFoundException if the notebook was never saved where it runs
     */
    public static Exported submit(String notebook) throws IOException {
        Submission submission = new Submission(SavedNotebook.read(notebookPath(notebook)), CellClasses.shared().all(),
                Session.CURRENT.runs(), Session.CURRENT.series(), Session.CURRENT.figures(),
                Session.CURRENT.checklists(), Session.CURRENT.layouts(), Session.CURRENT.escapeReports(),
                Session.CURRENT.lastMeasured(), vm());
        return submission.export(submissionsDir());
    }

    /** The analysis cells (tagged {@code analysis}) of the saved notebook, as last saved. */
    public static String analysis(String notebook) throws IOException {
        return String.join("\n\n", SavedNotebook.read(notebookPath(notebook)).analysis()).strip();
    }

    private static Path notebookPath(String notebook) {
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

    /** The running VM, as every number should be labelled. */
    public static String vm() {
        return Vm.current().describe();
    }

    /** The quick profile, for workshops. */
    public static final Profile QUICK = Profile.QUICK;

    /** The thorough profile, for claims about time. */
    public static final Profile THOROUGH = Profile.THOROUGH;
}

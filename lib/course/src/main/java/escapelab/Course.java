package escapelab;

import escapelab.bench.Bench;
import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.Jdks;
import escapelab.bench.Profile;
import escapelab.bench.TimeComparison;
import escapelab.cell.CellClasses;
import escapelab.check.Check;
import escapelab.check.Checklist;
import escapelab.check.CodeComment;
import escapelab.check.MethodJavadoc;
import escapelab.check.Rejection;
import escapelab.escape.Escapes;
import escapelab.evidence.SessionEvidence;
import escapelab.fuzz.Fuzzer;
import escapelab.measure.HeapGrowth;
import escapelab.measure.MapGrowth;
import escapelab.measure.ScratchFolder;
import escapelab.measure.Series;
import escapelab.serve.JsonServer;
import escapelab.serve.PoolRetention;
import escapelab.serve.PoolStep;
import escapelab.serve.ScratchPool;
import escapelab.serve.StepTable;
import escapelab.submit.Exported;
import escapelab.submit.SavedNotebook;
import escapelab.submit.Submission;
import escapelab.view.Bytecode;
import escapelab.view.Charts;
import escapelab.view.Figure;
import escapelab.view.Footprint;
import escapelab.view.Layout;
import escapelab.view.Note;
import escapelab.view.Vm;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Optional;
import java.util.function.ObjIntConsumer;

/**
 * The course's words, as a notebook cell says them ({@code import static escapelab.Course.*} is
 * a default import of every cell). Each hands on to the package that owns the work; what a cell
 * gets back (a bench run, an escape report, a series, a chart, a layout, a checklist, a compiled
 * cell) is recorded for {@link #submit(String)} as it is produced, and re-running a cell
 * replaces its earlier result. The vocabulary, and the few types a cell may name, are listed in
 * {@code lib/course/SURFACE.md}.
 *
 * <pre>{@code
 * var run = bench(FirstEscape.class).objectsOf(Point.class)
 *         .variant("EA on").variant("EA off", "-XX:-DoEscapeAnalysis").run();
 * chart(run);
 * checks("Task 1", check("valueReturn allocates nothing")
 *         .measured(run.bytesPerOp("valueReturn", "EA on"), "B/op").allocatesNothing());
 * submit("01-first-escape");
 * }</pre>
 */
public final class Course {

    private Course() {
    }

    // Cells and JMH runs: a %%jmh cell's benchmarks run with a profile, on one JDK or two.

    /** A JMH run of {@code %%jmh} cells' benchmark classes: {@code bench(FirstEscape.class).run()}. */
    public static Bench bench(Class<?>... classes) {
        return new Bench(CellClasses.shared().benchmarks(classes));
    }

    /** A JMH run of benchmark classes named by their simple names. */
    public static Bench bench(String... simpleNames) {
        return new Bench(CellClasses.shared().benchmarks(simpleNames));
    }

    /** An escape report, C2's verdict on each allocation site: {@code escapes(FirstEscape.class).run()}. */
    public static Escapes escapes(Class<?>... classes) {
        return new Escapes(CellClasses.shared().benchmarks(classes), CellClasses.shared().dir());
    }

    /** An escape report read from a bench run's own forks, starting none: {@code escapes(firstEscape).run()}. */
    public static Escapes escapes(BenchRun measured) {
        return new Escapes(measured, CellClasses.shared().dir());
    }

    /** The quick profile, for workshops: 1 fork, 2 x 300 ms warm-up, 3 x 100 ms measurement. */
    public static final Profile QUICK = Profile.QUICK;

    /** The thorough profile, for claims about time: 2 forks, 5 x 1 s warm-up and measurement. */
    public static final Profile THOROUGH = Profile.THOROUGH;

    /** The timing profile: enough samples to compare two or three methods' times. */
    public static final Profile TIMING = Profile.TIMING;

    /** The profile for operations that take milliseconds: three forks, long iterations. */
    public static final Profile LONG_TIMING = Profile.LONG_TIMING;

    /** Each benchmark as its own {@code @Fork}, {@code @Warmup} and {@code @Measurement} say. */
    public static final Profile ANNOTATED = Profile.ANNOTATED;

    /** The newest installed JDK of at least that release: {@code jdk(25).map(j -> j.variant())}. */
    public static Optional<Jdks.Jdk> jdk(int feature) {
        return Jdks.atLeast(feature);
    }

    /** The newest installed JDK newer than the one running; empty where none is. */
    public static Optional<Jdks.Jdk> newerJdk() {
        return Jdks.newerThanRunning();
    }

    /** Two results' times compared by their 99.9% intervals: faster, slower, or no difference. */
    public static TimeComparison compareTimes(BenchResult first, BenchResult second) {
        return TimeComparison.of(first, second);
    }

    // Measurements inside the kernel: series, heap growth, a map's table, the pooling server, fuzzing.

    /** Records measurements that are not JMH runs; its {@code done()} returns the series. */
    public static Series.Recorder series(String name, String xLabel, String yUnit) {
        return Series.record(name, xLabel, yUnit);
    }

    /** Heap in use while results are kept, round after round: {@code heapGrowth("heap").keep(...)}. */
    public static HeapGrowth heapGrowth(String name) {
        return HeapGrowth.named(name);
    }

    /** A file of exactly {@code bytes} bytes in this kernel's scratch folder, deleted when it ends. */
    public static Path scratchFile(String name, long bytes) throws IOException {
        return ScratchFolder.shared().file(name, bytes);
    }

    /** A map filled by {@code puts} calls of {@code put}, its table's length read after each. */
    public static <M extends HashMap<?, ?>> MapGrowth mapGrowth(String label, M map, int puts,
                                                                ObjIntConsumer<M> put) {
        return MapGrowth.fill(label, map, puts, put);
    }

    /** A map's capacity now: the length of its table, 0 before its first put. */
    public static int capacity(HashMap<?, ?> map) {
        return MapGrowth.capacity(map);
    }

    /** The pooling lesson's server: how many threads handle requests. */
    public static final int SERVER_THREADS = JsonServer.THREADS;

    /** The pooling lesson's server: the largest request body it accepts (a larger one is a 413). */
    public static final int SERVER_BODY_LIMIT = JsonServer.BODY_LIMIT;

    /** The body of each request a pooling step sends, in bytes: what a scratch buffer holds. */
    public static final int REQUEST_BODY_BYTES = PoolStep.BODY_BYTES;

    /** The size of the few large requests that {@link #poolRetention(String)} sends among small ones. */
    public static final int LARGE_REQUEST_BYTES = PoolRetention.LARGE_BYTES;

    /** A pool that keeps nothing, so that every borrow allocates: the pooling lesson's baseline. */
    public static ScratchPool noPool() {
        return ScratchPool.none();
    }

    /** The pooling lesson's JSON server on loopback, in try-with-resources; {@code load()} loads it. */
    public static JsonServer serve(ScratchPool pool) throws IOException {
        return JsonServer.start(pool);
    }

    /** One pooling step measured under load (bytes per request, JFR's frames) and recorded. */
    public static PoolStep measurePool(String step, ScratchPool pool) throws IOException, InterruptedException {
        return PoolStep.recorded(step, pool);
    }

    /** The measured pooling steps side by side, recorded. */
    public static StepTable poolSteps(PoolStep... steps) {
        return SessionEvidence.current().record(StepTable.of(steps));
    }

    /** What pools keep while a few large requests arrive among small ones, as a series. */
    public static PoolRetention poolRetention(String name) {
        return PoolRetention.named(name);
    }

    /** A coverage-guided fuzz run (Jazzer) of a {@code %%jmh} cell's {@code fuzzerTestOneInput(byte[])}. */
    public static Fuzzer fuzz(Class<?> cellClass) throws IOException {
        return Fuzzer.ofCell(cellClass);
    }

    // Views: the VM, sentences that read numbers back, charts, layouts, bytecode, a cell's source.

    /** The running VM, as every number should be labelled. */
    public static Vm vm() {
        return Vm.current();
    }

    /** A sentence that reads measured numbers back: {@code note("valueReturn %s.", run.allocation(...))}. */
    public static Note note(String format, Object... args) {
        return Note.of(format, args);
    }

    /** Time and bytes per operation of a run, side by side, recorded. */
    public static Figure chart(BenchRun run) {
        return SessionEvidence.current().record(Charts.of(run));
    }

    /** A series as a line chart, recorded. */
    public static Figure chart(Series series) {
        return SessionEvidence.current().record(Charts.of(series));
    }

    /** Bytes and time per operation against a numeric {@code @Param}, recorded. */
    public static Figure chartBy(BenchRun run, String param) {
        return SessionEvidence.current().record(Charts.by(run, param));
    }

    /** The field layout of a class, as JOL computes it for this JVM, recorded. */
    public static Layout layout(Class<?> type) {
        return SessionEvidence.current().record(Layout.of(type));
    }

    /** The layout of one object (arrays included), recorded. */
    public static Layout layoutOf(Object instance) {
        return SessionEvidence.current().record(Layout.ofInstance(instance));
    }

    /** Everything reachable from {@code root}: how many objects of each type, how many bytes. */
    public static Footprint footprint(Object root) {
        return Footprint.of(root);
    }

    /** A class's bytecode as {@code javap -c -p -s} lists it: {@code bytecode(X.class).only("max")}. */
    public static Bytecode bytecode(Class<?> type) {
        return Bytecode.of(type);
    }

    /** The source of a {@code %%jmh} cell's benchmark class, as the learner wrote it. */
    public static String source(Class<?> benchmarkClass) {
        return CellClasses.shared().benchmark(benchmarkClass).source();
    }

    /** The Javadoc of a {@code %%jmh} cell's method, as written: {@code javadoc(Varint.class, "encode")}. */
    public static String javadoc(Class<?> type, String method) {
        return MethodJavadoc.of(type, method).orElse("");
    }

    // Checks of the acceptance criteria, and the checklist that shows and keeps them.

    /** A measured criterion: {@code check("…").measured(v, "B/op").allocatesNothing()}, or {@code .below(1)}. */
    public static Check.Measure check(String criterion) {
        return Check.that(criterion);
    }

    /** A criterion whose verdict the cell computed, with the evidence shown beside it. */
    public static Check verdict(String criterion, boolean passed, String evidence) {
        return Check.of(criterion, passed, evidence);
    }

    /** The task's checklist, shown in the cell and recorded. */
    public static Checklist checks(String title, Check... checks) {
        return SessionEvidence.current().record(Checklist.of(title, checks));
    }

    /** Whether a comment of a few words documents the line of a {@code %%jmh} cell holding {@code code}. */
    public static Check commented(String criterion, Class<?> cellClass, String code) {
        return CodeComment.check(criterion, cellClass, code);
    }

    /** Whether a call throws an exception whose message names the malformed field. */
    public static Check rejects(String criterion, String field, Runnable call) {
        return Rejection.of(criterion, field, call);
    }

    /** Whether a {@code %%jmh} cell's method has Javadoc stating every phrase (case and breaks ignored). */
    public static Check documented(String criterion, Class<?> type, String method, String... phrases) {
        return MethodJavadoc.check(criterion, type, method, phrases);
    }

    /** "In your own words": two sentences of the learner's own in the saved analysis cell; open until then. */
    public static Check analysisCheck(String notebook) throws IOException {
        return SavedNotebook.find(notebook).ownAnalysis().check();
    }

    // Submissions.

    /** The environment variable that names the submissions folder. */
    public static final String SUBMISSIONS_ENV = Submission.FOLDER_ENV;

    /** Exports this session's task to {@code submissions/<notebook>/} (replacing an earlier export whole) and says how many criteria it meets. */
    public static Exported submit(String notebook) throws IOException {
        return Submission.exportSession(notebook);
    }

    /** The analysis cells of the saved notebook, as last saved. */
    public static String analysis(String notebook) throws IOException {
        return SavedNotebook.find(notebook).analysisText();
    }
}

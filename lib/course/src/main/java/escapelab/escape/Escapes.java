package escapelab.escape;

import com.sun.management.HotSpotDiagnosticMXBean;
import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.JmhRunner;
import escapelab.bench.Profile;
import escapelab.bench.RunPlan;
import escapelab.bench.Variant;
import escapelab.cell.BenchClass;
import escapelab.cell.Folders;
import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Mistake;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * An escape report being set up: benchmark classes run in forked JVMs that write HotSpot's
 * compile log, read back against the bytecode of the classes in scope. It takes the words of a
 * bench run ({@link RunPlan}: {@code methods}, {@code param}, {@code jvmArgs},
 * {@code variant}, {@code profile}, {@code named}), with one variant at the most, and
 * {@code scope} for what to report on.
 *
 * <pre>{@code
 * EscapeReport report = escapes(FirstEscape.class).run();
 * EscapeReport off = escapes(FirstEscape.class).jvmArgs("-XX:-DoEscapeAnalysis").named("EA off").run();
 * EscapeReport newer = escapes(FirstEscape.class).variant(jdk(21).get().variant()).run();
 * EscapeReport hunt = escapes(CheckWorkload.class).scope("escapelab.check").run();
 * }</pre>
 */
public final class Escapes extends RunPlan<Escapes> {

    /** The flags that make a fork write its compile log: release JDKs log C2's eliminations there. */
    static List<String> logFlags(Path logFile) {
        return List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+LogCompilation", "-XX:LogFile=" + logFile,
                "-XX:+PrintInlining");
    }

    private final Path cellDir;
    private final List<String> packages = new ArrayList<>();
    private final List<Class<?>> packagesOf = new ArrayList<>();

    /**
     * Starts a report in the quick profile: enough for C2 to compile the benchmarks.
     *
     * @param classes the compiled benchmark cells to run
     * @param cellDir the folder they were compiled to, where their class files are read
     * @throws Mistake if no class is given
     */
    public Escapes(List<BenchClass> classes, Path cellDir) {
        super(classes, Profile.QUICK, "escapes(FirstEscape.class)");
        this.cellDir = cellDir;
    }

    /**
     * Reports on the classes of these packages (found on the class path) instead of the
     * benchmark cell's own: the benchmark is then a workload that exercises them.
     *
     * @throws Mistake if no package is named
     */
    public Escapes scope(String... packageNames) {
        if (packageNames == null || packageNames.length == 0) {
            throw new Mistake("name a package, e.g. scope(\"escapelab.check\")");
        }
        packages.addAll(List.of(packageNames));
        return this;
    }

    /**
     * Reports on the package of each class given, read from the jar or folder that class came
     * from: {@code scope(Check.class)} covers {@code escapelab.check} as the course ships it.
     *
     * @throws Mistake if no class is given
     */
    public Escapes scope(Class<?>... anchors) {
        if (anchors == null || anchors.length == 0) {
            throw new Mistake("name a class of the package, e.g. scope(Check.class)");
        }
        packagesOf.addAll(List.of(anchors));
        return this;
    }

    /**
     * Runs the forks with this variant: other flags, another JDK ({@code jdk(21).get().variant()}),
     * or both. One at the most: a report reads the compile logs of one configuration.
     *
     * @throws Mistake if a variant was given already
     */
    @Override
    public Escapes variant(Variant variant) {
        if (!variants().isEmpty()) {
            throw new Mistake("an escape report runs one variant (it has " + variants().get(0).label()
                    + "); make a second report for the other, e.g. escapes(...).variant(...).named(\"other\").run()");
        }
        return super.variant(variant);
    }

    /**
     * Runs the benchmarks with compile logging, reads the logs and records the report for the
     * submission.
     *
     * @throws IllegalStateException if the forked JVM wrote no compile log (not HotSpot)
     * @throws Mistake if a benchmark threw, or a scope names no package on the class path
     * @throws RunnerException if JMH fails otherwise
     */
    public EscapeReport run() throws RunnerException, IOException {
        Scope scope = scope();
        Path logs = Files.createTempDirectory("escapelab-compile-logs-");
        try {
            BenchRun run = JmhRunner.run(this, reportName(), logFlags(logs.resolve("hotspot_%p.log")), null);
            List<CompileLog> read = readLogs(logs, run.vmName());
            SiteReader reader = new SiteReader(Escapes.class.getClassLoader());
            List<Site> sites = new ArrayList<>();
            scope.classFiles().values().forEach(bytes -> sites.addAll(reader.read(bytes)));
            sites.sort(Comparator.comparing(Site::sourceFile).thenComparingInt(Site::line)
                    .thenComparingInt(Site::nthOnLine).thenComparing(s -> s.method().holder()).thenComparingInt(Site::bci));
            List<Finding> findings = new Verdicts(read, scope.contains(), reader::line, reader::compiled, arrayLimit())
                    .judge(sites);
            EscapeReport report = new EscapeReport(reportName(), scope.description(), run.vmName(), findings,
                    notes(read), bytesPerOp(run), 1);
            return SessionEvidence.current().record(report);
        } finally {
            Folders.deleteQuietly(logs);
        }
    }

    private Scope scope() throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        if (packages.isEmpty() && packagesOf.isEmpty()) {
            for (BenchClass c : classes()) {
                files.putAll(Scope.cellClasses(cellDir, c.topLevelClassName()));
            }
            return new Scope(String.join(", ", classes().stream().map(BenchClass::simpleName).toList()), files);
        }
        List<String> names = new ArrayList<>(packages);
        for (String pkg : packages) {
            files.putAll(Scope.packageClasses(Escapes.class.getClassLoader(), pkg));
        }
        for (Class<?> anchor : packagesOf) {
            files.putAll(Scope.packageOf(anchor));
            names.add(anchor.getPackageName());
        }
        return new Scope((names.size() == 1 ? "package " : "packages ") + String.join(", ", names), files);
    }

    /** Every compile log in the folder, one per forked JVM. */
    static List<CompileLog> readLogs(Path dir, String vm) throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
        if (files.isEmpty()) {
            throw new IllegalStateException("The escape report reads HotSpot's compile log (-XX:+LogCompilation), "
                    + "and the forked JVM wrote none: " + vm + ". Run it on a HotSpot JDK "
                    + "(OpenJDK, Temurin, Oracle), e.g. on(jdk(17).get().variant()).");
        }
        List<CompileLog> read = new ArrayList<>();
        for (Path file : files) {
            read.add(CompileLog.read(file));
        }
        return read;
    }

    private static List<String> notes(List<CompileLog> read) {
        List<String> notes = new ArrayList<>();
        notes.add("Read the compile logs of " + read.size() + " forked JVM" + (read.size() == 1 ? "" : "s")
                + "; where C2 compiled a method more than once, the last compilation is the one judged.");
        long early = read.stream().filter(l -> !l.complete()).count();
        if (early > 0) {
            notes.add(early + " compile log" + (early == 1 ? "" : "s")
                    + " ended early (a JVM that did not exit normally): what came before was read.");
        }
        return notes;
    }

    /** One figure per method and parameter set ({@code boxed(n=1000)}), and per variant where there are several. */
    private Map<String, Double> bytesPerOp(BenchRun run) {
        boolean variants = run.variants().size() > 1;
        Map<String, Double> bytes = new LinkedHashMap<>();
        for (BenchResult result : run.results()) {
            bytes.put(result.label() + (variants ? " [" + result.variant() + "]" : ""), result.bytesPerOp());
        }
        return bytes;
    }

    private static int arrayLimit() {
        try {
            return Integer.parseInt(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("EliminateAllocationArraySizeLimit").getValue());
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private String reportName() {
        List<String> names = new ArrayList<>(packages);
        packagesOf.forEach(c -> names.add(c.getPackageName()));
        return nameOr(names.isEmpty() ? classNames() : classNames() + "-" + String.join("-", names));
    }
}

package escapelab.escape;

import com.sun.management.HotSpotDiagnosticMXBean;
import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.CompileLogs;
import escapelab.bench.JmhRunner;
import escapelab.bench.Profile;
import escapelab.bench.RunPlan;
import escapelab.bench.Variant;
import escapelab.cell.BenchClass;
import escapelab.cell.Folders;
import escapelab.measure.OwnedFolders;
import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Mistake;
import org.openjdk.jmh.runner.RunnerException;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * EscapeReport measured = escapes(firstEscape).run();   // a bench run's own forks: no fork of its own
 * }</pre>
 */
public final class Escapes extends RunPlan<Escapes> {

    private final Path cellDir;
    private final BenchRun measured;
    private String measuredVariant;
    private final List<String> packages = new ArrayList<>();
    private final List<Class<?>> packagesOf = new ArrayList<>();
    private final List<String> flags = new ArrayList<>();

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
        this.measured = null;
    }

    /**
     * Starts a report read from the compile logs that a bench run's forks wrote: it starts no
     * fork. {@code methods(...)} narrows it to some of the run's benchmarks and {@code scope(...)}
     * works as for any report; the run's parameters, flags and JDK are the report's.
     *
     * @param measured the run whose forks are read
     * @param cellDir the folder its classes were compiled to
     * @throws Mistake if no run is given
     */
    public Escapes(BenchRun measured, Path cellDir) {
        super(measuredClasses(measured), measured.profile(), "escapes(run)");
        this.cellDir = cellDir;
        this.measured = measured;
    }

    private static List<BenchClass> measuredClasses(BenchRun measured) {
        if (measured == null) {
            throw new Mistake("pass a finished run, e.g. var run = bench(FirstEscape.class).run(); escapes(run).run()");
        }
        return measured.classes();
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
        if (measured != null) {
            return measuredVariant(variant);
        }
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
        if (measured != null) {
            return SessionEvidence.current().record(report(scope, measuredLogs(), measured));
        }
        // Deleted below, or, where the kernel is killed mid-run, by the next kernel's first run.
        Path logs = OwnedFolders.createTemporary(CompileLogs.PREFIX);
        try {
            BenchRun run = JmhRunner.run(this, reportName(), CompileLogs.flags(logs.resolve("hotspot_%p.log")), null);
            return SessionEvidence.current().record(report(scope, readLogs(listLogs(logs), run.vmName()), run));
        } finally {
            Folders.deleteQuietly(logs);
        }
    }

    private String readVariant() {
        return measuredVariant != null ? measuredVariant : measured.variants().get(0);
    }

    /** Picks which of the measured run's variants to read, by its label alone. */
    private Escapes measuredVariant(Variant variant) {
        if (variant == null || !measured.variants().contains(variant.label()) || !variant.jvmArgs().isEmpty()
                || variant.javaHome() != null) {
            throw new Mistake("a report of a run reads one of its variants, named by its label alone: "
                    + measured.name() + " has " + measured.variants() + ", e.g. escapes(run).variant(\""
                    + measured.variants().get(0) + "\")");
        }
        measuredVariant = variant.label();
        return this;
    }

    /** The measured run's compile logs: of its one variant, and of the methods chosen. */
    private List<CompileLog> measuredLogs() throws IOException {
        List<String> refused = wordsBeyondChoosing();
        if (!refused.isEmpty()) {
            throw new Mistake("a report of a run reads that run's forks, so " + String.join(", ", refused)
                    + " cannot change them: methods(...), param(...) and scope(...) choose what it shows; for other "
                    + "settings, escapes(" + classNames().replace("-", ".class, ") + ".class)... runs its own forks");
        }
        if (!measured.compileLogs().recorded()) {
            throw new Mistake("the run " + measured.name() + " recorded no compile log (" + CompileLogs.ENV
                    + "=off, or its flags logged compilations already): run escapes(" + classNames()
                    .replace("-", ".class, ") + ".class).run() instead");
        }
        String variant = readVariant();
        if (measuredVariant == null && measured.variants().size() > 1) {
            throw new Mistake("a report reads one configuration, and " + measured.name() + " ran "
                    + measured.variants().size() + " variants: name one, e.g. escapes(run).variant(\""
                    + variant + "\")");
        }
        return readLogs(measured.compileLogs().files(variant, chosenMethods(), chosenParams()), measured.vmName());
    }

    /** The report of the compile logs read, against the classes in scope, with the run's bytes per operation. */
    private EscapeReport report(Scope scope, List<CompileLog> read, BenchRun run) {
        SiteReader reader = new SiteReader(Escapes.class.getClassLoader());
        List<Site> sites = new ArrayList<>();
        scope.classFiles().values().forEach(bytes -> sites.addAll(reader.read(bytes)));
        sites.sort(Comparator.comparing(Site::sourceFile).thenComparingInt(Site::line)
                .thenComparingInt(Site::nthOnLine).thenComparing(s -> s.method().holder()).thenComparingInt(Site::bci));
        Verdicts verdicts = new Verdicts(read, scope.contains(), reader::line, reader::compiled, arrayLimit())
                .explainedBy(new Flows(name -> classBytes(scope, name))).flags(forkFlags());
        Map<String, Double> bytes = bytesPerOp(run);
        Map<String, List<String>> benchmarks = benchmarks();
        List<Finding> findings = Measured.reconcile(verdicts.judge(sites), bytes, benchmarks);
        List<String> notes = notes(read);
        if (measured != null) {
            notes.add(0, "Read from the forks of the run " + measured.name() + ": no fork of its own.");
        }
        notes.addAll(verdicts.compilationsRead());
        notes.addAll(Measured.unexplained(findings, bytes, benchmarks));
        return new EscapeReport(reportName(), scope.description(), run.vmName(), findings, notes, bytes, 1);
    }

    /**
     * Adds JVM flags to every fork; a flag that turns escape analysis off becomes the report's
     * reason for every site it keeps.
     */
    @Override
    public Escapes jvmArgs(String... flags) {
        super.jvmArgs(flags);
        if (flags != null) {
            this.flags.addAll(List.of(flags));
        }
        return this;
    }

    /** The benchmark methods of each class given, by binary name ({@code cells.Outer$Maps}). */
    private Map<String, List<String>> benchmarks() {
        Map<String, List<String>> benchmarks = new LinkedHashMap<>();
        for (BenchClass c : classes()) {
            int dot = c.name().length() - c.simpleName().length();
            String binary = c.name().substring(0, dot) + c.simpleName().replace('.', '$');
            benchmarks.put(binary, c.benchmarks());
            benchmarks.put(c.name(), c.benchmarks());
        }
        return benchmarks;
    }

    /** The flags the forks ran with: jvmArgs and the variant's. */
    private List<String> forkFlags() {
        List<String> all = new ArrayList<>(flags);
        variants().forEach(v -> all.addAll(v.jvmArgs()));
        return all;
    }

    /** A class file of the scope, or else one the course's class loader finds (the JDK's, a library's). */
    private static Optional<byte[]> classBytes(Scope scope, String name) {
        byte[] own = scope.classFiles().get(name);
        if (own != null) {
            return Optional.of(own);
        }
        try (InputStream in = Escapes.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /**
     * Runs the report and gives it with the reasons behind each site left on the heap:
     * {@code escapes(FirstEscape.class).detailed()} is {@code escapes(FirstEscape.class).run().detailed()}.
     */
    public EscapeReport detailed() throws RunnerException, IOException {
        return run().detailed();
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

    private static List<Path> listLogs(Path dir) throws IOException {
        try (Stream<Path> listed = Files.list(dir)) {
            return listed.filter(f -> f.getFileName().toString().endsWith(".log")).sorted().toList();
        }
    }

    /** Every compile log in the folder, one per forked JVM. */
    static List<CompileLog> readLogs(Path dir, String vm) throws IOException {
        return readLogs(listLogs(dir), vm);
    }

    /** These compile logs, one per forked JVM. */
    static List<CompileLog> readLogs(List<Path> files, String vm) throws IOException {
        if (files.isEmpty()) {
            throw new IllegalStateException("The escape report reads HotSpot's compile log (-XX:+LogCompilation), "
                    + "and the forked JVM wrote none: " + vm + ". Run it on a HotSpot JDK "
                    + "(OpenJDK, Temurin, Oracle), e.g. escapes(...).variant(jdk(17).get().variant()).run().");
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
        boolean variants = measured == null && run.variants().size() > 1;
        Map<String, Double> bytes = new LinkedHashMap<>();
        List<String> methods = chosenMethods();
        for (BenchResult result : run.results()) {
            if (!methods.isEmpty() && !methods.contains(result.method())
                    || measured != null && !result.variant().equals(readVariant())
                    || chosenParams().entrySet().stream()
                            .anyMatch(p -> !List.of(p.getValue()).contains(result.params().get(p.getKey())))) {
                continue;
            }
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

package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.evidence.Evidence;
import escapelab.evidence.HtmlTables;
import escapelab.evidence.Numbers;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;
import org.openjdk.jmh.util.ScoreFormatter;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The immutable outcome of one {@link Bench#run()}: a result per benchmark, parameter set and
 * variant, with JMH's own text and JSON.
 *
 * @param name the run's name, used for files in a submission
 * @param profile how it was measured
 * @param vm the forked JVMs and their common flags, as every number should be labelled:
 *           {@code "<VM name> <version>, forks with <flags>"}
 * @param classes the benchmark classes, with their sources
 * @param results every measurement
 * @param text JMH's result tables, one per variant
 * @param log JMH's full console output
 * @param json JMH's JSON results, each tagged with its variant
 * @param started when the run started
 * @param took how long it took
 * @param notes what the run changed of the benchmarks' own run shape, shown under the results
 * @param compileLogs what its forks' compilers logged, which an escape report of the run reads
 */
public record BenchRun(String name, Profile profile, String vm, List<BenchClass> classes, List<BenchResult> results,
                       String text, String log, String json, Instant started, Duration took, List<String> notes,
                       CompileLogs compileLogs)
        implements MimeBundle, Evidence {

    public BenchRun {
        classes = List.copyOf(classes);
        results = List.copyOf(results);
        notes = List.copyOf(notes);
    }

    /** A run with nothing to say of the benchmarks' own run shape. */
    public BenchRun(String name, Profile profile, String vm, List<BenchClass> classes, List<BenchResult> results,
                    String text, String log, String json, Instant started, Duration took) {
        this(name, profile, vm, classes, results, text, log, json, started, took, List.of(), CompileLogs.NONE);
    }

    /** The forked JVM alone, e.g. {@code OpenJDK 64-Bit Server VM 17.0.21}, without the flags. */
    public String vmName() {
        int forks = vm.indexOf(FORKS_WITH);
        return forks < 0 ? vm : vm.substring(0, forks);
    }

    /** Where {@link #vm} turns from the JVM to its flags; {@link Bench} writes it. */
    static final String FORKS_WITH = ", forks with ";

    /**
     * The one result of {@code method} (in any variant and parameter set).
     *
     * @throws escapelab.notebook.Mistake if there is none, or several (then name the variant)
     */
    public BenchResult result(String method) {
        return only(method, method, r -> r.method().equals(method));
    }

    /** The result of {@code method} under the variant labelled {@code variant}. */
    public BenchResult result(String method, String variant) {
        return only(method, method + " [" + variant + "]",
                r -> r.method().equals(method) && r.variant().equals(variant));
    }

    /** Bytes allocated per operation by {@code method}; see {@link #result(String)}. */
    public double bytesPerOp(String method) {
        return result(method).bytesPerOp();
    }

    /** Bytes allocated per operation by {@code method} under {@code variant}. */
    public double bytesPerOp(String method, String variant) {
        return result(method, variant).bytesPerOp();
    }

    /**
     * The results measured with one {@code @Param} value, as a run of their own, such as
     * {@code run.where("n", "128").bytesPerOp("dumpObject")}.
     *
     * @throws Mistake naming the values there are, if no result has that value
     */
    public BenchRun where(String param, String value) {
        List<BenchResult> matching = results.stream().filter(r -> value != null && value.equals(r.params().get(param)))
                .toList();
        if (matching.isEmpty()) {
            Set<String> values = new LinkedHashSet<>();
            results.forEach(r -> values.add(param + "=" + r.params().get(param)));
            throw new Mistake("no result with " + param + "=" + value + " in " + name + "; it has " + values);
        }
        return new BenchRun(name + " (" + param + "=" + value + ")", profile, vm, classes, matching, text, log, json,
                started, took, notes, compileLogs);
    }

    /**
     * What {@code method} allocates, in words a sentence can carry: {@code allocates nothing
     * (≈0 B/op)} or {@code allocates 24 B/op (1 Point/op)}; see {@link #result(String)}.
     */
    public Allocation allocation(String method) {
        return Allocation.of(result(method));
    }

    /** What {@code method} allocates under {@code variant}, in words. */
    public Allocation allocation(String method, String variant) {
        return Allocation.of(result(method, variant));
    }

    /** Objects per operation of the type given to {@link Bench#objectsOf(Class)}. */
    public double objectsPerOp(String method) {
        return result(method).objectsPerOp();
    }

    /** Objects per operation under {@code variant}. */
    public double objectsPerOp(String method, String variant) {
        return result(method, variant).objectsPerOp();
    }

    /**
     * The unit of objects per operation, named after the type given to
     * {@link Bench#objectsOf(Class)}: {@code Point/op}; {@code objects/op} when none was given.
     * The results table heads its column so; checks of objects per operation should say the same.
     */
    public String objectsUnit() {
        return results.stream().map(BenchResult::objectType).filter(t -> t != null).findFirst().orElse("objects")
                + "/op";
    }

    /** The variants' labels, in run order. */
    public List<String> variants() {
        Set<String> labels = new LinkedHashSet<>();
        results.forEach(r -> labels.add(r.variant()));
        return List.copyOf(labels);
    }

    /** The results as a table: benchmark, parameters, variant, score, error, unit, B/op, objects/op. */
    public Table table() {
        Set<String> paramNames = new LinkedHashSet<>();
        results.forEach(r -> paramNames.addAll(r.params().keySet()));
        Table table = Table.create(name);
        table.addColumns(StringColumn.create("benchmark", results.stream().map(BenchResult::benchmark).toList()));
        for (String param : paramNames) {
            table.addColumns(StringColumn.create(param,
                    results.stream().map(r -> r.params().getOrDefault(param, "")).toList()));
        }
        if (variants().size() > 1 || !variants().contains("default")) {
            table.addColumns(StringColumn.create("variant", results.stream().map(BenchResult::variant).toList()));
        }
        if (modes().size() > 1) {
            table.addColumns(StringColumn.create("mode", results.stream().map(BenchResult::mode).toList()));
        }
        // Score and error as JMH prints them: a score of 2E-4 s/op is not 0.
        table.addColumns(
                StringColumn.create("score", results.stream().map(r -> ScoreFormatter.format(r.score())).toList()),
                StringColumn.create("error", results.stream().map(r -> ScoreFormatter.format(r.error())).toList()),
                StringColumn.create("unit", results.stream().map(BenchResult::unit).toList()),
                DoubleColumn.create("B/op", results.stream().mapToDouble(r -> Numbers.round(r.bytesPerOp())).toArray()));
        if (results.stream().anyMatch(r -> r.objectType() != null)) {
            table.addColumns(DoubleColumn.create(objectsUnit(),
                    results.stream().mapToDouble(r -> Numbers.round(r.objectsPerOp())).toArray()));
        }
        return table;
    }

    /** JMH's modes measured, in run order: {@code avgt}, {@code thrpt}, {@code sample}, {@code ss}. */
    public List<String> modes() {
        Set<String> modes = new LinkedHashSet<>();
        results.forEach(r -> modes.add(r.mode()));
        return List.copyOf(modes);
    }

    /**
     * The results measured in one of JMH's modes, as a run of their own, such as
     * {@code run.mode("avgt").result("measureAll")} for a benchmark of {@code Mode.All}.
     *
     * @throws Mistake naming the modes there are, if no result has that mode
     */
    public BenchRun mode(String mode) {
        List<BenchResult> matching = results.stream().filter(r -> r.mode().equals(mode)).toList();
        if (matching.isEmpty()) {
            throw new Mistake("no result in mode " + mode + " in " + name + "; its modes are " + modes());
        }
        return new BenchRun(name + " (" + mode + ")", profile, vm, classes, matching, text, log, json, started, took,
                notes, compileLogs);
    }

    /**
     * What else JMH measured, one row per figure: percentiles of a sample-time run, the members of
     * a {@code @Group}, {@code @AuxCounters}; empty where there is none.
     */
    public Table secondaryTable() {
        Table table = Table.create(name + ": more of what JMH measured");
        List<String[]> rows = new ArrayList<>();
        for (BenchResult r : results) {
            for (BenchResult.Secondary s : r.secondary()) {
                rows.add(new String[] {r.label() + ":" + s.label(), r.variant(), r.mode(), ScoreFormatter.format(s.score()),
                        ScoreFormatter.format(s.error()), s.unit()});
            }
        }
        String[] names = {"benchmark", "variant", "mode", "score", "error", "unit"};
        boolean oneVariant = variants().size() == 1 && variants().contains("default");
        for (int c = 0; c < names.length; c++) {
            int column = c;
            if (c != 1 || !oneVariant) {
                table.addColumns(StringColumn.create(names[c], rows.stream().map(row -> row[column]).toList()));
            }
        }
        return table;
    }

    @Override
    public Map<String, String> mimeBundle() {
        Table table = table();
        Table more = secondaryTable();
        String html = HtmlTables.html(table) + (more.rowCount() == 0 ? "" : HtmlTables.html(more));
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", "<div><b>" + MimeBundle.escapeHtml(name) + "</b> &middot; "
                + MimeBundle.escapeHtml(profile.describe()) + " &middot; " + took.toSeconds() + " s<br><small>"
                + MimeBundle.escapeHtml(vm) + "</small>" + html + notes.stream()
                .map(n -> "<br><small>" + MimeBundle.escapeHtml(n) + "</small>").collect(Collectors.joining()) + "</div>");
        bundle.put("text/plain", name + " (" + profile.describe() + ")\n" + vm + "\n" + table.printAll()
                + (more.rowCount() == 0 ? "" : "\n" + more.printAll())
                + notes.stream().map(n -> "\n" + n).collect(Collectors.joining()));
        return bundle;
    }

    @Override
    public String toString() {
        return mimeBundle().get("text/plain");
    }

    private BenchResult only(String method, String what, Predicate<BenchResult> match) {
        List<BenchResult> found = new ArrayList<>();
        for (BenchResult r : results) {
            if (match.test(r)) {
                found.add(r);
            }
        }
        if (found.size() == 1) {
            return found.get(0);
        }
        List<String> known = results.stream().map(r -> r.label() + " [" + r.variant() + "]").toList();
        if (found.isEmpty()) {
            // A benchmark that threw has no result: say why, with the line that threw.
            String why = notes.stream().filter(n -> n.contains("." + method + " threw ")
                    || n.contains("." + method + " failed: ")).findFirst().map(n -> ": " + n).orElse("");
            throw new Mistake("no result for " + what + why + "; this run has " + known);
        }
        Set<String> foundModes = new LinkedHashSet<>();
        found.forEach(r -> foundModes.add(r.mode()));
        if (foundModes.size() > 1) {
            throw new Mistake(found.size() + " results for " + what + ", one per mode " + foundModes
                    + ": name the mode, e.g. run.mode(\"" + foundModes.iterator().next() + "\")");
        }
        throw new Mistake(found.size() + " results for " + what + " (one per variant or parameter); name the variant: "
                + known);
    }

    @Override
    public Section section() {
        return Section.BENCHMARKS;
    }

    /** Its profile, duration and JMH's result tables, with the names of its JSON and log files. */
    @Override
    public String markdown() {
        String file = Evidence.fileName(name);
        return "### " + name + "\n\n" + profile.describe() + "; " + took.toSeconds() + " s. JMH's JSON: `jmh/" + file
                + ".json`, full log: `jmh/" + file + ".log`.\n\n```\n" + text.strip() + "\n```\n"
                + notes.stream().map(n -> "\n" + n + "\n").collect(Collectors.joining());
    }

    /** JMH's result tables, JSON and full log, under {@code jmh/}. */
    @Override
    public Map<String, byte[]> files() {
        String file = "jmh/" + Evidence.fileName(name);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(file + ".txt", text.getBytes(StandardCharsets.UTF_8));
        files.put(file + ".json", json.getBytes(StandardCharsets.UTF_8));
        files.put(file + ".log", log.getBytes(StandardCharsets.UTF_8));
        return files;
    }

    @Override
    public boolean isMeasurement() {
        return true;
    }
}

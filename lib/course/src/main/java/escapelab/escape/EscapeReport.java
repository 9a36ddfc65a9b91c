package escapelab.escape;

import escapelab.check.Check;
import escapelab.evidence.Evidence;
import escapelab.evidence.HtmlTables;
import escapelab.evidence.Numbers;
import escapelab.notebook.MimeBundle;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which allocations C2 removed and which stayed on the heap, site by site: the JVM's answer
 * to {@code go build -gcflags=-m}. Level 1 gives one line per site and context; level 2
 * ({@link #detailed()}) adds the inlining decisions and limits that explain a site left in place.
 *
 * @param name the report's name, for the submission's file
 * @param scope what it covers, e.g. {@code FirstEscape} or {@code package escapelab.check}
 * @param vm the JVM the forks ran
 * @param findings one per site and context, in bytecode order
 * @param notes what was read: how many compile logs, whether one ended early
 * @param bytesPerOp JMH's bytes per operation of each benchmark method, from the same run: one per
 *                   parameter set where the class has {@code @Param}s, e.g. {@code boxed(n=1000)}
 * @param level 1 for verdicts, 2 for verdicts with reasons
 */
public record EscapeReport(String name, String scope, String vm, List<Finding> findings, List<String> notes,
                           Map<String, Double> bytesPerOp, int level) implements MimeBundle, Evidence {

    public EscapeReport {
        findings = List.copyOf(findings);
        notes = List.copyOf(notes);
        bytesPerOp = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(bytesPerOp));
    }

    /** The same report with the reasons behind each site left in place (the {@code -m=2} analogue). */
    public EscapeReport detailed() {
        return new EscapeReport(name, scope, vm, findings, notes, bytesPerOp, 2);
    }

    /**
     * Site counts over distinct sites: a site counts as eliminated only if it was removed in
     * every context it was compiled in, as kept only if it was kept in all of them; in a context
     * whose compiled copies disagree, the copy the measurement ran decides.
     *
     * @param allocationSites objects, arrays, boxes, capturing lambdas and string concatenations
     *                        (non-capturing lambdas allocate nothing and are not counted)
     * @param eliminated allocation sites removed everywhere they were compiled
     * @param kept allocation sites left on the heap everywhere they were compiled
     * @param mixed allocation sites removed in some contexts, kept in others
     * @param pruned allocation sites C2 left out of the code it compiled: paths never taken
     * @param notC2Compiled allocation sites no C2 compilation contains
     * @param lockSites synchronized blocks and calls to synchronized methods
     * @param locksElided lock sites elided everywhere they were compiled
     */
    public record Counts(int allocationSites, int eliminated, int kept, int mixed, int pruned, int notC2Compiled,
                         int lockSites, int locksElided) {

        /** Allocation sites in C2-compiled code: the ones escape analysis had a say on. */
        public int compiled() {
            return allocationSites - pruned - notC2Compiled;
        }

        @Override
        public String toString() {
            return allocationSites + " allocation site" + (allocationSites == 1 ? "" : "s") + ": "
                    + eliminated + " scalar-replaced or removed, " + kept + " on the heap, "
                    + (mixed > 0 ? mixed + " depending on the caller, " : "")
                    + pruned + " on paths never taken, " + notC2Compiled + " never compiled by C2. "
                    + lockSites + " lock site" + (lockSites == 1 ? "" : "s") + ": " + locksElided + " elided.";
        }
    }

    /** The counts task 9 asks for. */
    public Counts counts() {
        Map<Site, List<Finding.Outcome>> bySite = new LinkedHashMap<>();
        for (Finding f : findings) {
            bySite.computeIfAbsent(f.site(), s -> new ArrayList<>()).add(f.measured());
        }
        int sites = 0, eliminated = 0, kept = 0, mixed = 0, pruned = 0, notCompiled = 0, locks = 0, elided = 0;
        for (Map.Entry<Site, List<Finding.Outcome>> entry : bySite.entrySet()) {
            // Contexts where the site was cut off say nothing about escape when others compiled it.
            List<Finding.Outcome> outcomes = entry.getValue().stream().allMatch(o -> o == Finding.Outcome.PRUNED)
                    ? entry.getValue()
                    : entry.getValue().stream().filter(o -> o != Finding.Outcome.PRUNED).toList();
            boolean allRemoved = outcomes.stream().allMatch(o -> o == Finding.Outcome.ELIMINATED);
            // A benchmark that was not run says nothing: its sites stay out of the totals.
            if (entry.getKey().kind() == Site.Kind.NON_CAPTURING_LAMBDA
                    || outcomes.stream().allMatch(o -> o == Finding.Outcome.NOT_RUN)) {
                continue;
            }
            if (entry.getKey().kind() == Site.Kind.LOCK) {
                locks++;
                elided += allRemoved ? 1 : 0;
                continue;
            }
            sites++;
            if (outcomes.contains(Finding.Outcome.NOT_C2_COMPILED)) {
                notCompiled++;
            } else if (outcomes.contains(Finding.Outcome.PRUNED)) {
                pruned++;
            } else if (allRemoved) {
                eliminated++;
            } else if (outcomes.stream().allMatch(o -> o == Finding.Outcome.KEPT)) {
                kept++;
            } else {
                mixed++;
            }
        }
        return new Counts(sites, eliminated, kept, mixed, pruned, notCompiled, locks, elided);
    }

    /**
     * The finding for a site in a context.
     *
     * @param what the site as the report names it, e.g. {@code new Point}, or with its place on the
     *             line where several have that name: {@code new Point (2nd on the line)}
     * @param context the method, e.g. {@code valueReturn} (or {@code Class.method} outside the site's class)
     */
    public Optional<Finding> find(String what, String context) {
        return findings.stream()
                .filter(f -> f.site().what().equals(what) || f.site().label().equals(what))
                .filter(f -> named(f, context))
                .findFirst();
    }

    /** Whether the finding's context is the one named: as the report shows it, as Class.method, or by its bytecode name. */
    private static boolean named(Finding f, String context) {
        return f.contextName().equals(context) || f.context().display().equals(context)
                || f.context().bytecodeName().equals(context)
                || (f.context().name().equals(context) && f.context().holder().equals(f.site().method().holder()));
    }

    /**
     * What C2 did with a site in a context.
     *
     * @throws IllegalArgumentException naming the sites there are, if there is no such site
     */
    public Finding.Outcome outcome(String what, String context) {
        return find(what, context).map(Finding::outcome).orElseThrow(() -> new IllegalArgumentException(
                "the report has no '" + what + "' in " + context + "; it has: " + findings.stream()
                        .map(f -> f.site().label() + " in " + f.contextName()).distinct()
                        .collect(Collectors.joining(", "))));
    }

    /**
     * A live check: the site is scalar-replaced (removed, elided) in that context, in the code the
     * measurement ran where its compiled copies disagree.
     */
    public Check eliminated(String what, String context) {
        // In the report's own words: a box is removed, a lock elided, an object scalar-replaced.
        return expect(what, context, Finding.Outcome.ELIMINATED,
                find(what, context).map(Finding::removed).orElse("scalar-replaced"));
    }

    /**
     * A live check: the site stays on the heap (the lock is taken) in that context, in the code the
     * measurement ran where its compiled copies disagree.
     */
    public Check kept(String what, String context) {
        return expect(what, context, Finding.Outcome.KEPT, "on the heap");
    }

    /**
     * A live check: no allocation site is compiled into that context at all, as the typed
     * version of a method that boxes should show. Sites on paths C2 cut off (never taken while
     * profiling, such as a parser's exceptions) are not compiled into it and do not count.
     */
    public Check noAllocationIn(String context) {
        List<String> found = findings.stream()
                .filter(f -> named(f, context))
                .filter(f -> f.site().kind().allocates())
                // A site on a path C2 cut off (an exception's, say) is not in the compiled code.
                .filter(f -> f.measured() != Finding.Outcome.PRUNED)
                .map(Finding::line).toList();
        return Check.of("the escape report finds no allocation site in " + context, found.isEmpty(),
                found.isEmpty() ? "no allocation site compiled into " + context : String.join("; ", found));
    }

    private Check expect(String what, String context, Finding.Outcome expected, String words) {
        // No colon in the criterion: "[PASS] criterion: evidence" stays easy to read and to parse.
        String criterion = "the escape report shows " + what + " " + words + " in " + context;
        return find(what, context)
                .map(f -> Check.of(criterion, f.measured() == expected, f.line()))
                .orElseGet(() -> Check.of(criterion, false, "no '" + what + "' compiled in " + context
                        + " in this report"));
    }

    /** The report as text: a line per site and context, then the counts. */
    public String text() {
        StringBuilder text = new StringBuilder();
        text.append("Escape report: ").append(scope).append(" (").append(vm).append(")\n");
        for (int i = 0; i < findings.size(); i++) {
            Finding f = findings.get(i);
            int folded = foldedFrom(i);
            if (folded > i + 1) {
                text.append(foldedLine(findings.subList(i, folded))).append('\n');
                if (level >= 2) {
                    f.reasons().forEach(r -> text.append("    why: ").append(r).append('\n'));
                }
                i = folded - 1;
                continue;
            }
            text.append(f.line()).append('\n');
            if (level >= 2) {
                if (f.copies() > 1 && f.outcome() != Finding.Outcome.PARTLY) {
                    // Inlined in several places, or compiled again on stack: the verdict holds in each.
                    text.append("    note: compiled in ").append(f.copies()).append(" copies, ")
                            .append(f.outcomeInWords()).append(" in each\n");
                }
                f.notes().forEach(n -> text.append("    note: ").append(n).append('\n'));
                f.reasons().forEach(r -> text.append("    why: ").append(r).append('\n'));
            }
        }
        text.append(counts()).append('\n');
        if (!bytesPerOp.isEmpty()) {
            text.append(measuredInTheSameRun()).append('\n');
        }
        notes.forEach(n -> text.append(n).append('\n'));
        return text.toString();
    }

    /**
     * The end of the run of findings from {@code i} that say the same of the same method: never
     * compiled by C2 (a constructor, a set-up method that ran too rarely) or not run. One line says it.
     */
    private int foldedFrom(int i) {
        Finding first = findings.get(i);
        if (first.outcome() != Finding.Outcome.NOT_C2_COMPILED && first.outcome() != Finding.Outcome.NOT_RUN) {
            return i + 1;
        }
        int end = i + 1;
        while (end < findings.size() && findings.get(end).outcome() == first.outcome()
                && findings.get(end).context().equals(first.context())) {
            end++;
        }
        return end;
    }

    /** {@code Point.java:10-14: 3 sites (new Point, new int[4], box Integer): never compiled by C2 in Point's constructor}. */
    private static String foldedLine(List<Finding> run) {
        Finding first = run.get(0);
        Finding last = run.get(run.size() - 1);
        String lines = first.site().line() == last.site().line() || last.site().line() < 0 ? first.site().position()
                : first.site().position() + "-" + last.site().line();
        return lines + ": " + run.size() + " sites (" + String.join(", ", run.stream().map(f -> f.site().label())
                .distinct().toList()) + "): " + first.verdict();
    }

    /** The findings as a table: position, site, context, verdict (and, at level 2, why). */
    public Table table() {
        Table table = Table.create("Escape report: " + scope,
                StringColumn.create("position", findings.stream().map(f -> f.site().position())),
                StringColumn.create("site", findings.stream().map(f -> f.site().label())),
                StringColumn.create("in", findings.stream().map(this::contextShown)),
                StringColumn.create("verdict", findings.stream().map(Finding::outcomeInWords)),
                IntColumn.create("compiled copies", findings.stream().mapToInt(Finding::copies).toArray()));
        if (level >= 2) {
            table.addColumns(StringColumn.create("why", findings.stream().map(EscapeReport::why)));
        }
        return table;
    }

    /**
     * The context's name, with its parameter types where the report holds overloads of the same
     * name (two constructors, say), so that their rows tell apart.
     */
    private String contextShown(Finding f) {
        String name = f.contextName();
        boolean overloaded = findings.stream().filter(o -> o.contextName().equals(name)).map(Finding::context)
                .distinct().count() > 1;
        return overloaded ? name + f.context().parameters() : name;
    }

    /** The notes and reasons of a finding in one cell, each once. */
    private static String why(Finding f) {
        Set<String> all = new LinkedHashSet<>(f.notes());
        all.addAll(f.reasons());
        return String.join("; ", all);
    }

    /**
     * {@code Measured in the same run: sum 0 B/op, boxed(n=100) ≈0 B/op, boxed(n=1000) 16 B/op}:
     * below {@link Measured#NONE} a figure is noise, as the verdicts read it.
     */
    private String measuredInTheSameRun() {
        return "Measured in the same run: " + bytesPerOp.entrySet().stream()
                .map(e -> e.getKey() + " " + (e.getValue() != 0 && Math.abs(e.getValue()) < Measured.NONE
                        ? "≈0 B/op" : Numbers.quantity(e.getValue(), "B/op")))
                .collect(Collectors.joining(", ")) + ".";
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/plain", text());
        String summary = MimeBundle.escapeHtml(counts() + (bytesPerOp.isEmpty() ? "" : " " + measuredInTheSameRun()));
        bundle.put("text/html", "<div class=\"escape-report\"><p><b>Escape report: " + MimeBundle.escapeHtml(scope)
                + "</b> (" + MimeBundle.escapeHtml(vm) + ")</p>" + HtmlTables.html(table()) + "<p>" + summary + "</p>"
                + notes.stream().map(n -> "<p><i>" + MimeBundle.escapeHtml(n) + "</i></p>").collect(Collectors.joining())
                + "</div>");
        return bundle;
    }

    @Override
    public Section section() {
        return Section.ESCAPE_REPORTS;
    }

    /** The report's text, with the name of the file that holds it with its reasons. */
    @Override
    public String markdown() {
        return "### " + scope + " on " + vm + "\n\nWith reasons: `" + reasonsFile() + "`.\n\n```\n" + text().strip()
                + "\n```\n";
    }

    /** The detailed report (with the reasons), under {@code escape/}. */
    @Override
    public Map<String, byte[]> files() {
        return Map.of(reasonsFile(), detailed().text().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public boolean isMeasurement() {
        return true;
    }

    private String reasonsFile() {
        return "escape/" + Evidence.fileName(name) + ".txt";
    }

    @Override
    public String toString() {
        return text();
    }
}

package escapelab;

import escapelab.bench.BenchRun;
import escapelab.bench.Series;
import escapelab.check.Checklist;
import escapelab.escape.EscapeReport;
import escapelab.view.Figure;
import escapelab.view.Layout;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What this notebook session has measured and shown, for its submission. Each kind is kept by
 * name, so re-running a cell replaces its earlier result instead of adding a stale one.
 */
final class Session {

    static final Session CURRENT = new Session();

    private final Map<String, BenchRun> runs = new LinkedHashMap<>();
    private final Map<String, Figure> figures = new LinkedHashMap<>();
    private final Map<String, Checklist> checklists = new LinkedHashMap<>();
    private final Map<String, Layout> layouts = new LinkedHashMap<>();
    private final Map<String, Series> series = new LinkedHashMap<>();
    private final Map<String, EscapeReport> escapeReports = new LinkedHashMap<>();
    private Instant lastMeasured;

    synchronized BenchRun record(BenchRun run) {
        runs.put(run.name(), run);
        lastMeasured = Instant.now();
        return run;
    }

    synchronized Figure record(Figure figure) {
        figures.put(figure.name(), figure);
        return figure;
    }

    synchronized Checklist record(Checklist checklist) {
        checklists.put(checklist.title(), checklist);
        return checklist;
    }

    synchronized Layout record(Layout layout) {
        layouts.put(layout.typeName(), layout);
        return layout;
    }

    synchronized Series record(Series measured) {
        series.put(measured.name(), measured);
        lastMeasured = Instant.now();
        return measured;
    }

    synchronized EscapeReport record(EscapeReport report) {
        escapeReports.put(report.name(), report);
        lastMeasured = Instant.now();
        return report;
    }

    synchronized List<EscapeReport> escapeReports() {
        return List.copyOf(escapeReports.values());
    }

    synchronized List<Series> series() {
        return List.copyOf(series.values());
    }

    synchronized List<BenchRun> runs() {
        return List.copyOf(runs.values());
    }

    synchronized List<Figure> figures() {
        return List.copyOf(figures.values());
    }

    synchronized List<Checklist> checklists() {
        return List.copyOf(checklists.values());
    }

    synchronized List<Layout> layouts() {
        return List.copyOf(layouts.values());
    }

    /** When the latest measurement finished, or null before any. */
    synchronized Instant lastMeasured() {
        return lastMeasured;
    }
}

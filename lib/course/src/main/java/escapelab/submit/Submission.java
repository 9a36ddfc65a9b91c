package escapelab.submit;

import escapelab.bench.BenchClass;
import escapelab.bench.BenchRun;
import escapelab.bench.Series;
import escapelab.check.Checklist;
import escapelab.escape.EscapeReport;
import escapelab.view.Figure;
import escapelab.view.Layout;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a task's submission holds, and its export: a {@code README.md} that reads well alone
 * (criteria with their verdicts, the learner's analysis, code, JMH output, charts, layouts)
 * beside the files it links to.
 *
 * @param notebook the saved notebook, source of the analysis
 * @param cells the benchmark cells compiled in the session
 * @param runs the JMH runs, latest per name
 * @param series measurements that are not JMH runs
 * @param figures the charts shown
 * @param checklists the acceptance criteria with their verdicts
 * @param layouts the object layouts shown
 * @param escapeReports the escape reports run, shown with their reasons
 * @param lastMeasured when the latest measurement finished, or null
 * @param vm the VM every number was measured on
 */
public record Submission(SavedNotebook notebook, List<BenchClass> cells, List<BenchRun> runs, List<Series> series, List<Figure> figures,
                         List<Checklist> checklists, List<Layout> layouts, List<EscapeReport> escapeReports,
                         Instant lastMeasured, String vm) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public Submission {
        cells = List.copyOf(cells);
        runs = List.copyOf(runs);
        series = List.copyOf(series);
        figures = List.copyOf(figures);
        checklists = List.copyOf(checklists);
        layouts = List.copyOf(layouts);
        escapeReports = List.copyOf(escapeReports);
    }

    /** The notebook's name without {@code .ipynb}, the submission folder's name. */
    public String name() {
        String file = notebook.path().getFileName().toString();
        return file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
    }

    /** A warning when the saved notebook is older than the latest measurement, else null. */
    public String staleWarning() {
        if (lastMeasured == null || !notebook.savedAt().isBefore(lastMeasured)) {
            return null;
        }
        return "The saved notebook (" + TIME.format(notebook.savedAt()) + ") is older than this run's last "
                + "measurement (" + TIME.format(lastMeasured) + "): the analysis below is what was saved then. "
                + "Save the notebook (Ctrl-S) and export again to include later edits.";
    }

    /**
     * Writes the submission into {@code submissionsDir/<name>/}, replacing an earlier export
     * only once the new one is complete.
     *
     * @return the folder and the files written
     */
    public Exported export(Path submissionsDir) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("README.md", readme().getBytes(StandardCharsets.UTF_8));
        for (BenchClass cell : cells) {
            files.put("src/" + cell.simpleName() + ".java", cell.source().getBytes(StandardCharsets.UTF_8));
        }
        for (BenchRun run : runs) {
            files.put("jmh/" + run.name() + ".txt", run.text().getBytes(StandardCharsets.UTF_8));
            files.put("jmh/" + run.name() + ".json", run.json().getBytes(StandardCharsets.UTF_8));
            files.put("jmh/" + run.name() + ".log", run.log().getBytes(StandardCharsets.UTF_8));
        }
        for (EscapeReport report : escapeReports) {
            files.put("escape/" + fileName(report.name()) + ".txt",
                    report.detailed().text().getBytes(StandardCharsets.UTF_8));
        }
        for (Series measured : series) {
            files.put("data/" + fileName(measured.name()) + ".csv", measured.csv().getBytes(StandardCharsets.UTF_8));
        }
        for (Figure figure : figures) {
            files.put("charts/" + figure.name() + ".png", figure.png());
        }
        Path folder = SubmissionWriter.write(submissionsDir, name(), files);
        return new Exported(folder, List.copyOf(files.keySet()), staleWarning());
    }

    private static String fileName(String name) {
        return name.strip().replaceAll("[^A-Za-z0-9._-]+", "-");
    }

    /** The README's Markdown. */
    public String readme() {
        StringBuilder md = new StringBuilder();
        md.append("# Submission: ").append(name()).append("\n\n");
        md.append("Exported ").append(TIME.format(Instant.now())).append(" from `")
                .append(notebook.path().getFileName()).append("`. Measured on ").append(vm).append(".\n\n");

        md.append("## Acceptance criteria\n\n");
        if (checklists.isEmpty()) {
            md.append("_No checklist was run in this session._\n\n");
        }
        for (Checklist checklist : checklists) {
            md.append(checklist.markdown().strip()).append("\n\n");
        }

        md.append("## Analysis\n\n");
        String stale = staleWarning();
        if (stale != null) {
            md.append("> **Note:** ").append(stale).append("\n\n");
        }
        List<String> analysis = notebook.analysis();
        if (analysis.stream().allMatch(String::isBlank)) {
            md.append("_No analysis found: write it in the notebook's cell tagged `analysis`, save, and export again._\n\n");
        }
        for (String text : analysis) {
            md.append(text.strip()).append("\n\n");
        }

        md.append("## Code\n\n");
        for (BenchClass cell : cells) {
            md.append("### `src/").append(cell.simpleName()).append(".java`\n\n```java\n")
                    .append(cell.source().strip()).append("\n```\n\n");
        }

        md.append("## Benchmark output\n\n");
        for (BenchRun run : runs) {
            md.append("### ").append(run.name()).append("\n\n")
                    .append(run.profile().describe()).append("; ").append(run.took().toSeconds())
                    .append(" s. JMH's JSON: `jmh/").append(run.name()).append(".json`, full log: `jmh/")
                    .append(run.name()).append(".log`.\n\n```\n").append(run.text().strip()).append("\n```\n\n");
        }

        if (!escapeReports.isEmpty()) {
            md.append("## Escape reports\n\n");
            for (EscapeReport report : escapeReports) {
                md.append("### ").append(report.scope()).append(" on ").append(report.vm()).append("\n\nWith reasons: `escape/")
                        .append(fileName(report.name())).append(".txt`.\n\n```\n")
                        .append(report.text().strip()).append("\n```\n\n");
            }
        }
        if (!series.isEmpty()) {
            md.append("## Other measurements\n\n");
            for (Series measured : series) {
                md.append("### ").append(measured.name()).append("\n\nData: `data/").append(fileName(measured.name()))
                        .append(".csv`.\n\n```\n").append(measured.table().print().strip()).append("\n```\n\n");
            }
        }
        if (!figures.isEmpty()) {
            md.append("## Charts\n\n");
            for (Figure figure : figures) {
                md.append("![").append(figure.title()).append("](charts/").append(figure.name()).append(".png)\n\n");
            }
        }
        if (!layouts.isEmpty()) {
            md.append("## Object layouts\n\n");
            for (Layout layout : layouts) {
                md.append("```\n").append(layout.toString().strip()).append("\n```\n\n");
            }
        }
        return md.toString();
    }
}

package escapelab.submit;

import escapelab.evidence.Evidence;
import escapelab.evidence.Evidence.Section;

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
 * (criteria with their verdicts, the learner's analysis, then each kind of evidence in its
 * section) beside the files the evidence adds.
 *
 * @param notebook the saved notebook, source of the analysis
 * @param evidence every result of the session, in the order recorded
 * @param lastMeasured when the latest measurement finished, or null
 * @param vm the VM every number was measured on
 */
public record Submission(SavedNotebook notebook, List<Evidence> evidence, Instant lastMeasured, String vm) {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public Submission {
        evidence = List.copyOf(evidence);
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
        for (Section section : Section.values()) {
            for (Evidence e : in(section)) {
                files.putAll(e.files());
            }
        }
        Path folder = SubmissionWriter.write(submissionsDir, name(), files);
        return new Exported(folder, List.copyOf(files.keySet()), staleWarning());
    }

    /** The README's Markdown: a section per kind of evidence there is, criteria and analysis always. */
    public String readme() {
        StringBuilder md = new StringBuilder();
        md.append("# Submission: ").append(name()).append("\n\n");
        md.append("Exported ").append(TIME.format(Instant.now())).append(" from `")
                .append(notebook.path().getFileName()).append("`. Measured on ").append(vm).append(".\n\n");
        for (Section section : Section.values()) {
            if (section == Section.ANALYSIS) {
                md.append("## ").append(section.heading()).append("\n\n").append(analysis());
                continue;
            }
            List<Evidence> shown = in(section);
            if (shown.isEmpty() && section.whenEmpty() == null) {
                continue;
            }
            md.append("## ").append(section.heading()).append("\n\n");
            if (shown.isEmpty()) {
                md.append(section.whenEmpty()).append("\n\n");
            }
            for (Evidence e : shown) {
                md.append(e.markdown().strip()).append("\n\n");
            }
        }
        return md.toString();
    }

    private String analysis() {
        StringBuilder md = new StringBuilder();
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
        return md.toString();
    }

    private List<Evidence> in(Section section) {
        return evidence.stream().filter(e -> e.section() == section).toList();
    }
}

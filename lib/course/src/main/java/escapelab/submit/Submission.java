package escapelab.submit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.cell.BenchClass;
import escapelab.check.Check;
import escapelab.check.Checklist;
import escapelab.evidence.Evidence.Section;
import escapelab.evidence.Evidence;
import escapelab.evidence.SessionEvidence;
import escapelab.view.Vm;
import org.openjdk.jmh.util.Version;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
 * section) beside the files the evidence adds, and a {@code summary.json} that tools read (an
 * instructor's collection of a class's submissions): the criteria, the benchmarks' figures, the VM
 * and how much of the analysis is the learner's own.
 *
 * @param notebook the saved notebook, source of the analysis
 * @param evidence every result of the session, in the order recorded
 * @param lastMeasured when the latest measurement finished, or null
 * @param vm the VM every number was measured on
 */
public record Submission(SavedNotebook notebook, List<Evidence> evidence, Instant lastMeasured, String vm) {

    /** The environment variable that names the submissions folder. */
    public static final String FOLDER_ENV = "ESCAPELAB_SUBMISSIONS";

    /** The summary's format, for readers to tell what they read. */
    public static final String SUMMARY_FORMAT = "escapelab-submission/1";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    public Submission {
        evidence = List.copyOf(evidence);
    }

    /**
     * Exports this session's task (every result recorded so far, the analysis from the saved
     * notebook, the running VM) to {@code <submissions>/<notebook>/}; see {@link #folder()}.
     *
     * @param notebook the notebook's file name, with or without {@code .ipynb}
     * @throws escapelab.notebook.Mistake if the notebook was never saved where it runs
     */
    public static Exported exportSession(String notebook) throws IOException {
        SessionEvidence session = SessionEvidence.current();
        return new Submission(SavedNotebook.find(notebook), session.all(), session.lastMeasured(),
                Vm.current().describe()).export(folder());
    }

    /** {@value #FOLDER_ENV}, else the course's submissions/ beside notebooks/, else ./submissions. */
    public static Path folder() {
        String configured = System.getenv(FOLDER_ENV);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path cwd = Path.of("").toAbsolutePath();
        Path beside = cwd.resolveSibling("submissions");
        return cwd.getFileName() != null && cwd.getFileName().toString().equals("notebooks") && Files.isDirectory(beside)
                ? beside : cwd.resolve("submissions");
    }

    /** The notebook's name without {@code .ipynb}, the submission folder's name. */
    public String name() {
        String file = notebook.path().getFileName().toString();
        return file.endsWith(".ipynb") ? file.substring(0, file.length() - ".ipynb".length()) : file;
    }

    /**
     * A warning when the saved notebook, which the analysis is read from, is older than the latest
     * measurement; else null, and null for a notebook without analysis cells: nothing is read from it.
     */
    public String staleWarning() {
        if (lastMeasured == null || !notebook.savedAt().isBefore(lastMeasured) || notebook.analysis().isEmpty()) {
            return null;
        }
        return "The saved notebook (" + TIME.format(notebook.savedAt()) + ") is older than this run's last "
                + "measurement (" + TIME.format(lastMeasured) + "): the export holds the analysis as saved then. "
                + "Save the notebook (Ctrl-S) and export again to include later edits.";
    }

    /** The checks of every checklist recorded, in order: what the README's criteria list. */
    public List<Check> criteria() {
        return in(Section.CRITERIA).stream().filter(Checklist.class::isInstance).map(Checklist.class::cast)
                .flatMap(list -> list.checks().stream()).toList();
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
        files.put("summary.json", JSON.writeValueAsBytes(summary()));
        for (Section section : Section.values()) {
            for (Evidence e : in(section)) {
                files.putAll(e.files());
            }
        }
        List<BenchClass> classes = benchClasses();
        if (!classes.isEmpty()) {
            files.put("pom.xml", MavenProject.pom(name(), Version.getPlainVersion(), Runtime.version().feature())
                    .getBytes(StandardCharsets.UTF_8));
        }
        Path folder = SubmissionWriter.write(submissionsDir, name(), files);
        return new Exported(folder, List.copyOf(files.keySet()), criteria(), staleWarning());
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
            if (section == Section.CODE && !benchClasses().isEmpty()) {
                md.append("### Reproduce with Maven\n\n").append(MavenProject.readme(benchClasses())).append("\n");
            }
        }
        return md.toString();
    }

    private List<BenchClass> benchClasses() {
        return evidence.stream().filter(BenchClass.class::isInstance).map(BenchClass.class::cast).toList();
    }

    /** The machine-readable summary: what {@code summary.json} holds. */
    public ObjectNode summary() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", SUMMARY_FORMAT).put("task", name()).put("exported", Instant.now().toString())
                .put("vm", vm);
        ArrayNode criteria = root.putArray("criteria");
        for (Evidence e : in(Section.CRITERIA)) {
            if (e instanceof Checklist list) {
                for (Check check : list.checks()) {
                    criteria.addObject().put("checklist", list.title()).put("criterion", check.criterion())
                            .put("verdict", check.verdict().name()).put("measured", finite(check.measured()))
                            .put("unit", check.unit()).put("expectation", check.expectation());
                }
            }
        }
        ArrayNode benchmarks = root.putArray("benchmarks");
        for (Evidence e : in(Section.BENCHMARKS)) {
            if (e instanceof BenchRun run) {
                for (BenchResult r : run.results()) {
                    ObjectNode b = benchmarks.addObject().put("run", run.name()).put("method", r.method())
                            .put("variant", r.variant()).put("score", finite(r.score()))
                            .put("error", finite(r.error())).put("unit", r.unit())
                            .put("bytesPerOp", finite(r.bytesPerOp()));
                    r.params().forEach(b.putObject("params")::put);
                }
            }
        }
        Analysis own = notebook.ownAnalysis();
        root.putObject("analysis").put("ownLines", own.ownLines().size()).put("ownSentences", own.ownSentences().size())
                .put("cells", notebook.analysis().size())
                .put("referenceAnswer", own.hasReferenceAnswer()).put("copiedReference", own.copiedReference());
        return root;
    }

    /** JSON has no NaN: an unknown figure is null. */
    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private String analysis() {
        StringBuilder md = new StringBuilder();
        String stale = staleWarning();
        if (stale != null) {
            md.append("> **Note:** ").append(stale).append("\n\n");
        }
        List<String> analysis = notebook.analysis();
        if (analysis.isEmpty()) {
            md.append("_This task has no analysis cell._\n\n");
        } else if (analysis.stream().allMatch(String::isBlank)) {
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

package escapelab.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.Profile;
import escapelab.cell.BenchClass;
import escapelab.check.Check;
import escapelab.check.Checklist;
import escapelab.escape.EscapeReport;
import escapelab.escape.Finding;
import escapelab.escape.MethodRef;
import escapelab.escape.Site;
import escapelab.measure.Series;
import escapelab.view.Figure;
import escapelab.view.Layout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

class SubmissionTest {

    @TempDir
    Path dir;

    private static final String SOURCE = "import org.openjdk.jmh.annotations.*;\npublic class FirstEscape {}\n";

    private Path notebook(String analysis) throws Exception {
        Path nb = dir.resolve("01-first-escape.ipynb");
        Files.writeString(nb, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"markdown\", \"metadata\": {\"tags\": [\"analysis\"]}, \"source\": \""
                + analysis + "\"},"
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"1 + 1\", \"outputs\": [], \"execution_count\": null}]}");
        return nb;
    }

    private static BenchRun run() {
        BenchResult value = new BenchResult("FirstEscape.valueReturn", "valueReturn", Map.of(), "EA on",
                0.5, 0.1, "ns/op", 0.0, Double.NaN, "Point", 0.0);
        return new BenchRun("FirstEscape", Profile.QUICK, "OpenJDK 64-Bit Server VM 17.0.15",
                List.of(new BenchClass("cells.FirstEscape", "FirstEscape", SOURCE, List.of("cells.FirstEscape"),
                        List.of("valueReturn"))),
                List.of(value), "Benchmark  Mode  Score\nFirstEscape.valueReturn avgt 0.5\n", "log", "[]",
                Instant.now(), Duration.ofSeconds(3));
    }

    private Submission submission(Path nb, Instant lastMeasured) throws Exception {
        BenchRun run = run();
        Checklist checks = Checklist.of("Task 1", Check.that("valueReturn allocates nothing").measured(0, "B/op").below(1));
        Figure figure = new Figure("first-escape", "ns/op and B/op", new BufferedImage(20, 10, BufferedImage.TYPE_INT_RGB));
        Series heap = Series.record("heap over iterations", "iteration", "MiB")
                .add("view", 1, 50).add("view", 2, 100).add("copy", 1, 0).done();
        return new Submission(SavedNotebook.read(nb), List.of(run.classes().get(0), run, heap, figure, checks,
                Layout.of(Integer.class), escapeReport()), lastMeasured, "OpenJDK 17");
    }

    private static EscapeReport escapeReport() {
        MethodRef value = new MethodRef("cells.FirstEscape", "valueReturn", "()I");
        Site point = new Site(value, 0, 9, "FirstEscape.java", Site.Kind.NEW, "new Point");
        Finding replaced = new Finding(point, value, Finding.Outcome.ELIMINATED, 1, 1, List.of(), List.of());
        return new EscapeReport("FirstEscape", "FirstEscape", "OpenJDK 17", List.of(replaced), List.of(),
                Map.of("valueReturn", 0.0), 1);
    }

    @Test
    void exportsAReadmeThatReadsAloneWithTheFilesItLinks() throws Exception {
        Path nb = notebook("Scalar replacement keeps the Point in registers.\\nReturning it makes it escape.");
        Exported exported = submission(nb, null).export(dir.resolve("submissions"));

        Path folder = dir.resolve("submissions/01-first-escape");
        assertEquals(folder.toAbsolutePath(), exported.folder());
        String readme = Files.readString(folder.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.startsWith("# Submission: 01-first-escape\n"), readme);
        assertTrue(readme.contains("## Acceptance criteria\n\n"), readme);
        assertTrue(readme.contains("- [x] valueReturn allocates nothing"), readme);
        assertTrue(readme.contains("## Analysis\n\nScalar replacement keeps the Point in registers.\nReturning it makes it escape."), readme);
        assertTrue(readme.contains("```java\n" + SOURCE.strip() + "\n```"), readme);
        assertTrue(readme.contains("FirstEscape.valueReturn avgt 0.5"), readme);
        assertTrue(readme.contains("![ns/op and B/op](charts/first-escape.png)"), readme);
        assertTrue(readme.contains("## Object layouts"), readme);
        assertTrue(readme.contains("## Escape reports\n\n### FirstEscape on OpenJDK 17\n"), readme);
        assertTrue(readme.contains("FirstEscape.java:9: new Point: scalar-replaced in valueReturn\n"), readme);
        assertTrue(Files.readString(folder.resolve("escape/FirstEscape.txt")).contains("scalar-replaced in valueReturn"));
        assertTrue(readme.contains("### heap over iterations\n\nData: `data/heap-over-iterations.csv`."), readme);
        assertEquals("series,iteration,MiB\nview,1,50\nview,2,100\ncopy,1,0\n",
                Files.readString(folder.resolve("data/heap-over-iterations.csv")));
        assertTrue(readme.contains("Measured on OpenJDK 17."), readme);
        assertEquals("package cells; " + SOURCE, Files.readString(folder.resolve("src/main/java/cells/FirstEscape.java")));
        String pom = Files.readString(folder.resolve("pom.xml"));
        assertTrue(pom.contains("<jmh.version>" + org.openjdk.jmh.util.Version.getPlainVersion() + "</jmh.version>"), pom);
        assertTrue(pom.contains("<maven.compiler.release>" + Runtime.version().feature() + "</"), pom);
        assertTrue(pom.contains("<finalName>benchmarks</finalName>"), pom);
        assertTrue(readme.contains("### Reproduce with Maven\n\n"), readme);
        assertTrue(readme.contains("mvn -q package && java -jar target/benchmarks.jar -prof gc"), readme);
        assertEquals("[]", Files.readString(folder.resolve("jmh/FirstEscape.json")));
        byte[] png = Files.readAllBytes(folder.resolve("charts/first-escape.png"));
        assertEquals((byte) 0x89, png[0]);
        assertEquals('P', png[1]);
        assertNull(exported.warning());
        assertTrue(exported.files().containsAll(List.of("README.md", "pom.xml", "src/main/java/cells/FirstEscape.java", "jmh/FirstEscape.txt",
                "jmh/FirstEscape.log", "charts/first-escape.png")));
    }

    @Test
    void exportsASummaryThatToolsRead() throws Exception {
        Path nb = notebook("Scalar replacement keeps the Point in registers.\\nReturning it makes it escape.");
        submission(nb, null).export(dir.resolve("submissions"));

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("submissions/01-first-escape/summary.json").toFile());
        assertEquals(Submission.SUMMARY_FORMAT, summary.get("format").asText());
        assertEquals("01-first-escape", summary.get("task").asText());
        assertEquals("OpenJDK 17", summary.get("vm").asText());
        JsonNode criterion = summary.get("criteria").get(0);
        assertEquals("valueReturn allocates nothing", criterion.get("criterion").asText());
        assertEquals("PASS", criterion.get("verdict").asText());
        JsonNode bench = summary.get("benchmarks").get(0);
        assertEquals("valueReturn", bench.get("method").asText());
        assertEquals(0.5, bench.get("score").asDouble());
        assertEquals("ns/op", bench.get("unit").asText());
        assertEquals(0.0, bench.get("bytesPerOp").asDouble());
        assertEquals(2, summary.get("analysis").get("ownLines").asInt());
        assertEquals(2, summary.get("analysis").get("ownSentences").asInt());
        assertEquals(1, summary.get("analysis").get("cells").asInt());
    }

    @Test
    void saysWhenTheSavedNotebookIsOlderThanTheRun() throws Exception {
        Path nb = notebook("Old analysis.");
        Files.setLastModifiedTime(nb, FileTime.from(Instant.now().minusSeconds(600)));
        Submission submission = submission(nb, Instant.now());

        Exported exported = submission.export(dir.resolve("submissions"));

        assertTrue(exported.warning().contains("is older than this run's last measurement"), exported.warning());
        String readme = Files.readString(dir.resolve("submissions/01-first-escape/README.md"));
        assertTrue(readme.contains("> **Note:** The saved notebook"), readme);
        assertTrue(exported.mimeBundle().get("text/html").contains("&#9888;"));
    }

    @Test
    void saysWhenNoAnalysisWasWritten() throws Exception {
        String readme = submission(notebook("  "), null).readme();
        assertTrue(readme.contains("_No analysis found"), readme);
        assertFalse(readme.contains("> **Note:**"), readme);
    }

    @Test
    void theExportSaysHowManyCriteriaAreMetAndNamesTheOthers() throws Exception {
        Path nb = notebook("_Write yours here._\\n\\n**Reference answer.** C2 scalar-replaces it.");
        Checklist checks = Checklist.of("Task 1", Check.that("valueReturn allocates nothing").measured(0, "B/op").below(1),
                Check.that("pointerReturn allocates a Point").measured(0, "B/op").allocates(),
                SavedNotebook.read(nb).ownAnalysis().check());
        Submission submission = new Submission(SavedNotebook.read(nb), List.of(run(), checks), null, "OpenJDK 17");

        Exported exported = submission.export(dir.resolve("submissions"));

        String text = exported.toString();
        assertTrue(text.startsWith("⚠ Exported to " + exported.folder() + " with 1 of 3 criteria met, 1 failed, 1 open:\n"),
                text);
        assertTrue(text.contains("\n  ✘ pointerReturn allocates a Point: measured 0 B/op, expected"), text);
        assertTrue(text.contains("\n  ○ you explain it in your own words (the analysis cell, as saved): only the "
                + "reference answer is there"), text);
        assertFalse(text.contains("valueReturn allocates nothing"), text);
        assertFalse(exported.mimeBundle().get("text/html").contains("&#10003;"));
        String readme = Files.readString(exported.folder().resolve("README.md"));
        assertTrue(readme.contains("1 of 3 criteria met, 1 open"), readme);
    }

    @Test
    void anExportWithEveryCriterionMetSaysSoAndOneWithoutChecksSaysToRunThem() throws Exception {
        Path nb = notebook("The Point never leaves the method. So C2 removes it.");
        Checklist checks = Checklist.of("Task 1", Check.that("valueReturn allocates nothing").measured(0, "B/op").below(1),
                SavedNotebook.read(nb).ownAnalysis().check());
        Exported all = new Submission(SavedNotebook.read(nb), List.of(run(), checks), null, "OpenJDK 17")
                .export(dir.resolve("submissions"));
        assertTrue(all.toString().startsWith("✓ Exported to " + all.folder() + " with 2 of 2 criteria met\nFiles: "),
                all.toString());
        assertTrue(all.mimeBundle().get("text/html").contains("&#10003;"));

        Exported none = new Submission(SavedNotebook.read(nb), List.of(run()), null, "OpenJDK 17")
                .export(dir.resolve("submissions"));
        assertTrue(none.toString().contains("with no criteria checked: run the task's checks(...) cell"), none.toString());
    }

    @Test
    void aTaskWithoutAnAnalysisCellHasNoStaleAnalysisToWarnOf() throws Exception {
        Path nb = dir.resolve("00-start-here.ipynb");
        Files.writeString(nb, "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"code\", \"metadata\": {}, \"source\": \"submit(\\\"00-start-here\\\")\", "
                + "\"outputs\": [], \"execution_count\": null}]}");
        Files.setLastModifiedTime(nb, FileTime.from(Instant.now().minusSeconds(600)));
        Submission submission = new Submission(SavedNotebook.read(nb), List.of(run()), Instant.now(), "OpenJDK 17");

        Exported exported = submission.export(dir.resolve("submissions"));

        assertNull(exported.warning());
        String readme = Files.readString(exported.folder().resolve("README.md"));
        assertTrue(readme.contains("## Analysis\n\n_This task has no analysis cell._"), readme);
        assertFalse(readme.contains("analysis below"), readme);
        JsonNode summary = new ObjectMapper().readTree(exported.folder().resolve("summary.json").toFile());
        assertEquals(0, summary.get("analysis").get("cells").asInt());
    }

    @Test
    void thisJvmsSubmissionsFolderIsTheConfiguredOneElseInItsWorkingFolder() {
        Path workingFolder = Path.of("").toAbsolutePath();
        assumeFalse(workingFolder.endsWith("notebooks"), "the build runs tests in the module's folder");
        String configured = System.getenv(Submission.FOLDER_ENV);
        Path expected = configured != null && !configured.isBlank() ? Path.of(configured)
                : workingFolder.resolve("submissions");
        assertEquals(expected, Submission.folder());
    }
}

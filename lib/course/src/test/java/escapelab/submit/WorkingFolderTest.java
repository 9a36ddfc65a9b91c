package escapelab.submit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Where {@link SavedNotebook#find} and {@link Submission#folder()} look depends on the kernel's
 * working folder, which a JVM cannot change: these tests run {@link InWorkingFolder} in a child
 * JVM started in a course laid out in a temporary folder.
 */
class WorkingFolderTest {

    @TempDir
    Path tmp;

    private static String notebook(String analysis) {
        return "{\"nbformat\": 4, \"nbformat_minor\": 5, \"metadata\": {}, \"cells\": ["
                + "{\"cell_type\": \"markdown\", \"metadata\": {\"tags\": [\"analysis\"]}, \"source\": \""
                + analysis + "\"}]}";
    }

    /** A course: {@code notebooks/task.ipynb}, and {@code both.ipynb} in the course folder and in notebooks/. */
    private Path course() throws IOException {
        Path course = tmp.toRealPath().resolve("course");
        Path notebooks = Files.createDirectories(course.resolve("notebooks"));
        Files.writeString(notebooks.resolve("task.ipynb"), notebook("Only in notebooks."));
        Files.writeString(notebooks.resolve("both.ipynb"), notebook("In notebooks."));
        Files.writeString(course.resolve("both.ipynb"), notebook("In the course folder."));
        return course;
    }

    /** Runs the commands in a child JVM in {@code folder}; returns its {@code key=value} lines. */
    private static List<String> runIn(Path folder, Map<String, String> environment, String... commands)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-Djol.magicFieldOffset=true",
                "-cp", System.getProperty("java.class.path"), InWorkingFolder.class.getName()));
        command.addAll(List.of(commands));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().remove(Submission.FOLDER_ENV);
        builder.environment().putAll(environment);
        Process child = builder.start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), output);
        assertEquals(0, child.exitValue(), output);
        return output.lines().filter(l -> l.startsWith("@")).map(l -> l.substring(1)).toList();
    }

    @Test
    void aNotebookIsFoundInTheWorkingFolderElseInItsNotebooksFolder() throws Exception {
        Path course = course();
        List<String> seen = runIn(course, Map.of(), "find:task", "find:task.ipynb", "find:both", "find:missing");

        assertEquals("found=" + course.resolve("notebooks/task.ipynb"), seen.get(0));
        assertEquals("found=" + course.resolve("notebooks/task.ipynb"), seen.get(1));
        assertEquals("found=" + course.resolve("both.ipynb"), seen.get(2), "the working folder comes first");
        assertTrue(seen.get(3).startsWith("mistake=notebook missing.ipynb not found; save it first"), seen.get(3));
        assertEquals(4, seen.size(), seen::toString);
    }

    @Test
    void submissionsGoBesideNotebooksWhenTheCourseHasThatFolderElseIntoTheWorkingFolder() throws Exception {
        Path course = course();
        Path notebooks = course.resolve("notebooks");
        List<String> fromNotebooks = runIn(notebooks, Map.of(), "folder", "mkdir:../submissions", "folder");
        assertEquals(List.of("folder=" + notebooks.resolve("submissions"), "folder=" + course.resolve("submissions")),
                fromNotebooks);

        List<String> fromCourse = runIn(course, Map.of(), "folder");
        assertEquals(List.of("folder=" + course.resolve("submissions")), fromCourse,
                "a folder not named notebooks keeps its submissions inside");
    }

    @Test
    void theEnvironmentNamesTheSubmissionsFolderAndTheSessionIsExportedThere() throws Exception {
        Path course = course();
        Files.createDirectories(course.resolve("submissions"));
        Path elsewhere = tmp.toRealPath().resolve("collected");
        List<String> seen = runIn(course.resolve("notebooks"), Map.of(Submission.FOLDER_ENV, elsewhere.toString()),
                "folder", "export:task", "export:never-saved");

        assertEquals("folder=" + elsewhere, seen.get(0));
        assertEquals("exported=" + elsewhere.resolve("task"), seen.get(1));
        assertEquals("files=README.md,summary.json", seen.get(2), "a fresh session has no evidence to add");
        assertTrue(seen.get(3).startsWith("mistake=notebook never-saved.ipynb not found"), seen.get(3));
        assertFalse(Files.exists(course.resolve("submissions/task")), "the environment wins over the course's folder");

        String readme = Files.readString(elsewhere.resolve("task/README.md"));
        assertTrue(readme.startsWith("# Submission: task\n"), readme);
        assertTrue(readme.contains("from `task.ipynb`"), readme);
        assertTrue(readme.contains("## Analysis\n\nOnly in notebooks.\n"), readme);
        JsonNode summary = new ObjectMapper().readTree(elsewhere.resolve("task/summary.json").toFile());
        assertEquals("task", summary.get("task").asText());
        assertEquals(1, summary.get("analysis").get("ownLines").asInt());
        assertTrue(summary.get("vm").asText().contains(System.getProperty("java.version")), summary.toString());
    }
}

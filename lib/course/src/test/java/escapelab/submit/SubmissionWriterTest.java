package escapelab.submit;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubmissionWriterTest {

    @TempDir
    Path tmp;

    private static Map<String, byte[]> files(String... pathsAndContents) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < pathsAndContents.length; i += 2) {
            files.put(pathsAndContents[i], pathsAndContents[i + 1].getBytes(UTF_8));
        }
        return files;
    }

    /** Every file under {@code root}, relative path to content. */
    private static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> tree = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            walk.filter(Files::isRegularFile).forEach(p -> {
                try {
                    tree.put(root.relativize(p).toString().replace('\\', '/'), new String(Files.readAllBytes(p), UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return tree;
    }

    private static List<String> entries(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesFilesAndSubfoldersCreatingTheSubmissionsFolder() throws IOException {
        Path submissions = tmp.resolve("submissions");
        Path written = SubmissionWriter.write(submissions, "ada",
                files("README.md", "# Ada", "notebooks/task1.ipynb", "{}", "data/raw/results.json", "[1,2]"));
        assertEquals(submissions.resolve("ada").toAbsolutePath(), written);
        assertEquals(Map.of("README.md", "# Ada", "notebooks/task1.ipynb", "{}", "data/raw/results.json", "[1,2]"),
                tree(written));
        assertEquals(List.of("ada"), entries(submissions), "no staging folders left behind");
        assertArrayEquals("# Ada".getBytes(UTF_8), Files.readAllBytes(written.resolve("README.md")));
    }

    @Test
    void theFolderGetsOrdinaryPermissionsSoGradersCanReadIt() throws IOException {
        Assumptions.assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path written = SubmissionWriter.write(tmp, "ada", files("a.txt", "x"));
        Path ordinary = Files.createDirectory(tmp.resolve("ordinary"));
        assertEquals(Files.getPosixFilePermissions(ordinary), Files.getPosixFilePermissions(written));
    }

    @Test
    void reExportReplacesTheWholeFolder() throws IOException {
        SubmissionWriter.write(tmp, "ada", files("README.md", "v1", "old-only.txt", "stale"));
        Path written = SubmissionWriter.write(tmp, "ada", files("README.md", "v2", "sub/new.txt", "fresh"));
        assertEquals(Map.of("README.md", "v2", "sub/new.txt", "fresh"), tree(written), "old-only.txt is gone");
        assertEquals(List.of("ada"), entries(tmp), "no staging or old folders left behind");
    }

    @Test
    void otherSubmissionsAreLeftAlone() throws IOException {
        SubmissionWriter.write(tmp, "grace", files("a.txt", "grace"));
        SubmissionWriter.write(tmp, "ada", files("a.txt", "ada"));
        SubmissionWriter.write(tmp, "ada", files("a.txt", "ada 2"));
        assertEquals(Map.of("a.txt", "grace"), tree(tmp.resolve("grace")));
        assertEquals(List.of("ada", "grace"), entries(tmp));
    }

    @Test
    void aFailureBeforeTheSwapKeepsTheEarlierExportByteIdentical() throws IOException {
        Path earlier = SubmissionWriter.write(tmp, "ada", files("README.md", "v1", "notes/a.txt", "kept"));
        Map<String, String> before = tree(earlier);

        IOException injected = new IOException("disk full (injected)");
        Path[] seenStaging = new Path[1];
        IOException thrown = assertThrows(IOException.class, () -> SubmissionWriter.write(tmp, "ada",
                files("README.md", "v2", "notes/a.txt", "replaced", "more.txt", "x"), staging -> {
                    seenStaging[0] = staging;
                    // Everything was staged before the failure: the new files really existed.
                    assertEquals("replaced", Files.readString(staging.resolve("notes/a.txt")));
                    throw injected;
                }));
        assertSame(injected, thrown);
        assertEquals(before, tree(earlier), "the earlier export is untouched");
        assertFalse(Files.exists(seenStaging[0]), "the staging folder is removed");
        assertTrue(seenStaging[0].getFileName().toString().startsWith(".ada.staging-"), "staging is a hidden sibling");
        assertEquals(List.of("ada"), entries(tmp), "no temp folders behind");
    }

    @Test
    void aRuntimeFailureBeforeTheSwapAlsoCleansUp() throws IOException {
        Path earlier = SubmissionWriter.write(tmp, "ada", files("README.md", "v1"));
        assertThrows(IllegalStateException.class, () -> SubmissionWriter.write(tmp, "ada", files("README.md", "v2"),
                staging -> {
                    throw new IllegalStateException("bug (injected)");
                }));
        assertEquals(Map.of("README.md", "v1"), tree(earlier));
        assertEquals(List.of("ada"), entries(tmp));
    }

    @Test
    void aRejectedFileNameKeepsTheEarlierExport() throws IOException {
        Path earlier = SubmissionWriter.write(tmp, "ada", files("README.md", "v1"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmissionWriter.write(tmp, "ada", files("README.md", "v2", "../escape.txt", "x")));
        assertTrue(e.getMessage().contains("../escape.txt"), e.getMessage());
        assertEquals(Map.of("README.md", "v1"), tree(earlier));
        assertEquals(List.of("ada"), entries(tmp));
        assertFalse(Files.exists(tmp.resolve("escape.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"../x.txt", "a/../../x.txt", "/etc/passwd", "\\windows\\x", "C:/x.txt", "a//b.txt", "./a.txt",
        "a/", ""})
    void rejectsUnsafeOrSloppyPaths(String path) {
        Path submissions = tmp.resolve("submissions");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmissionWriter.write(submissions, "ada", files(path, "x")));
        assertFalse(e.getMessage().isBlank());
        assertFalse(Files.exists(submissions.resolve("ada")));
    }

    @Test
    void rejectsAPathThatIsBothFileAndFolder() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmissionWriter.write(tmp, "ada", files("notes", "x", "notes/a.txt", "y")));
        assertTrue(e.getMessage().contains("both a file and the folder"), e.getMessage());
    }

    @Test
    void rejectsTwoSpellingsOfOneFile() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmissionWriter.write(tmp, "ada", files("notes/a.txt", "x", "notes\\a.txt", "y")));
        assertTrue(e.getMessage().contains("same file"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", ".", "..", "a/b", "a\\b", " ada"})
    void rejectsBadNames(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SubmissionWriter.write(tmp, name, files("a.txt", "x")));
        assertFalse(e.getMessage().isBlank());
    }

    @Test
    void rejectsNothingToSubmit() throws IOException {
        assertThrows(IllegalArgumentException.class, () -> SubmissionWriter.write(tmp, "ada", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> SubmissionWriter.write(null, "ada", files("a.txt", "x")));
        assertEquals(List.of(), entries(tmp));
    }
}

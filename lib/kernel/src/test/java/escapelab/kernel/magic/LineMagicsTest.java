package escapelab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.errors.CellFailure;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import escapelab.kernel.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineMagicsTest {

    @TempDir
    Path dir;

    private final List<Path> added = new ArrayList<>();

    private LineMagics magics() {
        return new LineMagics(added::add, dir);
    }

    private Path touch(String name) throws IOException {
        return TestFiles.touch(dir, name);
    }

    @Test
    void jarsTakesFilesFoldersAndGlobs() throws Exception {
        Path a = touch("lib/a.jar");
        Path b = touch("lib/b.jar");
        Path spaced = touch("my dir/c.jar");
        Path single = touch("single.jar");
        magics().run("jars", "lib/*.jar 'my dir' single.jar");
        assertEquals(List.of(a, b, spaced, single), added);
    }

    @Test
    void classpathTakesFoldersJarsAndFolderWildcards() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Path jar = touch("deps/x.jar");
        magics().run("classpath", "classes" + File.pathSeparator + "deps/*");
        assertEquals(List.of(classes, jar), added);
    }

    @Test
    void missingArgumentsAreAClearError() {
        CellFailure failure = assertThrows(CellFailure.class, () -> magics().run("jars", "  "));
        assertEquals("MagicError", failure.report().name());
        assertTrue(failure.report().value().startsWith("%jars needs at least one argument"), failure.report().value());
        assertThrows(CellFailure.class, () -> magics().run("classpath", ""));
    }

    @Test
    void missingPathsAreAClearErrorAndNothingIsAdded() throws IOException {
        touch("ok.jar");
        CellFailure failure = assertThrows(CellFailure.class, () -> magics().run("jars", "ok.jar nope.jar"));
        assertEquals("%jars: no such file: " + dir.resolve("nope.jar"), failure.report().value());
        failure = assertThrows(CellFailure.class, () -> magics().run("jars", "none/*.jar"));
        assertTrue(failure.report().value().startsWith("%jars: no file matches none/*.jar"));
        failure = assertThrows(CellFailure.class, () -> magics().run("classpath", "gone"));
        assertEquals("%classpath: no such file or folder: " + dir.resolve("gone"), failure.report().value());
        assertEquals(List.of(), added);
    }

    @Test
    void mavenAddsWhatTheResolverGives() throws Exception {
        Path jar = touch("repo/x.jar");
        List<List<String>> asked = new ArrayList<>();
        LineMagics magics = new LineMagics(added::add, dir, coordinates -> {
            asked.add(coordinates);
            return List.of(jar);
        });
        assertEquals(java.util.Optional.empty(), magics.run("maven", "a:b:1 c:d:2"));
        assertEquals(List.of(List.of("a:b:1", "c:d:2")), asked);
        assertEquals(List.of(jar), added);
    }

    @Test
    void loadReadsTheFileRelativeToTheWorkingDirectory() throws Exception {
        Path file = Files.writeString(touch("my dir/Code.java"), "1 + 1");
        LineMagics.LoadedFile loaded = magics().run("load", "'my dir/Code.java'").orElseThrow();
        assertEquals(file, loaded.path());
        assertEquals("1 + 1", loaded.code());
    }

    @Test
    void loadWithoutOneExistingFileIsAClearError() throws IOException {
        CellFailure failure = assertThrows(CellFailure.class, () -> magics().run("load", ""));
        assertTrue(failure.report().value().startsWith("%load needs at least one argument"), failure.report().value());
        failure = assertThrows(CellFailure.class, () -> magics().run("load", "Missing.java"));
        assertEquals("%load: no such file: " + dir.resolve("Missing.java"), failure.report().value());
        failure = assertThrows(CellFailure.class, () -> magics().run("load", "A.java B.java"));
        assertTrue(failure.report().value().startsWith("%load takes one file, not 2"), failure.report().value());
        Files.createDirectories(dir.resolve("folder"));
        failure = assertThrows(CellFailure.class, () -> magics().run("load", "folder"));
        assertEquals("%load: " + dir.resolve("folder") + " is a folder, not a file of Java code.", failure.report().value());
        Files.write(dir.resolve("Latin1.java"), new byte[] {(byte) 0xe9, '\n'});
        failure = assertThrows(CellFailure.class, () -> magics().run("load", "Latin1.java"));
        assertEquals("%load: " + dir.resolve("Latin1.java") + " is not UTF-8 text.", failure.report().value());
    }

    @Test
    void unknownLineMagicListsTheKnownOnes() {
        CellFailure failure = assertThrows(CellFailure.class, () -> magics().run("jar", "x"));
        assertEquals("Unknown line magic %jar.", failure.report().value());
        assertEquals("Line magics: %jars, %classpath, %maven, %load", failure.report().traceback().get(1));
    }

    @Test
    void argumentsSplitAtSpacesAndKeepQuotedOnesWhole() {
        assertEquals(List.of("a", "b c", "d e", "f"), LineMagics.split(" a 'b c'  \"d e\" f "));
        assertEquals(List.of(""), LineMagics.split("''"));
    }
}

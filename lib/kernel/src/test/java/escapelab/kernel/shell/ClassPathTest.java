package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import escapelab.kernel.TestFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassPathTest {

    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        return TestFiles.touch(dir, name);
    }

    @Test
    void folderWildcardBecomesItsJarsInNameOrder() throws IOException {
        Path b = touch("libs/b.jar");
        Path a = touch("libs/a.JAR");
        touch("libs/notes.txt");
        touch("libs/nested/c.jar");
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String spec = "libs/*" + File.pathSeparator + File.pathSeparator + classes;
        assertEquals(List.of(a, b, classes), ClassPath.expand(spec, dir));
    }

    @Test
    void relativeEntriesResolveAgainstTheBase() {
        assertEquals(List.of(dir.resolve("x.jar")), ClassPath.expand("./sub/../x.jar", dir));
        assertEquals(List.of(), ClassPath.expand(null, dir));
        assertEquals(List.of(), ClassPath.expand("missing/*", dir));
    }

    @Test
    void globsMatchFilesBelowTheirLiteralFolder() throws IOException {
        Path a = touch("lib/a.jar");
        Path b = touch("lib/deep/b.jar");
        touch("lib/c.txt");
        assertEquals(List.of(a), ClassPath.glob("lib/*.jar", dir));
        assertEquals(List.of(b), ClassPath.glob(dir + "/lib/*/*.jar", dir));
        assertEquals(List.of(b), ClassPath.glob("lib/**/*.jar", dir));
        assertEquals(List.of(), ClassPath.glob("nothere/*.jar", dir));
        assertTrue(ClassPath.isGlob("a/*.jar"));
        assertFalse(ClassPath.isGlob("a/b.jar"));
    }

    @Test
    void systemClassPathGrowsOnceAndKeepsWhatItHad() {
        String before = System.getProperty("java.class.path");
        try {
            Path entry = dir.resolve("extra.jar");
            assertTrue(ClassPath.appendToSystemProperty(entry));
            assertFalse(ClassPath.appendToSystemProperty(entry));
            assertEquals(before + File.pathSeparator + entry, System.getProperty("java.class.path"));
        } finally {
            System.setProperty("java.class.path", before);
        }
    }
}

package escapelab.cell;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.runner.Runner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FoldersTest {

    @Test
    void aClassFromAJarNamesTheJarsFolderAndOneFromABuildFolderNone() throws Exception {
        Path jar = Path.of(Runner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        assertEquals(Optional.of(jar.toAbsolutePath().getParent()), Folders.jarFolderOf(Runner.class));
        // The tests run from target/test-classes, and the JDK's own classes have no code source.
        assertEquals(Optional.empty(), Folders.jarFolderOf(FoldersTest.class));
        assertEquals(Optional.empty(), Folders.jarFolderOf(String.class));
    }

    @Test
    void aCopiedTreeKeepsItsPathsAndLeavesOutWhatIsRefused(@TempDir Path temp) throws Exception {
        Path from = temp.resolve("from");
        Files.createDirectories(from.resolve("a/b"));
        Files.createDirectories(from.resolve("META-INF"));
        Files.writeString(from.resolve("a/b/C.class"), "new");
        Files.writeString(from.resolve("META-INF/list"), "skipped");
        Path to = temp.resolve("to");
        Files.createDirectories(to.resolve("a/b"));
        Files.writeString(to.resolve("a/b/C.class"), "old");

        Folders.copyTree(from, to, file -> !file.startsWith(from.resolve("META-INF")));

        assertEquals("new", Files.readString(to.resolve("a/b/C.class")));
        assertTrue(Files.isDirectory(to.resolve("META-INF")));
        assertFalse(Files.exists(to.resolve("META-INF/list")));
    }
}

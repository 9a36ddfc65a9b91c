package escapelab.bench;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ForkClassPathTest {

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void outsideAKernelTheClassPathIsLeftAlone() throws Exception {
        String before = System.getProperty("java.class.path");
        assertEquals(before, ForkClassPath.during(() -> System.getProperty("java.class.path")));
    }

    @Test
    void anArchiveHoldsTheJarsBeforeTheFirstFolder(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path a = Files.createFile(dir.resolve("a.jar"));
        Path b = Files.createFile(dir.resolve("b.jar"));
        Path cells = Files.createDirectory(dir.resolve("cells"));
        assertEquals(List.of(a.toString(), b.toString()),
                ForkArchive.leadingJars(path(a.toString(), b.toString(), cells.toString(), a.toString())));
        assertEquals(List.of(), ForkArchive.leadingJars(path(cells.toString(), a.toString())));
    }

    @Test
    void outsideAKernelForksGetNoArchive() {
        assertTrue(ForkArchive.plan(null, List.of()).flags().isEmpty(),
                "Maven's forks start from a launcher's jar: no archive is made of it");
    }
}

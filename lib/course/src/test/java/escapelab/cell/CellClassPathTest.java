package escapelab.cell;

import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CellClassPathTest {

    private static String path(String... entries) {
        return String.join(File.pathSeparator, entries);
    }

    @Test
    void cellsGetTheirPartEachJarOnce() {
        String whole = path("/c/kernel/target/kernel.jar", "/c/kernel/target/lib/maven-resolver-api-2.0.jar",
                "/c/kernel/target/lib/jmh-core-1.37.jar", "/c/course/target/course.jar",
                "/c/course/target/lib/jmh-core-1.37.jar", "/c/course/target/lib/jackson-core-2.17.jar",
                "/m2/jackson-core-2.17.jar", "/tmp/cells-1", "");
        assertEquals(path("/c/course/target/course.jar", "/c/course/target/lib/jmh-core-1.37.jar",
                        "/c/course/target/lib/jackson-core-2.17.jar", "/tmp/cells-1"),
                CellClassPath.of(whole, Path.of("/c/kernel/target")));
    }

    @Test
    void outsideAKernelCellsGetTheWholeClassPath() {
        assertEquals(System.getProperty("java.class.path"), CellClassPath.current());
    }
}

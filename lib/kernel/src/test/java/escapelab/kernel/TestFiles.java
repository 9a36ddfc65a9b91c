package escapelab.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Empty files made for tests of class paths and magics. */
public final class TestFiles {

    private TestFiles() {
    }

    /** Creates an empty file at {@code dir/name}, with its folders; returns its path. */
    public static Path touch(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "");
    }
}

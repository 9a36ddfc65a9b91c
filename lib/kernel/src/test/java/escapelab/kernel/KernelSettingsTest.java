package escapelab.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelSettingsTest {

    @TempDir
    Path dir;

    private Path touch(String name) throws IOException {
        return TestFiles.touch(dir, name);
    }

    @Test
    void settingsReadIjavaVariables() throws IOException {
        Path jar = touch("cp/one.jar");
        Path script = touch("start/imports.jsh");
        KernelSettings settings = KernelSettings.from(java.util.Map.of(
                "IJAVA_CLASSPATH", "cp/*",
                "IJAVA_STARTUP_SCRIPTS_PATH", "start/*.jsh" + File.pathSeparator + "other.jsh"), dir);
        assertEquals(List.of(jar), settings.classPath());
        assertEquals(List.of(script, dir.resolve("other.jsh")), settings.startupScripts());
    }
}

package escapelab.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A folder that looks like a JDK home to {@link Jdks}: an executable {@code bin/java} and a release file. */
final class FakeJdk {

    private FakeJdk() {
    }

    /** Makes {@code parent/name} a JDK home of that version, e.g. {@code 25.0.3}, and returns it. */
    static Path home(Path parent, String name, String version) throws IOException {
        Path home = parent.resolve(name);
        Files.createDirectories(home.resolve("bin"));
        Path java = home.resolve("bin/java");
        Files.writeString(java, "#!/bin/sh\nexit 1\n");
        if (!java.toFile().setExecutable(true)) {
            throw new IOException("cannot make " + java + " executable");
        }
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }
}

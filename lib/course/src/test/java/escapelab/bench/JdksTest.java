package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class JdksTest {

    @Test
    void findsTheRunningJdkOnce() throws Exception {
        List<Jdks.Jdk> jdks = Jdks.installed();
        Path running = Path.of(System.getProperty("java.home")).toRealPath();
        assertEquals(1, jdks.stream().filter(j -> j.home().equals(running)).count(), jdks::toString);
        Jdks.Jdk self = jdks.stream().filter(j -> j.home().equals(running)).findFirst().orElseThrow();
        assertEquals(Runtime.version().feature(), self.feature());
    }

    @Test
    void readsTheVersionFromTheReleaseFile(@org.junit.jupiter.api.io.TempDir Path home) throws Exception {
        Files.createDirectories(home.resolve("bin"));
        Files.writeString(home.resolve("bin/java"), "#!/bin/sh\n");
        home.resolve("bin/java").toFile().setExecutable(true);
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"x\"\nJAVA_VERSION=\"25.0.3\"\n");
        Jdks.Jdk jdk = Jdks.read(home).orElseThrow();
        assertEquals(25, jdk.feature());
        assertEquals("JDK 25", jdk.variant("-XX:+UseCompactObjectHeaders").label());
        assertEquals(Optional.empty(), Jdks.read(home.resolve("nothing")));
        Files.writeString(home.resolve("release"), "JAVA_VERSION=\"1.8.0_402\"\n");
        assertEquals(8, Jdks.read(home).orElseThrow().feature());
    }

    /** Where a newer JDK is installed, a variant forks it: JMH reports that JDK's version. */
    @Test
    void aVariantRunsOnANewerJdk() throws Exception {
        Optional<Jdks.Jdk> newer = Jdks.atLeast(Runtime.version().feature() + 1);
        assumeTrue(newer.isPresent(), "no newer JDK on this machine");
        BenchClass cls = new BenchCompiler(CellClasses.shared()).compile(
                "import org.openjdk.jmh.annotations.*;\n@State(Scope.Thread)\npublic class OnNewer {\n"
                        + "  int x = 3;\n  @Benchmark public int one() { return x; }\n}\n", 2);
        BenchRun run = new Bench(List.of(cls)).profile(Profile.QUICK).variant("here").variant(newer.get().variant()).run();
        assertEquals(List.of("here", "JDK " + newer.get().feature()), run.variants());
        assertTrue(run.log().contains("# VM version: JDK " + newer.get().version()), "the JMH log names the forked JDK");
    }
}

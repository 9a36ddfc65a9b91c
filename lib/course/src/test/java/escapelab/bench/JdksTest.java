package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
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

    @Test
    void labelledIsAVariantOfThatJdkWithItsOwnLabelAndFlags(@TempDir Path dir) throws Exception {
        Jdks.Jdk jdk = new Jdks.Jdk(FakeJdk.home(dir, "jdk-25", "25.0.3"), "25.0.3");

        Variant variant = jdk.labelled("JDK 25, box elimination off", "-XX:-EliminateAutoBox", "-Xmx2g");

        assertEquals("JDK 25, box elimination off", variant.label());
        assertEquals(List.of("-XX:-EliminateAutoBox", "-Xmx2g"), variant.jvmArgs());
        assertEquals(jdk.home(), variant.javaHome());
        assertEquals(25, variant.feature());
        assertEquals(new Variant("JDK 25", List.of(), jdk.home()), jdk.variant(), "the default label names the release");
    }

    @Test
    void labelledChecksItsLabelAndFlagsAsAnyVariant(@TempDir Path dir) throws Exception {
        Jdks.Jdk jdk = new Jdks.Jdk(FakeJdk.home(dir, "jdk-25", "25.0.3"), "25.0.3");

        Mistake blank = assertThrows(Mistake.class, () -> jdk.labelled(" ", "-XX:-EliminateAutoBox"));
        assertTrue(blank.getMessage().startsWith("a variant needs a label"), blank.getMessage());
        Mistake flag = assertThrows(Mistake.class, () -> jdk.labelled("boxes", "XX:-EliminateAutoBox"));
        assertEquals("JVM flag 'XX:-EliminateAutoBox' of variant boxes does not start with '-'; write it as on the "
                + "java command line, e.g. -XX:-DoEscapeAnalysis", flag.getMessage());
    }

    @Test
    void labelledRefusesAJdkHomeWithoutJava(@TempDir Path dir) {
        Jdks.Jdk gone = new Jdks.Jdk(dir.resolve("removed"), "25.0.3");

        Mistake missing = assertThrows(Mistake.class, () -> gone.labelled("JDK 25"));

        assertTrue(missing.getMessage().startsWith("no bin/java under " + dir.resolve("removed") + " for variant JDK 25"),
                missing.getMessage());
    }

    @Test
    void newerThanRunningIsEmptyOrTheNewestInstalledJdkNewerThanTheRunningOne() {
        int running = Runtime.version().feature();
        Optional<Jdks.Jdk> newer = Jdks.newerThanRunning();

        newer.ifPresent(jdk -> assertTrue(jdk.feature() > running, jdk::toString));
        int newest = Jdks.installed().stream().mapToInt(Jdks.Jdk::feature).max().orElse(running);
        assertEquals(newest > running, newer.isPresent(), Jdks.installed()::toString);
        assertEquals(Jdks.atLeast(running + 1), newer);
    }

    @Test
    void newerThanRunningPicksTheNewestOfTheConfiguredJdks(@TempDir Path dir) throws Exception {
        int running = Runtime.version().feature();
        String homes = String.join(File.pathSeparator,
                FakeJdk.home(dir, "next", (running + 1) + ".0.1").toString(),
                FakeJdk.home(dir, "older", (running - 1) + ".0.2").toString(),
                FakeJdk.home(dir, "newest", (running + 2) + ".0.1").toString(),
                dir.resolve("not-a-jdk").toString());

        String out = ChildJvm.probe(Map.of(Jdks.ENV, homes), "jdks");

        assertTrue(out.contains("installed older=" + (running - 1) + " next=" + (running + 1) + " newest=" + (running + 2)),
                out);
        assertTrue(out.endsWith("newer newest"), out);
    }

    @Test
    void newerThanRunningIsEmptyWhereOnlyOlderJdksAreConfigured(@TempDir Path dir) throws Exception {
        int running = Runtime.version().feature();
        String homes = String.join(File.pathSeparator,
                FakeJdk.home(dir, "older", (running - 1) + ".0.2").toString(),
                FakeJdk.home(dir, "same", running + ".0.9").toString());

        String out = ChildJvm.probe(Map.of(Jdks.ENV, homes), "jdks");

        assertTrue(out.endsWith("newer none"), out);
    }
}

package escapelab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.errors.CellFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resolution without the network: the build's own local repository, and file-based mirrors. */
class MavenResolverTest {

    @TempDir
    Path dir;

    private static MavenSettings userSettingsOffline() throws IOException {
        MavenSettings user = MavenSettings.forUser(Path.of(System.getProperty("user.home")));
        return new MavenSettings(user.localRepository(), true, user.mirrors());
    }

    @Test
    void resolvesAnArtifactAndItsRuntimeDependenciesFromTheLocalRepository() throws Exception {
        // JMH is in the local repository because the course's build uses it.
        List<Path> jars = new MavenResolver(userSettingsOffline()).resolve(List.of("org.openjdk.jmh:jmh-core:1.37"));
        List<String> names = jars.stream().map(p -> p.getFileName().toString()).toList();
        assertEquals("jmh-core-1.37.jar", names.get(0));
        assertTrue(names.stream().anyMatch(n -> n.startsWith("jopt-simple-")), names.toString());
        assertTrue(jars.stream().allMatch(Files::isRegularFile), jars.toString());
    }

    @Test
    void anUnknownArtifactIsAClearError() throws Exception {
        CellFailure failure = assertThrows(CellFailure.class, () -> new MavenResolver(userSettingsOffline())
                .resolve(List.of("escapelab.nowhere:no-such-artifact:1.0")));
        assertEquals("MagicError", failure.report().name());
        assertEquals("%maven: cannot resolve escapelab.nowhere:no-such-artifact:1.0.", failure.report().value());
        assertTrue(failure.report().traceback().get(1).startsWith("Looked in the local repository "),
                failure.report().traceback().toString());
    }

    @Test
    void malformedOrMissingCoordinatesAreClearErrors() throws Exception {
        MavenResolver resolver = new MavenResolver(userSettingsOffline());
        CellFailure failure = assertThrows(CellFailure.class, () -> resolver.resolve(List.of("jmh-core")));
        assertEquals("%maven: jmh-core is not a coordinate group:artifact:version, e.g. %maven "
                + "org.openjdk.jol:jol-core:0.17.", failure.report().value());
        assertThrows(CellFailure.class, () -> resolver.resolve(List.of("org.openjdk.jmh:jmh-core:")));
        failure = assertThrows(CellFailure.class, () -> resolver.resolve(List.of()));
        assertTrue(failure.report().value().startsWith("%maven needs at least one argument"));
        assertFalse(MavenResolver.isCoordinate("a:b"));
        assertTrue(MavenResolver.isCoordinate("a:b:1.0"));
        assertTrue(MavenResolver.isCoordinate("a:b:jar:tests:1.0"));
    }

    @Test
    void centralComesFromMavensSuperPom() throws Exception {
        assertEquals("central", MavenResolver.central().getId());
        assertTrue(MavenResolver.central().getUrl().startsWith("https://"), MavenResolver.central().getUrl());
    }

    @Test
    void aMirrorInSettingsServesArtifactsIntoTheLocalRepository() throws Exception {
        Path remote = dir.resolve("remote");
        Path artifact = Files.createDirectories(remote.resolve("escapelab/test/tiny/1.0"));
        Files.writeString(artifact.resolve("tiny-1.0.pom"), "<project><modelVersion>4.0.0</modelVersion>"
                + "<groupId>escapelab.test</groupId><artifactId>tiny</artifactId><version>1.0</version></project>");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(artifact.resolve("tiny-1.0.jar")))) {
            jar.finish();
        }
        Path settingsFile = Files.writeString(dir.resolve("settings.xml"), "<settings>"
                + "<localRepository>${user.home}/local</localRepository>"
                + "<mirrors><mirror><id>files</id><mirrorOf>*</mirrorOf><url>" + remote.toUri() + "</url></mirror></mirrors>"
                + "</settings>");
        MavenSettings settings = MavenSettings.read(settingsFile, dir, new MavenSettings(dir.resolve("unused"), false, List.of()));
        assertEquals(dir.resolve("local"), settings.localRepository());
        assertEquals(List.of(new MavenSettings.Mirror("files", remote.toUri().toString(), "*")), settings.mirrors());

        List<Path> jars = new MavenResolver(settings).resolve(List.of("escapelab.test:tiny:1.0"));
        assertEquals(List.of(dir.resolve("local/escapelab/test/tiny/1.0/tiny-1.0.jar")), jars);
        assertTrue(Files.isRegularFile(jars.get(0)));
    }
}

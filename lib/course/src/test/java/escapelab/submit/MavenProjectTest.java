package escapelab.submit;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The exported pom. {@code expected-pom.xml} is the output of the pom as it was written in Java
 * (a text block), for the inputs below: moving it into a resource must not change a byte.
 */
class MavenProjectTest {

    private static final String ARTIFACT = "01-first-escape";
    private static final String JMH = "1.37";
    private static final int RELEASE = 17;

    private static String expected() throws IOException {
        try (InputStream in = MavenProjectTest.class.getResourceAsStream("expected-pom.xml")) {
            assertNotNull(in, "test resource escapelab/submit/expected-pom.xml");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void thePomIsByteForByteTheOneCapturedBeforeTheTemplate() throws IOException {
        String pom = MavenProject.pom(ARTIFACT, JMH, RELEASE);

        assertEquals(expected(), pom);
        assertArrayEquals(expected().getBytes(StandardCharsets.UTF_8), pom.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void eachInputLandsInItsOwnPlaceAndNowhereElse() throws IOException {
        String pom = MavenProject.pom("09-pooling", "1.36", 25);

        String want = expected()
                .replace("<artifactId>" + ARTIFACT + "</artifactId>", "<artifactId>09-pooling</artifactId>")
                .replace("<jmh.version>" + JMH + "</jmh.version>", "<jmh.version>1.36</jmh.version>")
                .replace("<maven.compiler.release>" + RELEASE + "</", "<maven.compiler.release>25</");
        assertEquals(want, pom);
    }

    @Test
    void inputsAreInsertedLiterallyAndMavenPropertiesAreLeftForMaven() {
        // Characters that a template engine might read as its own: inserted as given.
        String pom = MavenProject.pom("a%s${x}{{jmhVersion}}$1", "1.37", 21);

        assertTrue(pom.contains("<artifactId>a%s${x}{{jmhVersion}}$1</artifactId>"), pom);
        assertEquals(3, count(pom, "<version>${jmh.version}</version>"), "the JMH artifacts take the version from the property");
        assertFalse(pom.contains("%1$s") || pom.contains("%2$s") || pom.contains("%3$d"), "no placeholder left over");
        assertFalse(pom.contains("\r"), "lines end with \\n alone");
        assertTrue(pom.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"), pom);
        assertTrue(pom.endsWith("</project>\n"), pom);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}

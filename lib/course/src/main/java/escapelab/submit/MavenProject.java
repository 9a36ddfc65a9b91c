package escapelab.submit;

import escapelab.cell.BenchClass;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The export as a Maven project in the layout of JMH's archetype: a {@code pom.xml} beside the
 * benchmark cells' sources under {@code src/main/java}, so that anyone reproduces the numbers
 * outside the notebook ({@code mvn -q package && java -jar target/benchmarks.jar -prof gc}) and
 * opens the code in an IDE.
 */
final class MavenProject {

    /** What the README says to run, in the submission's folder. */
    static final String COMMAND = "mvn -q package && java -jar target/benchmarks.jar -prof gc";

    /**
     * The pom's text, {@code pom.xml.template} beside this class: {@code %1$s} is the artifact id,
     * {@code %2$s} the JMH version, {@code %3$d} the Java release (formatted in {@link Locale#ROOT}, so that digits stay ASCII).
     */
    private static final String POM_TEMPLATE = "pom.xml.template";

    private MavenProject() {
    }

    /**
     * The pom: JMH's core and annotation processor at the version the course ran, compiled for
     * the Java release the notebook ran on, shaded into {@code target/benchmarks.jar}.
     */
    static String pom(String artifactId, String jmhVersion, int javaRelease) {
        return String.format(Locale.ROOT, template(POM_TEMPLATE), artifactId, jmhVersion, javaRelease);
    }

    /** A resource beside this class, as UTF-8 with lines ending in {@code \n} (as a text block's). */
    private static String template(String name) {
        try (InputStream in = MavenProject.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the course library lacks its resource escapelab/submit/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read escapelab/submit/" + name, e);
        }
    }

    /** The README's section on reproducing the numbers with Maven. */
    static String readme(List<BenchClass> classes) {
        String benchmarks = classes.stream().map(BenchClass::simpleName).distinct()
                .collect(Collectors.joining(", "));
        return "This folder is also a Maven project (JMH's archetype layout: `pom.xml`, sources under "
                + "`src/main/java`). To reproduce the numbers of " + benchmarks + " outside the notebook, "
                + "or to open the code in an IDE, run here:\n\n```\n" + COMMAND + "\n```\n\n"
                + "Compare the `gc.alloc.rate.norm` lines (B/op) with the benchmark output above. A run the "
                + "notebook made with JVM flags (a variant such as `-XX:-DoEscapeAnalysis`) lists them as "
                + "`# VM options` in `jmh/*.log`: pass them with `-jvmArgsAppend \"...\"`.\n";
    }
}

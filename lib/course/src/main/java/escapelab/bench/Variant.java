package escapelab.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One configuration to run every benchmark under: a label, extra JVM flags, and optionally
 * another JDK.
 *
 * @param label the name shown in tables and charts, e.g. "EA off"
 * @param jvmArgs flags added to the forks, e.g. {@code -XX:-DoEscapeAnalysis}
 * @param javaHome the JDK to fork, or {@code null} for the one running now
 */
public record Variant(String label, List<String> jvmArgs, Path javaHome) {

    public Variant {
        if (label == null || label.isBlank()) {
            throw new IllegalArgumentException("a variant needs a label, e.g. \"EA off\"");
        }
        jvmArgs = List.copyOf(jvmArgs);
        for (String arg : jvmArgs) {
            if (!arg.startsWith("-")) {
                throw new IllegalArgumentException("JVM flag '" + arg + "' of variant " + label
                        + " does not start with '-'; write it as on the java command line, e.g. -XX:-DoEscapeAnalysis");
            }
        }
        if (javaHome != null && !Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new IllegalArgumentException("no bin/java under " + javaHome + " for variant " + label);
        }
    }

    /** A variant of the running JDK with extra flags. */
    public static Variant of(String label, String... jvmArgs) {
        return new Variant(label, List.of(jvmArgs), null);
    }

    /** The java executable this variant forks, or {@code null} for JMH's default (this JVM's). */
    String javaExecutable() {
        return javaHome == null ? null : javaHome.resolve("bin/java").toString();
    }
}

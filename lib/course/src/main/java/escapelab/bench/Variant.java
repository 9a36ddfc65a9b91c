package escapelab.bench;

import escapelab.notebook.Mistake;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * One configuration to run every benchmark under: a label, extra JVM flags, and optionally
 * another JDK.
 *
 * @param label the name shown in tables and charts, e.g. "EA off"
 * @param jvmArgs flags added to the forks, e.g. {@code -XX:-DoEscapeAnalysis}
 * @param javaHome the JDK to fork, or {@code null} for the one running now
 */
public record Variant(String label, List<String> jvmArgs, Path javaHome) {

    /**
     * Checks the components.
     *
     * @throws Mistake if the label is blank, a flag does not start with {@code -}, or the JDK
     *     has no {@code bin/java}
     */
    public Variant {
        if (label == null || label.isBlank()) {
            throw new Mistake("a variant needs a label, e.g. variant(\"EA off\", \"-XX:-DoEscapeAnalysis\")");
        }
        jvmArgs = checkFlags(jvmArgs == null ? List.of() : jvmArgs, "variant " + label);
        if (javaHome != null && !Files.isExecutable(javaHome.resolve("bin/java"))) {
            throw new Mistake("no bin/java under " + javaHome + " for variant " + label
                    + ": pick an installed JDK, e.g. jdk(21).get().variant()");
        }
    }

    /** A variant of the running JDK with extra flags. */
    public static Variant of(String label, String... jvmArgs) {
        return new Variant(label, jvmArgs == null ? List.of() : Arrays.asList(jvmArgs), null);
    }

    /**
     * Returns the flags, unmodifiable, if each is written as on the java command line.
     *
     * @param owner who gave them, for the message: {@code variant EA off}, {@code jvmArgs}
     * @throws Mistake if a flag is null or does not start with {@code -}
     */
    static List<String> checkFlags(List<String> flags, String owner) {
        for (String flag : flags) {
            if (flag == null || !flag.startsWith("-")) {
                throw new Mistake("JVM flag '" + flag + "' of " + owner + " does not start with '-'; "
                        + "write it as on the java command line, e.g. -XX:-DoEscapeAnalysis");
            }
            String instead = JMH_OPTIONS.get(flag);
            if (instead != null) {
                throw new Mistake("'" + flag + "' in " + owner + " is an option of JMH's command line, not a JVM "
                        + "flag: " + instead);
            }
        }
        return List.copyOf(flags);
    }

    /** Options of JMH's command line that a learner may take for JVM flags, and the word that says them here. */
    private static final Map<String, String> JMH_OPTIONS = Map.ofEntries(
            Map.entry("-prof", "add a profiler with .profiler(\"stack\") (JMH's names: stack, comp, cl, jfr, ...)"),
            Map.entry("-t", "set the threads with .threads(4)"),
            Map.entry("-f", "forks come from the profile: .profile(THOROUGH), or .profile(ANNOTATED) for @Fork"),
            Map.entry("-i", "iterations come from the profile: .profile(THOROUGH), or .profile(ANNOTATED)"),
            Map.entry("-wi", "warm-up comes from the profile: .profile(THOROUGH), or .profile(ANNOTATED)"),
            Map.entry("-r", "iteration time comes from the profile: .profile(THOROUGH), or .profile(ANNOTATED)"),
            Map.entry("-w", "warm-up time comes from the profile: .profile(THOROUGH), or .profile(ANNOTATED)"),
            Map.entry("-p", "set a @Param with .param(\"size\", \"10\", \"1000\")"),
            Map.entry("-bm", "set the mode in the cell with @BenchmarkMode"),
            Map.entry("-tu", "set the unit in the cell with @OutputTimeUnit"),
            Map.entry("-jvmArgs", "give JVM flags themselves, e.g. jvmArgs(\"-XX:-DoEscapeAnalysis\")"),
            Map.entry("-jvmArgsAppend", "give JVM flags themselves, e.g. jvmArgs(\"-XX:-DoEscapeAnalysis\")"),
            Map.entry("-jvmArgsPrepend", "give JVM flags themselves, e.g. jvmArgs(\"-XX:-DoEscapeAnalysis\")"));

    /** The feature release of the JDK this variant forks: 17, 25… */
    int feature() {
        return javaHome == null ? Runtime.version().feature()
                : Jdks.read(javaHome).map(Jdks.Jdk::feature).orElse(Runtime.version().feature());
    }

    /** The java executable this variant forks, or {@code null} for JMH's default (this JVM's). */
    String javaExecutable() {
        return javaHome == null ? null : javaHome.resolve("bin/java").toString();
    }
}

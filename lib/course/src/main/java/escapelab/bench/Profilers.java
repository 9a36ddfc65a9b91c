package escapelab.bench;

import escapelab.notebook.Mistake;
import org.openjdk.jmh.profile.ProfilerException;
import org.openjdk.jmh.profile.ProfilerFactory;
import org.openjdk.jmh.runner.options.ProfilerConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** JMH's profilers by the names its {@code -prof} option takes, checked before a run starts. */
final class Profilers {

    private Profilers() {
    }

    /**
     * The profiler's name and options, as given, if JMH has it and it can run here.
     *
     * @throws Mistake naming the profilers JMH has, with why the one asked for does not apply
     */
    static String check(String nameAndOptions) {
        if (nameAndOptions == null || nameAndOptions.isBlank()) {
            throw new Mistake("name one of JMH's profilers, e.g. profiler(\"stack\")" + listed());
        }
        String[] parts = nameAndOptions.strip().split(":", 2);
        try {
            ProfilerFactory.getProfilerOrException(new ProfilerConfig(parts[0], parts.length > 1 ? parts[1] : ""));
        } catch (ProfilerException e) {
            throw new Mistake("JMH's profiler '" + parts[0] + "' cannot run here: "
                    + firstLine(e.getMessage()) + listed());
        }
        return nameAndOptions.strip();
    }

    /** Adds the profiler to JMH's options, its options after the colon. */
    static void addTo(org.openjdk.jmh.runner.options.ChainedOptionsBuilder options, String nameAndOptions) {
        String[] parts = nameAndOptions.split(":", 2);
        options.addProfiler(parts[0], parts.length > 1 ? parts[1] : "");
    }

    private static String listed() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ProfilerFactory.listProfilers(new PrintStream(out, true, StandardCharsets.UTF_8));
        return "\n" + out.toString(StandardCharsets.UTF_8).strip();
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.strip().split("\\R", 2)[0];
    }
}

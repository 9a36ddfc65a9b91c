package escapelab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Runs {@link Probe} in a fresh JVM of the running JDK with an environment of its own: what reads
 * environment variables ({@link Profile#ENV}, {@link Jdks#ENV}) cannot be told otherwise from a test.
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * Runs the probe with these variables set (a null value removes one) and returns its output.
     *
     * @param what {@code profile} or {@code jdks}
     */
    static String probe(Map<String, String> env, String what) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Probe.class.getName(), what)
                .redirectErrorStream(true);
        builder.environment().remove(Profile.ENV);
        builder.environment().remove(Jdks.ENV);
        env.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("the probe JVM did not finish");
        }
        return new String(output, StandardCharsets.UTF_8).strip();
    }

    /** Prints what the environment makes of the profile, or of the installed JDKs. */
    static final class Probe {

        public static void main(String[] args) {
            if (args[0].equals("profile")) {
                try {
                    System.out.println("profile " + Profile.fromEnvironment());
                } catch (IllegalArgumentException e) {
                    System.out.println("refused " + e.getMessage());
                }
            } else {
                List<Jdks.Jdk> installed = Jdks.installed();
                System.out.println("installed " + installed.stream().map(j -> j.home().getFileName() + "=" + j.feature())
                        .collect(Collectors.joining(" ")));
                System.out.println("newer " + Jdks.newerThanRunning().map(j -> j.home().getFileName().toString())
                        .orElse("none"));
            }
        }
    }
}

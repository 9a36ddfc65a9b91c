package escapelab.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The JDKs on this machine, so that a lesson that changes on a newer JDK can show both side by
 * side, and skip that part cleanly where there is none.
 */
public final class Jdks {

    /** Path-separated JDK homes to use instead of looking under {@code /usr/lib/jvm}. */
    public static final String ENV = "ESCAPELAB_JDKS";

    private static final Pattern VERSION = Pattern.compile("^JAVA_VERSION=\"([^\"]+)\"", Pattern.MULTILINE);

    private Jdks() {
    }

    /**
     * One installed JDK.
     *
     * @param home its home folder (with {@code bin/java} and a {@code release} file)
     * @param version its version, e.g. {@code 25.0.3}
     */
    public record Jdk(Path home, String version) {

        /** The feature release: 17, 21, 25… */
        public int feature() {
            String first = version.split("[.+-]")[0];
            return Integer.parseInt(first.equals("1") ? version.split("\\.")[1] : first);
        }

        /** A variant that forks this JDK with extra flags, labelled e.g. "JDK 25". */
        public Variant variant(String... flags) {
            return labelled("JDK " + feature(), flags);
        }

        /**
         * A variant that forks this JDK with extra flags, under a label of its own, such as
         * {@code j.labelled("JDK 25, box elimination off", "-XX:-EliminateAutoBox")}.
         *
         * @throws escapelab.notebook.Mistake if the label is blank or a flag does not start with {@code -}
         */
        public Variant labelled(String label, String... flags) {
            return new Variant(label, flags == null ? List.of() : Arrays.asList(flags), home);
        }
    }

    /**
     * Every JDK found, oldest first: those {@value #ENV} names, else the running one and those
     * under {@code /usr/lib/jvm}.
     */
    public static List<Jdk> installed() {
        List<Path> candidates = new ArrayList<>();
        String configured = System.getenv(ENV);
        if (configured != null && !configured.isBlank()) {
            for (String home : configured.split(File.pathSeparator)) {
                candidates.add(Path.of(home));
            }
        } else {
            candidates.add(Path.of(System.getProperty("java.home")));
            try (Stream<Path> homes = Files.list(Path.of("/usr/lib/jvm"))) {
                homes.forEach(candidates::add);
            } catch (IOException e) {
                // no such folder: only the running JDK
            }
        }
        Map<Path, Jdk> byRealHome = new LinkedHashMap<>();
        for (Path home : candidates) {
            read(home).ifPresent(jdk -> byRealHome.putIfAbsent(jdk.home(), jdk));
        }
        return byRealHome.values().stream().sorted(Comparator.comparingInt(Jdk::feature)).toList();
    }

    /** The newest JDK of at least this feature release, if one is installed. */
    public static Optional<Jdk> atLeast(int feature) {
        List<Jdk> found = installed().stream().filter(j -> j.feature() >= feature).toList();
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    }

    /**
     * A JDK newer than the one running, for a lesson that changes on a newer release: the newest
     * installed; empty where none is.
     */
    public static Optional<Jdk> newerThanRunning() {
        int running = Runtime.version().feature();
        return installed().stream().filter(j -> j.feature() > running).reduce((older, newer) -> newer);
    }

    static Optional<Jdk> read(Path home) {
        try {
            Path real = home.toRealPath();
            Path release = real.resolve("release");
            if (!Files.isExecutable(real.resolve("bin/java")) || !Files.isRegularFile(release)) {
                return Optional.empty();
            }
            Matcher version = VERSION.matcher(Files.readString(release));
            return version.find() ? Optional.of(new Jdk(real, version.group(1))) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}

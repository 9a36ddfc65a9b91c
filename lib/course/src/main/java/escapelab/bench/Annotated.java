package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.cell.CellClasses;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.options.TimeValue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a plan's benchmarks say of their own run shape, read from JMH's benchmark list (where the
 * annotation processor wrote {@code @Fork}, {@code @Warmup}, {@code @Measurement} and their
 * flags): the course keeps a benchmark's fork flags, and says which of its annotations a profile
 * replaced.
 */
final class Annotated {

    private Annotated() {
    }

    /** The entries of the plan's benchmarks in the cells' benchmark list; empty where none is there. */
    static List<BenchmarkListEntry> entries(RunPlan<?> plan) {
        return select(all(), plan.classes(), plan.chosenMethods());
    }

    /**
     * The {@code @Group} of these classes that has a method of that name among its members: JMH
     * runs a group's members together, under the group's name.
     */
    static Optional<String> groupHolding(List<BenchClass> classes, String member) {
        for (BenchmarkListEntry entry : select(all(), classes, List.of())) {
            if (given(entry.getThreadGroupLabels()).map(labels -> labels.contains(member)).orElse(false)) {
                String username = entry.getUsername();
                return Optional.of(username.substring(username.lastIndexOf('.') + 1));
            }
        }
        return Optional.empty();
    }

    private static List<BenchmarkListEntry> all() {
        Path list = CellClasses.shared().dir().resolve("META-INF/BenchmarkList");
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        try (InputStream in = Files.newInputStream(list)) {
            return BenchmarkList.readBenchmarkList(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cells' benchmark list", e);
        }
    }

    /** The entries of these classes' benchmarks, all or the chosen methods, in list order. */
    static List<BenchmarkListEntry> select(List<BenchmarkListEntry> all, List<BenchClass> classes, List<String> methods) {
        List<BenchmarkListEntry> chosen = new ArrayList<>();
        for (BenchmarkListEntry entry : all) {
            String username = entry.getUsername();
            String method = username.substring(username.lastIndexOf('.') + 1);
            boolean ofClass = classes.stream().anyMatch(c -> c.name().equals(entry.getUserClassQName()));
            if (ofClass && (methods.isEmpty() || methods.contains(method))) {
                chosen.add(entry);
            }
        }
        return chosen;
    }

    /**
     * What a run says under its results of the benchmarks' own run shape: the {@code @Fork} flags
     * it kept, and the annotations the profile replaced.
     */
    static List<String> notes(Profile profile, List<BenchmarkListEntry> entries) {
        List<String> notes = new ArrayList<>();
        entries.stream().map(ForkFlags::of).map(ForkFlags::describe).flatMap(Optional::stream).distinct()
                .forEach(own -> notes.add("Kept the benchmark's " + own + ": its flags come after the course's fixed "
                        + "heap and collector, and the run's and your flags after them."));
        replacedBy(profile, entries).ifPresent(notes::add);
        return notes;
    }

    /**
     * A sentence naming the annotations the profile replaced, class by class, or empty where it
     * replaced none (or the profile runs them as annotated).
     */
    static Optional<String> replacedBy(Profile profile, List<BenchmarkListEntry> entries) {
        if (profile.asAnnotated()) {
            return Optional.empty();
        }
        Map<String, Set<String>> byClass = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : entries) {
            List<String> replaced = new ArrayList<>();
            given(entry.getForks()).filter(f -> f != profile.forks).ifPresent(f -> replaced.add("@Fork(" + f + ")"));
            describe("@Warmup", given(entry.getWarmupIterations()), given(entry.getWarmupTime()),
                    profile.warmupIterations, profile.warmupMillis).ifPresent(replaced::add);
            describe("@Measurement", given(entry.getMeasurementIterations()), given(entry.getMeasurementTime()),
                    profile.iterations, profile.iterationMillis).ifPresent(replaced::add);
            if (!replaced.isEmpty()) {
                String simple = entry.getUserClassQName().substring(entry.getUserClassQName().lastIndexOf('.') + 1);
                byClass.computeIfAbsent(simple, k -> new LinkedHashSet<>()).addAll(replaced);
            }
        }
        if (byClass.isEmpty()) {
            return Optional.empty();
        }
        List<String> parts = new ArrayList<>();
        byClass.forEach((c, annotations) -> parts.add(String.join(", ", annotations) + " of " + c));
        return Optional.of("The profile (" + profile.describe() + ") replaced " + String.join("; ", parts)
                + ". Run .profile(ANNOTATED) to run them as annotated.");
    }

    /** The flags a benchmark's {@code @Fork} gives: before, in place of, and after the JVM's own. */
    record ForkFlags(List<String> prepend, Optional<List<String>> jvmArgs, List<String> append) {

        static ForkFlags of(BenchmarkListEntry entry) {
            return new ForkFlags(list(entry.getJvmArgsPrepend()), given(entry.getJvmArgs()).map(List::copyOf),
                    list(entry.getJvmArgsAppend()));
        }

        static final ForkFlags NONE = new ForkFlags(List.of(), Optional.empty(), List.of());

        /** What {@code @Fork} said, in its own words, or empty where it set no flag. */
        Optional<String> describe() {
            List<String> parts = new ArrayList<>();
            jvmArgs.ifPresent(a -> parts.add("jvmArgs = " + a));
            if (!prepend.isEmpty()) {
                parts.add("jvmArgsPrepend = " + prepend);
            }
            if (!append.isEmpty()) {
                parts.add("jvmArgsAppend = " + append);
            }
            return parts.isEmpty() ? Optional.empty() : Optional.of("@Fork(" + String.join(", ", parts) + ")");
        }

        private static List<String> list(org.openjdk.jmh.util.Optional<Collection<String>> flags) {
            return given(flags).map(List::copyOf).orElse(List.of());
        }
    }

    /** JMH's own Optional as the JDK's: what an annotation set, or empty. */
    static <T> Optional<T> given(org.openjdk.jmh.util.Optional<T> value) {
        return value.hasValue() ? Optional.of(value.get()) : Optional.empty();
    }

    private static Optional<String> describe(String annotation, Optional<Integer> iterations, Optional<TimeValue> time,
                                             int profileIterations, int profileMillis) {
        List<String> parts = new ArrayList<>();
        iterations.filter(i -> i != profileIterations).ifPresent(i -> parts.add("iterations = " + i));
        time.filter(t -> t.convertTo(java.util.concurrent.TimeUnit.MILLISECONDS) != profileMillis)
                .ifPresent(t -> parts.add("time = " + t));
        return parts.isEmpty() ? Optional.empty() : Optional.of(annotation + "(" + String.join(", ", parts) + ")");
    }
}

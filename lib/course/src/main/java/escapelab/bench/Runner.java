package escapelab.bench;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.format.OutputFormat;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * JMH's {@code Runner} as a notebook cell uses it ({@code new Runner(opt).run()}): the same
 * options and output, but it waits while another run on this machine holds JMH's lock, as
 * {@code bench(...)} does, an interrupted cell ends its forks, and a fork never inherits the
 * kernel's own JVM flags (JMH copies the running JVM's flags where neither the options nor the
 * benchmark's {@code @Fork(jvmArgs)} set any): a benchmark's {@code @Fork} flags still apply.
 */
public class Runner extends org.openjdk.jmh.runner.Runner {

    private final Options options;
    private final OutputFormat out;

    /** A runner whose output goes where the options say (the cell, by default). */
    public Runner(Options options) {
        this(options, OutputFormatFactory.createFormatInstance(System.out,
                options.verbosity().orElse(VerboseMode.NORMAL)));
    }

    /** A runner with its own output format. */
    public Runner(Options options, OutputFormat format) {
        super(options, format);
        this.options = options;
        this.out = format;
    }

    @Override
    public Collection<RunResult> run() throws RunnerException {
        List<RunResult> results = new ArrayList<>();
        Set<String> said = new HashSet<>();
        for (Options group : withoutKernelFlags(options, matching(options))) {
            // GuardedRun says why it waits at every try; the cell needs it once.
            results.addAll(ForkClassPath.during(() -> GuardedRun.run(group, out, waiting -> {
                if (said.add(waiting)) {
                    out.println(waiting);
                }
            })));
        }
        return results;
    }

    @Override
    public RunResult runSingle() throws RunnerException {
        Collection<RunResult> results = run();
        if (results.size() != 1) {
            throw new IllegalArgumentException("runSingle runs one benchmark; these options match " + results.size());
        }
        return results.iterator().next();
    }

    /**
     * The options as they are where they name the forks' flags; else one set per group of the
     * benchmarks they run that share their {@code @Fork(jvmArgs)}, with no flags where a group has none.
     */
    static List<Options> withoutKernelFlags(Options options, List<BenchmarkListEntry> entries) {
        if (options.getJvmArgs().hasValue() || entries.isEmpty()) {
            return List.of(options);
        }
        Map<Optional<List<String>>, List<BenchmarkListEntry>> byFlags = new LinkedHashMap<>();
        for (BenchmarkListEntry entry : entries) {
            byFlags.computeIfAbsent(Annotated.given(entry.getJvmArgs()).map(List::copyOf), k -> new ArrayList<>())
                    .add(entry);
        }
        if (byFlags.size() == 1 && byFlags.keySet().iterator().next().isPresent()) {
            return List.of(options);
        }
        List<Options> groups = new ArrayList<>();
        byFlags.forEach((flags, group) -> {
            OptionsBuilder builder = new OptionsBuilder();
            builder.parent(options);
            // Includes add up with the parent's, so each run leaves out the other groups' benchmarks.
            entries.stream().filter(e -> !group.contains(e))
                    .forEach(e -> builder.exclude("^" + Pattern.quote(e.getUsername()) + "$"));
            if (flags.isEmpty()) {
                builder.jvmArgs();
            }
            groups.add(builder.build());
        });
        return groups;
    }

    private List<BenchmarkListEntry> matching(Options options) {
        try {
            List<String> includes = options.getIncludes().isEmpty() ? List.of(".*") : options.getIncludes();
            return new ArrayList<>(BenchmarkList.defaultList().find(out, includes, options.getExcludes()));
        } catch (RuntimeException e) {
            return List.of();
        }
    }
}

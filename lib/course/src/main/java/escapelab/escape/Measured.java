package escapelab.escape;

import escapelab.evidence.Numbers;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The verdicts read against the bytes per operation measured in the same run, so that the report
 * never contradicts its own measurement: a site in a method that measured no allocation is not
 * reported as allocating, bytes no site accounts for are stated, and sites of benchmarks that
 * were not run are said to be so.
 */
final class Measured {

    /** Below this a method allocates nothing per operation: JMH's figure is ≈0 (TLAB noise aside). */
    static final double NONE = 1.0;

    private Measured() {
    }

    /**
     * The findings with the measurement's word where the log's falls short.
     *
     * @param findings the verdicts from the compile logs
     * @param bytesPerOp JMH's bytes per operation per benchmark label ({@code boxed(n=100)}, {@code sum [EA off]})
     * @param benchmarks the {@code @Benchmark} methods of each benchmark class (binary name) given
     */
    static List<Finding> reconcile(List<Finding> findings, Map<String, Double> bytesPerOp,
                                   Map<String, List<String>> benchmarks) {
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            MethodRef context = f.context();
            boolean benchmark = benchmarks.getOrDefault(context.holder(), List.of()).contains(context.name());
            List<Double> measured = measuredFor(context.name(), bytesPerOp);
            if (benchmark && measured.isEmpty() && !bytesPerOp.isEmpty()
                    && (f.outcome() == Finding.Outcome.NOT_C2_COMPILED || f.outcome() == Finding.Outcome.NOT_RUN)) {
                out.add(new Finding(f.site(), context, Finding.Outcome.NOT_RUN, Finding.Outcome.NOT_RUN, 0, 0,
                        List.of(), List.of(context.name() + " was left out by methods(...): its sites are neither judged nor counted")));
            } else if (benchmark && !measured.isEmpty() && measured.stream().allMatch(b -> b < NONE)
                    && f.site().kind().allocates() && f.measured() == Finding.Outcome.KEPT) {
                out.add(new Finding(f.site(), context, Finding.Outcome.ELIMINATED, Finding.Outcome.ELIMINATED,
                        f.copies(), f.eliminatedCopies(), List.of("removed: nothing allocated was measured in "
                        + context.name() + " (" + figures(context.name(), bytesPerOp) + "), and C2 logged no"
                        + " elimination record for it: a dead allocation, dropped once what used it was removed"),
                        List.of(), true));
            } else {
                out.add(f);
            }
        }
        return out;
    }

    /**
     * One note per benchmark that allocated although no site of the report stays on the heap in
     * it: those bytes come from code outside the report's scope.
     */
    static List<String> unexplained(List<Finding> findings, Map<String, Double> bytesPerOp,
                                    Map<String, List<String>> benchmarks) {
        List<String> notes = new ArrayList<>();
        for (Map.Entry<String, Double> e : bytesPerOp.entrySet()) {
            String method = method(e.getKey());
            if (e.getValue() < NONE || benchmarks.values().stream().noneMatch(b -> b.contains(method))) {
                continue;
            }
            Set<Finding.Outcome> allocating = Set.of(Finding.Outcome.KEPT, Finding.Outcome.PARTLY);
            boolean explained = findings.stream().filter(f -> f.site().kind().allocates()).anyMatch(f -> {
                List<String> ofClass = benchmarks.get(f.context().holder());
                boolean own = f.context().name().equals(method) && ofClass != null && ofClass.contains(method);
                // A site kept in a helper of the class compiled on its own may be what this benchmark calls.
                boolean helper = ofClass != null && !ofClass.contains(f.context().name()) && f.copies() > 0;
                return (own && (allocating.contains(f.measured()) || f.outcome() == Finding.Outcome.NOT_C2_COMPILED))
                        || (helper && allocating.contains(f.measured()));
            });
            if (!explained) {
                notes.add(e.getKey() + " measured " + Numbers.quantity(e.getValue(), "B/op")
                        + " that no site of the report accounts for (none stays on the heap there): allocated in"
                        + " JDK or library code it calls; .scope(...) a class of that package to look there.");
            }
        }
        return notes;
    }

    /** The figures measured for a method, one per parameter set and variant. */
    private static List<Double> measuredFor(String method, Map<String, Double> bytesPerOp) {
        return bytesPerOp.entrySet().stream().filter(e -> method(e.getKey()).equals(method)).map(Map.Entry::getValue)
                .toList();
    }

    private static String figures(String method, Map<String, Double> bytesPerOp) {
        return String.join(", ", bytesPerOp.entrySet().stream().filter(e -> method(e.getKey()).equals(method))
                .map(e -> (e.getKey().equals(method) ? "" : e.getKey() + " ") + Numbers.quantity(e.getValue(), "B/op"))
                .toList());
    }

    /** The method of a label: {@code boxed(n=100) [EA off]} is {@code boxed}. */
    static String method(String label) {
        int end = label.length();
        int params = label.indexOf('(');
        int variant = label.indexOf(" [");
        if (params >= 0) {
            end = params;
        } else if (variant >= 0) {
            end = variant;
        }
        return label.substring(0, end);
    }
}

package escapelab.bench;

import escapelab.check.Check;
import escapelab.evidence.Numbers;
import escapelab.notebook.Mistake;

/**
 * Two results' times compared by their 99.9% confidence intervals (JMH's score ± error): the
 * first is faster only if its whole interval lies on the faster side of the second's, slower
 * only if the reverse holds, and otherwise the run shows no significant difference. A result
 * without an interval (one fork with one iteration) shows no difference either: it cannot tell.
 *
 * <pre>{@code
 * TimeComparison c = TimeComparison.of(run.result("builder"), run.result("concat"));
 * c.sentence();            // "builder … is faster than concat …: the intervals do not overlap"
 * c.check("builder is faster than +=");
 * }</pre>
 *
 * @param first the result the verdict is about
 * @param second the result it is compared with
 * @param verdict where the first's interval lies against the second's
 */
public record TimeComparison(BenchResult first, BenchResult second, Verdict verdict) {

    /** Where the first result's interval lies against the second's. */
    public enum Verdict {
        /** Its whole interval is faster than the second's. */
        FASTER("faster than"),
        /** Its whole interval is slower than the second's. */
        SLOWER("slower than"),
        /** The intervals overlap, or one is unknown: the run cannot tell them apart. */
        NO_SIGNIFICANT_DIFFERENCE("not significantly different from");

        private final String words;

        Verdict(String words) {
            this.words = words;
        }
    }

    /**
     * Compares the first result's time with the second's.
     *
     * @throws Mistake if a result is null or the two are in different units
     */
    public static TimeComparison of(BenchResult first, BenchResult second) {
        if (first == null || second == null) {
            throw new Mistake("pass two results to compare, e.g. compareTimes(run.result(\"builder\"), "
                    + "run.result(\"concat\"))");
        }
        if (!first.unit().equals(second.unit())) {
            throw new Mistake("cannot compare " + first.unit() + " with " + second.unit()
                    + ": run both in the same @BenchmarkMode and @OutputTimeUnit");
        }
        return new TimeComparison(first, second, verdict(first, second));
    }

    private static Verdict verdict(BenchResult first, BenchResult second) {
        if (Double.isNaN(first.error()) || Double.isNaN(second.error())) {
            return Verdict.NO_SIGNIFICANT_DIFFERENCE;
        }
        // A time per operation is better low; a throughput (ops/ms) is better high.
        double sign = lowerIsFaster(first.unit()) ? 1 : -1;
        double firstLow = sign * first.score() - first.error();
        double firstHigh = sign * first.score() + first.error();
        double secondLow = sign * second.score() - second.error();
        double secondHigh = sign * second.score() + second.error();
        if (firstHigh < secondLow) {
            return Verdict.FASTER;
        }
        if (secondHigh < firstLow) {
            return Verdict.SLOWER;
        }
        return Verdict.NO_SIGNIFICANT_DIFFERENCE;
    }

    private static boolean lowerIsFaster(String unit) {
        return !unit.startsWith("ops/");
    }

    /** Whether the first is faster than the second, beyond both intervals. */
    public boolean faster() {
        return verdict == Verdict.FASTER;
    }

    /** The first time over the second: below 1 when the first takes less time per operation. */
    public double ratio() {
        return first.score() / second.score();
    }

    /**
     * One sentence, e.g. {@code presized (412 ± 9 ns/op) is faster than builder (530 ± 14
     * ns/op): the 99.9% intervals do not overlap}.
     */
    public String sentence() {
        String why = switch (verdict) {
            case FASTER, SLOWER -> "the 99.9% intervals do not overlap";
            case NO_SIGNIFICANT_DIFFERENCE -> Double.isNaN(first.error()) || Double.isNaN(second.error())
                    ? "the run has no interval to tell (use more iterations or forks)"
                    : "the 99.9% intervals overlap";
        };
        return describe(first) + " is " + verdict.words + " " + describe(second) + ": " + why;
    }

    private static String describe(BenchResult result) {
        String error = Double.isNaN(result.error()) ? "" : " ± " + Numbers.format(result.error());
        return result.label() + " (" + Numbers.format(result.score()) + error + " " + result.unit() + ")";
    }

    /**
     * A check that passes if the first is faster than the second beyond both intervals; the
     * sentence is its evidence.
     */
    public Check check(String criterion) {
        return Check.of(criterion, faster(), sentence());
    }

    @Override
    public String toString() {
        return sentence();
    }
}

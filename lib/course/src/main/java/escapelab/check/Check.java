package escapelab.check;

import escapelab.evidence.Numbers;
import escapelab.notebook.Mistake;

/**
 * One acceptance criterion of a task, checked against a live measurement:
 *
 * <pre>{@code
 * Check.that("valueReturn allocates nothing").measured(0.0, "B/op").below(1)
 * Check.that("escaping point allocates one object").measured(16.2, "B/op").near(16, 0.10)
 * Check.of("the analysis is filled in", !analysis.isEmpty(), analysis.size() + " analysis cells")
 * }</pre>
 *
 * @param criterion what must hold, in the words of the task
 * @param measured the measured value; {@code NaN} for a criterion that is not a number
 * @param unit the measured value's unit, such as {@code B/op}; empty for none
 * @param expectation what was expected, such as {@code < 1 B/op}; for a non-numeric criterion,
 *     the evidence
 * @param verdict whether the criterion holds, fails, or is open: waiting for what only the learner
 *     can give (their own analysis)
 */
public record Check(String criterion, double measured, String unit, String expectation, Verdict verdict) {

    /**
     * Below this many bytes per operation, JMH's figure is its own noise: nothing was allocated.
     * The allocation words of {@link Measure} ({@code allocatesNothing()}, {@code allocates()},
     * ...) compare with this margin.
     */
    public static final double NO_ALLOCATION_BELOW = 1.0;

    /** How a criterion stands. */
    public enum Verdict {
        /** It holds. */
        PASS,
        /** It does not hold. */
        FAIL,
        /** Neither yet: it waits for the learner (a reference answer is not theirs). */
        OPEN
    }

    /**
     * Checks the components.
     *
     * @throws Mistake if the criterion is blank, or unit or expectation is null
     */
    public Check {
        if (criterion == null || criterion.isBlank()) {
            throw new Mistake("name the criterion, e.g. Check.that(\"valueReturn allocates nothing\")");
        }
        if (unit == null || expectation == null) {
            throw new Mistake("unit and expectation must not be null (use \"\" for no unit)");
        }
        if (verdict == null) {
            throw new Mistake("give the check a verdict: PASS, FAIL or OPEN");
        }
    }

    /** A check that holds or fails. */
    public Check(String criterion, double measured, String unit, String expectation, boolean passed) {
        this(criterion, measured, unit, expectation, passed ? Verdict.PASS : Verdict.FAIL);
    }

    /** Whether the criterion holds. */
    public boolean passed() {
        return verdict == Verdict.PASS;
    }

    /** Whether the criterion fails (an open one does not). */
    public boolean failed() {
        return verdict == Verdict.FAIL;
    }

    /**
     * Starts a numeric check: continue with {@link Measure#measured(double, String)} and then a
     * comparison such as {@link Measure#below(double)}.
     *
     * @param criterion what must hold, in the words of the task
     * @return the first step of the check
     * @throws Mistake if the criterion is blank
     */
    public static Measure that(String criterion) {
        if (criterion == null || criterion.isBlank()) {
            throw new Mistake("name the criterion, e.g. Check.that(\"valueReturn allocates nothing\")");
        }
        return new Measure(criterion, Double.NaN, null);
    }

    /**
     * Returns a check of a criterion that is not a number, such as "the analysis is written".
     *
     * @param criterion what must hold
     * @param passed whether it holds
     * @param evidence what was observed, shown in place of the expectation
     * @return the check, with {@code measured} NaN and an empty unit
     * @throws Mistake if the criterion or the evidence is blank
     */
    public static Check of(String criterion, boolean passed, String evidence) {
        if (evidence == null || evidence.isBlank()) {
            throw new Mistake("say what was observed for \"" + criterion
                    + "\", e.g. \"2 analysis cells\"");
        }
        return new Check(criterion, Double.NaN, "", evidence, passed);
    }

    /**
     * Returns a check that waits for the learner, such as an analysis that holds only the
     * reference answer: neither met nor failed.
     *
     * @param evidence what was observed and what the learner should do
     * @throws Mistake if the criterion or the evidence is blank
     */
    public static Check open(String criterion, String evidence) {
        if (evidence == null || evidence.isBlank()) {
            throw new Mistake("say what the check waits for, e.g. \"write your analysis and save\"");
        }
        return new Check(criterion, Double.NaN, "", evidence, Verdict.OPEN);
    }

    /** Whether this check compares a measured number (as opposed to {@link #of}). */
    boolean numeric() {
        return !Double.isNaN(measured);
    }

    /** The measured value and the expectation, or the evidence of a non-numeric check, on one line. */
    public String outcome() {
        if (!numeric()) {
            return oneLine(expectation);
        }
        return "measured " + Numbers.quantity(measured, unit) + ", expected " + oneLine(expectation);
    }

    /** Joins the lines of a text with spaces, so that one check stays one line of output. */
    static String oneLine(String text) {
        return text.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /**
     * Returns one line of plain text starting with {@code [PASS] }, {@code [FAIL] } or
     * {@code [OPEN] }, such as
     * {@code [PASS] valueReturn allocates nothing: measured 0 B/op, expected < 1 B/op}.
     */
    @Override
    public String toString() {
        return "[" + verdict + "] " + oneLine(criterion) + ": " + outcome();
    }

    /**
     * A numeric check under construction: first {@link #measured(double, String)}, then one
     * comparison, which returns the finished {@link Check}. Immutable: each step returns a new
     * object.
     */
    public static final class Measure {

        private final String criterion;
        private final double value;
        private final String unit;

        private Measure(String criterion, double value, String unit) {
            this.criterion = criterion;
            this.value = value;
            this.unit = unit;
        }

        /**
         * Records the measured value.
         *
         * @param value the measurement, such as a benchmark's B/op
         * @param unit its unit, such as {@code B/op}; {@code ""} for none
         * @return the next step, on which to call a comparison
         * @throws Mistake if the value is NaN (the measurement is missing) or the
         *     unit is null
         */
        public Measure measured(double value, String unit) {
            if (Double.isNaN(value)) {
                throw new Mistake("the measurement for \"" + criterion + "\" is missing (NaN):"
                        + " run the benchmark cell first and check that it produced this metric");
            }
            if (unit == null) {
                throw new Mistake("give the unit of \"" + criterion + "\", e.g. \"B/op\", or \"\" for none");
            }
            return new Measure(criterion, value, unit);
        }

        /**
         * Passes if the measured value is strictly below {@code limit}.
         *
         * @return the check, expectation like {@code < 1 B/op}
         * @throws Mistake if no value was measured yet
         * @throws Mistake if {@code limit} is NaN
         */
        public Check below(double limit) {
            return compare("<", limit, measuredValue() < limit);
        }

        /**
         * Passes if the measured value is at most {@code limit}.
         *
         * @return the check, expectation like {@code ≤ 1 B/op}
         * @throws Mistake if no value was measured yet
         * @throws Mistake if {@code limit} is NaN
         */
        public Check atMost(double limit) {
            return compare("≤", limit, measuredValue() <= limit);
        }

        /**
         * Passes if the measured value is at least {@code limit}.
         *
         * @return the check, expectation like {@code ≥ 2 ops/ms}
         * @throws Mistake if no value was measured yet
         * @throws Mistake if {@code limit} is NaN
         */
        public Check atLeast(double limit) {
            return compare("≥", limit, measuredValue() >= limit);
        }

        /**
         * Passes if the measured value is strictly above {@code limit}.
         *
         * @return the check, expectation like {@code > 1 B/op}
         * @throws Mistake if no value was measured yet
         * @throws Mistake if {@code limit} is NaN
         */
        public Check above(double limit) {
            return compare(">", limit, measuredValue() > limit);
        }

        /**
         * Passes if the measured bytes are JMH's noise: nothing was allocated (below
         * {@value Check#NO_ALLOCATION_BELOW} B/op).
         */
        public Check allocatesNothing() {
            return below(NO_ALLOCATION_BELOW);
        }

        /** Passes if the measured bytes are more than noise: something was allocated. */
        public Check allocates() {
            return atLeast(NO_ALLOCATION_BELOW);
        }

        /** Passes if the measured bytes are below {@code bytes} by more than noise. */
        public Check allocatesLessThan(double bytes) {
            return below(bytes - NO_ALLOCATION_BELOW);
        }

        /** Passes if the measured bytes are above {@code bytes} by more than noise. */
        public Check allocatesMoreThan(double bytes) {
            return above(bytes + NO_ALLOCATION_BELOW);
        }

        /** Passes if the measured bytes are at most {@code bytes}, give or take noise. */
        public Check allocatesAtMost(double bytes) {
            return atMost(bytes + NO_ALLOCATION_BELOW);
        }

        /**
         * Passes if {@code lo ≤ value ≤ hi}.
         *
         * @return the check, expectation like {@code between 10 and 20 B/op}
         * @throws Mistake if no value was measured yet
         * @throws Mistake if a bound is NaN or {@code lo > hi}
         */
        public Check between(double lo, double hi) {
            double v = measuredValue();
            requireNumber(lo, "lo");
            requireNumber(hi, "hi");
            if (lo > hi) {
                throw new Mistake("between(lo, hi) needs lo ≤ hi, got between(" + lo + ", " + hi + ")");
            }
            String expectation = "between " + Numbers.format(lo) + " and " + Numbers.quantity(hi, unit);
            return new Check(criterion, v, unit, expectation, lo <= v && v <= hi);
        }

        /**
         * Passes if the measured value is within {@code relTolerance} of {@code target}:
         * {@code |value - target| ≤ relTolerance·|target|}, bounds included.
         *
         * @param target the expected value
         * @param relTolerance the allowed deviation as a fraction of the target: 0.1 means ±10%
         * @return the check, expectation like {@code ≈ 16 B/op ± 10%}
         * @throws Mistake if no value was measured yet
         * @throws Mistake if target is NaN or infinite, or relTolerance is not
         *     between 0 and 1
         */
        public Check near(double target, double relTolerance) {
            double v = measuredValue();
            requireNumber(target, "target");
            if (Double.isInfinite(target)) {
                throw new Mistake("near(target, …) needs a finite target, got " + target);
            }
            if (!(relTolerance >= 0 && relTolerance <= 1)) {
                throw new Mistake("relTolerance is a fraction: 0.1 means ±10%; got " + relTolerance);
            }
            // 16 B ± 10% must accept 17.6 although 17.6 - 16 > 1.6 in binary floating point:
            // forgive rounding in the last bits.
            boolean passed = Math.abs(v - target) <= relTolerance * Math.abs(target) * (1 + 1e-9);
            String expectation = "≈ " + Numbers.quantity(target, unit) + " ± " + Numbers.format(relTolerance * 100) + "%";
            return new Check(criterion, v, unit, expectation, passed);
        }

        private Check compare(String operator, double limit, boolean passed) {
            requireNumber(limit, "limit");
            return new Check(criterion, value, unit, operator + " " + Numbers.quantity(limit, unit), passed);
        }

        private double measuredValue() {
            if (unit == null) {
                throw new Mistake("call measured(value, unit) before comparing, e.g. Check.that(\""
                        + criterion + "\").measured(0, \"B/op\").below(1)");
            }
            return value;
        }

        private static void requireNumber(double bound, String name) {
            if (Double.isNaN(bound)) {
                throw new Mistake(name + " is NaN: compare against a number");
            }
        }
    }
}

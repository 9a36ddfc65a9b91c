package escapelab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.bench.TimeComparison.Verdict;
import escapelab.notebook.Mistake;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeComparisonTest {

    private static BenchResult timed(String method, double score, double error, String unit) {
        return new BenchResult("Concat." + method, method, Map.of("parts", "100"), "default",
                score, error, unit, 0, Double.NaN, null, Double.NaN);
    }

    @Test
    void separateIntervalsMakeTheLowerTimeFaster() {
        TimeComparison c = TimeComparison.of(timed("builder", 500, 20, "ns/op"), timed("concat", 900, 50, "ns/op"));

        assertEquals(Verdict.FASTER, c.verdict());
        assertTrue(c.faster());
        assertEquals(500.0 / 900, c.ratio(), 1e-12);
        assertEquals("builder(parts=100) (500 ± 20 ns/op) is faster than concat(parts=100) (900 ± 50 ns/op): "
                + "the 99.9% intervals do not overlap", c.sentence());
        assertTrue(c.check("builder is faster").passed());
    }

    @Test
    void theReverseIsSlower() {
        TimeComparison c = TimeComparison.of(timed("concat", 900, 50, "ns/op"), timed("builder", 500, 20, "ns/op"));

        assertEquals(Verdict.SLOWER, c.verdict());
        assertTrue(c.check("concat is faster").failed());
    }

    @Test
    void overlappingIntervalsShowNoSignificantDifference() {
        // 500 + 30 reaches 520 - 0: the intervals touch from 520 to 530.
        TimeComparison c = TimeComparison.of(timed("presized", 500, 30, "ns/op"), timed("builder", 540, 20, "ns/op"));

        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, c.verdict());
        assertFalse(c.faster());
        assertTrue(c.sentence().endsWith("is not significantly different from builder(parts=100) (540 ± 20 ns/op): "
                + "the 99.9% intervals overlap"), c.sentence());
    }

    @Test
    void aMissingIntervalCannotTell() {
        TimeComparison c = TimeComparison.of(timed("presized", 100, Double.NaN, "ns/op"), timed("builder", 900, 5, "ns/op"));

        assertEquals(Verdict.NO_SIGNIFICANT_DIFFERENCE, c.verdict());
        assertTrue(c.sentence().endsWith("the run has no interval to tell (use more iterations or forks)"), c.sentence());
    }

    @Test
    void aHigherThroughputIsFaster() {
        TimeComparison c = TimeComparison.of(timed("builder", 9, 1, "ops/us"), timed("concat", 2, 0.5, "ops/us"));

        assertEquals(Verdict.FASTER, c.verdict());
    }

    @Test
    void differentUnitsAreAMistake() {
        Mistake m = assertThrows(Mistake.class,
                () -> TimeComparison.of(timed("a", 1, 0.1, "ns/op"), timed("b", 1, 0.1, "us/op")));
        assertEquals("cannot compare ns/op with us/op: run both in the same @BenchmarkMode and @OutputTimeUnit",
                m.getMessage());
        assertThrows(Mistake.class, () -> TimeComparison.of(null, timed("b", 1, 0.1, "ns/op")));
    }
}

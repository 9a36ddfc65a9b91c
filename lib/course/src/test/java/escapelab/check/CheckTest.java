package escapelab.check;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CheckTest {

    private static Check.Measure bytes(double value) {
        return Check.that("allocation").measured(value, "B/op");
    }

    @Test
    void belowIsStrict() {
        assertTrue(bytes(0).below(1).passed());
        assertTrue(bytes(0.999).below(1).passed());
        assertFalse(bytes(1).below(1).passed());
        assertFalse(bytes(40).below(1).passed());
        assertEquals("< 1 B/op", bytes(0).below(1).expectation());
    }

    @Test
    void atMostIncludesTheLimit() {
        assertTrue(bytes(1).atMost(1).passed());
        assertFalse(bytes(1.0001).atMost(1).passed());
        assertEquals("≤ 1 B/op", bytes(1).atMost(1).expectation());
    }

    @Test
    void atLeastIncludesTheLimit() {
        assertTrue(bytes(2).atLeast(2).passed());
        assertFalse(bytes(1.999).atLeast(2).passed());
        assertEquals("≥ 2 B/op", bytes(2).atLeast(2).expectation());
    }

    @Test
    void aboveIsStrict() {
        assertFalse(bytes(2).above(2).passed());
        assertTrue(bytes(2.001).above(2).passed());
        assertEquals("> 2 B/op", bytes(3).above(2).expectation());
    }

    @Test
    void betweenIncludesBothEnds() {
        assertTrue(bytes(10).between(10, 20).passed());
        assertTrue(bytes(20).between(10, 20).passed());
        assertTrue(bytes(15).between(10, 20).passed());
        assertFalse(bytes(9.99).between(10, 20).passed());
        assertFalse(bytes(20.01).between(10, 20).passed());
        assertEquals("between 10 and 20 B/op", bytes(15).between(10, 20).expectation());
        assertThrows(IllegalArgumentException.class, () -> bytes(15).between(20, 10));
    }

    @Test
    void nearAcceptsTheToleranceBoundsInclusive() {
        assertTrue(bytes(16).near(16, 0.10).passed());
        assertTrue(bytes(17.6).near(16, 0.10).passed(), "upper bound, despite binary rounding");
        assertTrue(bytes(14.4).near(16, 0.10).passed(), "lower bound");
        assertFalse(bytes(17.61).near(16, 0.10).passed());
        assertFalse(bytes(14.39).near(16, 0.10).passed());
        assertFalse(bytes(0).near(16, 0.10).passed());
        assertTrue(bytes(0).near(0, 0.10).passed());
        assertFalse(bytes(0.01).near(0, 0.10).passed());
        assertEquals("≈ 16 B/op ± 10%", bytes(16).near(16, 0.10).expectation());
        assertEquals("≈ 24 B/op ± 2.5%", bytes(24).near(24, 0.025).expectation());
        assertThrows(IllegalArgumentException.class, () -> bytes(16).near(16, 10), "10 is not 10%");
        assertThrows(IllegalArgumentException.class, () -> bytes(16).near(16, -0.1));
        assertThrows(IllegalArgumentException.class, () -> bytes(16).near(Double.NaN, 0.1));
    }

    @Test
    void theCheckCarriesItsMeasurement() {
        Check check = Check.that("valueReturn allocates nothing").measured(0, "B/op").below(1);
        assertEquals(new Check("valueReturn allocates nothing", 0, "B/op", "< 1 B/op", true), check);
        assertEquals("[PASS] valueReturn allocates nothing: measured 0 B/op, expected < 1 B/op", check.toString());
        Check failing = Check.that("escape allocates one Point").measured(40, "B/op").near(16, 0.1);
        assertEquals("[FAIL] escape allocates one Point: measured 40 B/op, expected ≈ 16 B/op ± 10%", failing.toString());
    }

    @Test
    void missingMeasurementsAreRejectedWithAdvice() {
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Check.that("valueReturn allocates nothing").measured(Double.NaN, "B/op"));
        assertTrue(nan.getMessage().contains("missing"), nan.getMessage());
        assertTrue(nan.getMessage().contains("valueReturn allocates nothing"), nan.getMessage());
        Mistake unmeasured = assertThrows(Mistake.class,
                () -> Check.that("x").below(1));
        assertTrue(unmeasured.getMessage().contains("measured("), unmeasured.getMessage());
        assertThrows(IllegalArgumentException.class, () -> bytes(1).below(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> Check.that(" "));
        assertThrows(IllegalArgumentException.class, () -> Check.that("x").measured(1, null));
    }

    @Test
    void measureStepsDoNotChangeEachOther() {
        Check.Measure start = Check.that("x");
        Check.Measure one = start.measured(1, "B/op");
        Check.Measure two = start.measured(2, "ns/op");
        assertEquals(1, one.below(5).measured());
        assertEquals("B/op", one.below(5).unit());
        assertEquals(2, two.below(5).measured());
        assertThrows(Mistake.class, () -> start.below(1));
    }

    @Test
    void nonNumericChecksShowTheirEvidence() {
        Check written = Check.of("the analysis is written", true, "2 analysis cells");
        assertTrue(Double.isNaN(written.measured()));
        assertEquals("", written.unit());
        assertEquals("2 analysis cells", written.expectation());
        assertEquals("[PASS] the analysis is written: 2 analysis cells", written.toString());
        assertEquals("[FAIL] the analysis is written: no cell tagged analysis",
                Check.of("the analysis is written", false, "no cell tagged analysis").toString());
        assertThrows(IllegalArgumentException.class, () -> Check.of("x", true, " "));
    }

    @Test
    void measurementsReadAsNumbersForPeople() {
        assertEquals("[PASS] tiny: measured ≈0 B/op, expected < 1 B/op",
                Check.that("tiny").measured(2.3e-5, "B/op").below(1).toString());
        assertEquals("[PASS] big: measured 1235 B/op, expected < 2000 B/op",
                Check.that("big").measured(1234.5, "B/op").below(2000).toString());
    }

    @Test
    void noAllocationMeansBelowJmhsNoiseOfOneByte() {
        assertEquals(1.0, Check.NO_ALLOCATION_BELOW);
        assertTrue(bytes(0).allocatesNothing().passed());
        assertTrue(bytes(0.999).allocatesNothing().passed());
        assertFalse(bytes(1).allocatesNothing().passed(), "1 B/op is no longer noise");
        assertFalse(bytes(16).allocatesNothing().passed());
        assertEquals("< 1 B/op", bytes(0).allocatesNothing().expectation());
        assertEquals("[PASS] valueReturn allocates nothing: measured 0 B/op, expected < 1 B/op",
                Check.that("valueReturn allocates nothing").measured(0, "B/op").allocatesNothing().toString());
    }

    @Test
    void allocatesMeansAtLeastTheNoise() {
        assertTrue(bytes(1).allocates().passed(), "the margin itself counts as allocating");
        assertTrue(bytes(16).allocates().passed());
        assertFalse(bytes(0.999).allocates().passed());
        assertFalse(bytes(0).allocates().passed());
        assertEquals("≥ 1 B/op", bytes(16).allocates().expectation());
    }

    @Test
    void allocatesLessThanMustBeBelowByMoreThanTheNoise() {
        assertTrue(bytes(0).allocatesLessThan(16).passed());
        assertTrue(bytes(14.999).allocatesLessThan(16).passed());
        assertFalse(bytes(15).allocatesLessThan(16).passed(), "15 is within the noise of 16");
        assertFalse(bytes(15.5).allocatesLessThan(16).passed());
        assertFalse(bytes(16).allocatesLessThan(16).passed());
        assertEquals("< 15 B/op", bytes(0).allocatesLessThan(16).expectation());
        assertEquals("< 23.5 B/op", bytes(0).allocatesLessThan(24.5).expectation());
    }

    @Test
    void allocatesMoreThanMustBeAboveByMoreThanTheNoise() {
        assertTrue(bytes(17.001).allocatesMoreThan(16).passed());
        assertTrue(bytes(40).allocatesMoreThan(16).passed());
        assertFalse(bytes(17).allocatesMoreThan(16).passed(), "17 is within the noise of 16");
        assertFalse(bytes(16.5).allocatesMoreThan(16).passed());
        assertFalse(bytes(16).allocatesMoreThan(16).passed());
        assertEquals("> 17 B/op", bytes(40).allocatesMoreThan(16).expectation());
        assertTrue(bytes(1.001).allocatesMoreThan(0).passed());
        assertFalse(bytes(1).allocatesMoreThan(0).passed());
    }

    @Test
    void allocatesAtMostForgivesTheNoiseAboveTheBound() {
        assertTrue(bytes(0).allocatesAtMost(16).passed());
        assertTrue(bytes(16).allocatesAtMost(16).passed());
        assertTrue(bytes(17).allocatesAtMost(16).passed(), "16 give or take the noise");
        assertFalse(bytes(17.001).allocatesAtMost(16).passed());
        assertFalse(bytes(40).allocatesAtMost(16).passed());
        assertEquals("≤ 17 B/op", bytes(16).allocatesAtMost(16).expectation());
        Check failing = Check.that("escape allocates one Point at most").measured(40, "B/op").allocatesAtMost(16);
        assertEquals("[FAIL] escape allocates one Point at most: measured 40 B/op, expected ≤ 17 B/op",
                failing.toString());
    }

    @Test
    void allocationWordsNeedAMeasurementAndANumber() {
        assertThrows(Mistake.class, () -> Check.that("x").allocatesNothing());
        assertThrows(Mistake.class, () -> Check.that("x").allocates());
        assertThrows(Mistake.class, () -> Check.that("x").allocatesLessThan(16));
        assertThrows(Mistake.class, () -> Check.that("x").allocatesMoreThan(16));
        assertThrows(Mistake.class, () -> Check.that("x").allocatesAtMost(16));
        assertThrows(Mistake.class, () -> bytes(0).allocatesLessThan(Double.NaN));
        assertThrows(Mistake.class, () -> bytes(0).allocatesMoreThan(Double.NaN));
        assertThrows(Mistake.class, () -> bytes(0).allocatesAtMost(Double.NaN));
    }
}

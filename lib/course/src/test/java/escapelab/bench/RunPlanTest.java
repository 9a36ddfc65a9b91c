package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The words of a run plan, through {@link Bench}: each checks its input when given. The classes
 * are made up (nothing here compiles or runs a benchmark).
 */
class RunPlanTest {

    static final BenchClass FIRST = new BenchClass("cells.FirstEscape", "FirstEscape", "",
            List.of("cells.FirstEscape", "cells.Point"), List.of("valueReturn", "pointerReturn"));
    static final BenchClass BOXING = new BenchClass("cells.Boxing", "Boxing", "",
            List.of("cells.Boxing"), List.of("valueReturn", "boxed"));

    private static Bench bench() {
        return new Bench(List.of(FIRST, BOXING));
    }

    private static String refusal(org.junit.jupiter.api.function.Executable word) {
        return assertThrows(Mistake.class, word).getMessage();
    }

    @Test
    void aPlanNeedsAtLeastOneClass() {
        assertEquals("name at least one benchmark class, e.g. bench(FirstEscape.class)", refusal(() -> new Bench(List.of())));
        assertEquals("name at least one benchmark class, e.g. bench(FirstEscape.class)", refusal(() -> new Bench(null)));
    }

    @Test
    void thePlanKeepsTheClassesAsGivenEvenIfTheListChangesAfterwards() {
        List<BenchClass> given = new ArrayList<>(List.of(FIRST));
        Bench bench = new Bench(given);
        given.add(BOXING);

        assertEquals(List.of(FIRST), bench.classes());
    }

    @Test
    void methodsChosenAreKeptInOrderAndMayComeFromAnyOfTheClasses() {
        Bench bench = bench().methods("boxed", "pointerReturn");

        assertEquals(List.of("boxed", "pointerReturn"), bench.chosenMethods());
    }

    @Test
    void withoutMethodsEveryBenchmarkRuns() {
        assertEquals(List.of(), bench().chosenMethods());
    }

    @Test
    void aMethodThatNoClassBenchmarksIsRefusedNamingEachClasssBenchmarks() {
        assertEquals("no @Benchmark method Point in FirstEscape (its benchmarks: valueReturn, pointerReturn), "
                + "Boxing (its benchmarks: valueReturn, boxed)", refusal(() -> bench().methods("valueReturn", "Point")));
    }

    @Test
    void methodsWithoutANameIsRefusedSayingThatAllRunWithoutIt() {
        String expected = "name the @Benchmark methods to run, e.g. methods(\"valueReturn\"); "
                + "without methods(...) all of them run";
        assertEquals(expected, refusal(() -> bench().methods()));
        assertEquals(expected, refusal(() -> bench().methods((String[]) null)));
    }

    @Test
    void aParamNeedsAFieldName() {
        String expected = "name the @Param field, e.g. param(\"size\", \"10\", \"1000\")";
        assertEquals(expected, refusal(() -> bench().param(" ", "10")));
        assertEquals(expected, refusal(() -> bench().param(null, "10")));
    }

    @Test
    void aParamNeedsAtLeastOneValue() {
        String expected = "param size needs at least one value, e.g. param(\"size\", \"10\", \"1000\")";
        assertEquals(expected, refusal(() -> bench().param("size")));
        assertEquals(expected, refusal(() -> bench().param("size", (String[]) null)));
    }

    @Test
    void aParamKeepsItsValuesAsGivenAndALaterCallForTheSameFieldReplacesThem() {
        String[] values = {"10", "1000"};
        Bench bench = bench().param("size", values).param("kind", "a");
        values[0] = "changed";

        assertArrayEquals(new String[] {"10", "1000"}, bench.chosenParams().get("size"));
        bench.param("size", "5");
        assertArrayEquals(new String[] {"5"}, bench.chosenParams().get("size"));
        assertEquals(List.of("size", "kind"), List.copyOf(bench.chosenParams().keySet()));
    }

    @Test
    void variantsAreKeptInOrderWithTheirFlags() {
        Bench bench = bench().variant("EA on").variant("EA off", "-XX:-DoEscapeAnalysis");

        assertTrue(bench.hasVariants());
        assertEquals(List.of(Variant.of("EA on"), Variant.of("EA off", "-XX:-DoEscapeAnalysis")), bench.variants());
    }

    @Test
    void withoutVariantsThePlanSaysSo() {
        assertFalse(bench().hasVariants());
        assertEquals(List.of(), bench().variants());
    }

    @Test
    void twoVariantsOfTheSameLabelAreRefused() {
        assertEquals("two variants are labelled EA off: give each its own label",
                refusal(() -> bench().variant("EA off").variant("EA off", "-XX:-DoEscapeAnalysis")));
        assertEquals("two variants are labelled EA off: give each its own label",
                refusal(() -> bench().variant("EA off").variant(Variant.of("EA off"))));
    }

    @Test
    void aVariantNeedsALabelAndFlagsWrittenAsOnTheCommandLine() {
        assertEquals("a variant needs a label, e.g. variant(\"EA off\", \"-XX:-DoEscapeAnalysis\")",
                refusal(() -> bench().variant(" ")));
        assertEquals("JVM flag 'XX:-DoEscapeAnalysis' of variant EA off does not start with '-'; write it as on the "
                + "java command line, e.g. -XX:-DoEscapeAnalysis", refusal(() -> bench().variant("EA off", "XX:-DoEscapeAnalysis")));
        assertEquals("pass a variant, e.g. variant(\"EA off\", \"-XX:-DoEscapeAnalysis\")",
                refusal(() -> bench().variant((Variant) null)));
    }

    @Test
    void jvmArgsAddUpAcrossCallsAndMustStartWithADash() {
        Bench bench = bench().jvmArgs("-Xmx2g").jvmArgs("-XX:+PrintCompilation", "-Xss4m");

        assertEquals(List.of("-Xmx2g", "-XX:+PrintCompilation", "-Xss4m"), bench.chosenJvmArgs());
        assertEquals("JVM flag 'Xmx2g' of jvmArgs does not start with '-'; write it as on the java command line, "
                + "e.g. -XX:-DoEscapeAnalysis", refusal(() -> bench().jvmArgs("Xmx2g")));
        assertTrue(refusal(() -> bench().jvmArgs("-Xmx2g", null)).startsWith("JVM flag 'null' of jvmArgs"));
        assertEquals(List.of(), bench().jvmArgs((String[]) null).chosenJvmArgs(), "no flags is no change");
    }

    @Test
    void theProfileIsTheEnvironmentsUntilOneIsPickedAndCannotBeNull() {
        assertSame(Profile.fromEnvironment(), bench().chosenProfile());
        assertSame(Profile.LONG_TIMING, bench().profile(Profile.LONG_TIMING).chosenProfile());
        assertEquals("pass a profile: QUICK for workshops, THOROUGH for claims about time",
                refusal(() -> bench().profile(null)));
    }

    @Test
    void theNameDefaultsToTheClassNamesJoinedInTheOrderGiven() {
        Bench bench = new Bench(List.of(BOXING, FIRST));

        assertEquals("Boxing-FirstEscape", bench.classNames());
        assertEquals("Boxing-FirstEscape", bench.nameOr(bench.classNames()));
        assertEquals("FirstEscape", new Bench(List.of(FIRST)).classNames());
    }

    @Test
    void aGivenNameIsStrippedAndReplacesTheDefault() {
        Bench bench = bench().named("  FirstEscape-jdk21 ");

        assertEquals("FirstEscape-jdk21", bench.nameOr(bench.classNames()));
    }

    @Test
    void aBlankNameIsRefused() {
        String expected = "give a name with letters or digits, e.g. named(\"FirstEscape-jdk21\")";
        assertEquals(expected, refusal(() -> bench().named(" \t")));
        assertEquals(expected, refusal(() -> bench().named(null)));
    }

    @Test
    void objectsOfNeedsAClass() {
        assertEquals("pass the class whose objects to count, e.g. objectsOf(Point.class)",
                refusal(() -> bench().objectsOf(null)));
    }

    @Test
    void everyWordReturnsTheSameBenchToChainOn() {
        Bench bench = bench();

        assertSame(bench, bench.methods("boxed").param("size", "1").variant("v").jvmArgs("-Xss1m")
                .profile(Profile.QUICK).named("n").objectsOf(String.class));
    }
}

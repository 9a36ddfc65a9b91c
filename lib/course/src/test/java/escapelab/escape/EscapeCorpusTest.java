package escapelab.escape;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.escape.Finding.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small classes with known outcomes on the JDK running the tests, each verdict cross-checked
 * against JMH's bytes per operation measured in the same forks, with escape analysis on and off.
 */
class EscapeCorpusTest {

    private static final List<String> CORPUS = List.of("LocalUse", "Returned", "StaticField", "NotInlined",
            "ArraySizes", "Merge", "Boxing", "Locks", "Lambdas", "Concat", "Reflection", "Params", "Megamorphic");

    private static EscapeReport on;
    private static EscapeReport off;

    @BeforeAll
    static void runTheCorpusWithEscapeAnalysisOnAndOff() throws Exception {
        List<BenchClass> classes = new ArrayList<>();
        for (String name : CORPUS) {
            try (InputStream in = EscapeCorpusTest.class.getResourceAsStream("/escape-corpus/" + name + ".java")) {
                classes.add(new BenchCompiler(CellClasses.shared())
                        .compile(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1));
            }
        }
        on = new Escapes(classes, CellClasses.shared().dir()).run();
        off = new Escapes(classes, CellClasses.shared().dir()).jvmArgs("-XX:-DoEscapeAnalysis").run();
        System.out.println(on.detailed().text());
        System.out.println(off.text());
    }

    private static double bytesOn(String method) {
        return on.bytesPerOp().get(method);
    }

    private static double bytesOff(String method) {
        return off.bytesPerOp().get(method);
    }

    private static void assertOutcome(Outcome expected, String what, String method) {
        assertEquals(expected, on.outcome(what, method), () -> on.detailed().text());
    }

    @Test
    void anObjectUsedLocallyIsScalarReplacedAndAllocatedWithEscapeAnalysisOff() {
        assertOutcome(Outcome.ELIMINATED, "new Point", "sum");
        assertTrue(bytesOn("sum") < 1, () -> "sum: " + bytesOn("sum") + " B/op");
        assertEquals(Outcome.KEPT, off.outcome("new Point", "sum"));
        assertTrue(bytesOff("sum") >= 16, () -> "sum, EA off: " + bytesOff("sum") + " B/op");
    }

    @Test
    void aReturnedObjectStaysOnTheHeap() {
        assertOutcome(Outcome.KEPT, "new Point", "make");
        assertTrue(bytesOn("make") >= 16, () -> "make: " + bytesOn("make") + " B/op");
    }

    @Test
    void anObjectStoredInAStaticFieldStaysOnTheHeap() {
        assertOutcome(Outcome.KEPT, "new Point", "keep");
        assertTrue(bytesOn("keep") >= 16, () -> "keep: " + bytesOn("keep") + " B/op");
    }

    @Test
    void aBoxPassedToAMegamorphicCallStaysOnTheHeapAndTheReportNamesTheCall() {
        // The call is inside max, off the box's own path: the report names it all the same.
        assertOutcome(Outcome.KEPT, "box Integer", "mixed");
        Finding mixed = on.find("box Integer", "mixed").orElseThrow();
        assertTrue(mixed.reasons().stream().anyMatch(r -> r.contains("passed to Comparable.compareTo")
                        && r.contains("which C2 did not inline")),
                () -> mixed.reasons().toString());
        assertTrue(bytesOn("mixed") >= 32, () -> "mixed: " + bytesOn("mixed") + " B/op");
    }

    @Test
    void anObjectPassedToAMethodThatIsNotInlinedStaysOnTheHeapAndTheReportSaysWhy() {
        assertOutcome(Outcome.KEPT, "new Point", "pass");
        Finding pass = on.find("new Point", "pass").orElseThrow();
        assertTrue(pass.reasons().stream().anyMatch(r -> r.contains("NotInlined.sum")
                && r.contains("disallowed by CompileCommand")), () -> pass.reasons().toString());
        assertTrue(bytesOn("pass") >= 16, () -> "pass: " + bytesOn("pass") + " B/op");
    }

    @Test
    void aSmallArrayIsScalarReplacedAndOnePastTheLimitIsNot() {
        assertOutcome(Outcome.ELIMINATED, "new int[16]", "small");
        assertOutcome(Outcome.KEPT, "new int[128]", "large");
        assertTrue(on.find("new int[128]", "large").orElseThrow().reasons().stream()
                .anyMatch(r -> r.contains("EliminateAllocationArraySizeLimit")));
        assertTrue(bytesOn("small") < 1, () -> "small: " + bytesOn("small") + " B/op");
        // One int[16] is 80 bytes; with escape analysis off some runs still measure less (53 B/op seen on
        // JDK 17, 27 on JDK 25), as if C2 dropped the array in part of the iterations: it does allocate.
        assertTrue(bytesOff("small") >= 16, () -> "small, EA off: " + bytesOff("small") + " B/op");
        assertTrue(bytesOn("large") >= 16 + 128 * 4, () -> "large: " + bytesOn("large") + " B/op");
    }

    @Test
    void objectsCreatedInTwoBranchesThatMergeStayOnTheHeap() {
        List<Finding> either = on.findings().stream().filter(f -> f.contextName().equals("either")).toList();
        assertEquals(2, either.size(), () -> on.text());
        assertTrue(either.stream().allMatch(f -> f.outcome() == Outcome.KEPT), () -> on.detailed().text());
        assertTrue(bytesOn("either") >= 16, () -> "either: " + bytesOn("either") + " B/op");
    }

    @Test
    void twoAllocationsOnOneLineAreToldApart() {
        List<Finding> oneLine = on.findings().stream().filter(f -> f.contextName().equals("eitherOnOneLine")).toList();
        assertEquals(List.of("new Point (1st on the line)", "new Point (2nd on the line)"),
                oneLine.stream().map(f -> f.site().label()).toList(), () -> on.text());
        assertEquals(oneLine.get(0).site().line(), oneLine.get(1).site().line());
        assertTrue(oneLine.get(1).line().endsWith(": new Point (2nd on the line): stays on the heap in eitherOnOneLine"),
                oneLine.get(1).line());
        assertOutcome(Outcome.KEPT, "new Point (2nd on the line)", "eitherOnOneLine");
        assertTrue(bytesOn("eitherOnOneLine") >= 16, () -> "eitherOnOneLine: " + bytesOn("eitherOnOneLine") + " B/op");
    }

    @Test
    void aCapturingLambdaUsedLocallyIsScalarReplacedAndAllocatedWithEscapeAnalysisOff() {
        assertOutcome(Outcome.ELIMINATED, "capturing lambda", "local");
        assertTrue(bytesOn("local") < 1, () -> "local: " + bytesOn("local") + " B/op");
        assertEquals(Outcome.KEPT, off.outcome("capturing lambda", "local"));
        assertTrue(bytesOff("local") >= 16, () -> "local, EA off: " + bytesOff("local") + " B/op");
    }

    @Test
    void aCapturingLambdaStoredInAStaticFieldStaysOnTheHeap() {
        assertOutcome(Outcome.KEPT, "capturing lambda", "stored");
        assertTrue(bytesOn("stored") >= 16, () -> "stored: " + bytesOn("stored") + " B/op");
    }

    @Test
    void aCapturingLambdaReturnedFromAMethodThatIsNotInlinedStaysOnTheHeapAndTheReportSaysWhy() {
        assertOutcome(Outcome.KEPT, "capturing lambda", "plusOne");
        Finding returned = on.find("capturing lambda", "plusOne").orElseThrow();
        assertTrue(returned.reasons().stream().anyMatch(r -> r.contains("not inlined into Lambdas.returned")
                && r.contains("disallowed by CompileCommand")), () -> returned.reasons().toString());
        assertTrue(bytesOn("returned") >= 16, () -> "returned: " + bytesOn("returned") + " B/op");
    }

    @Test
    void aNonCapturingLambdaIsOneSharedInstanceAndAllocatesNothing() {
        Finding shared = on.find("non-capturing lambda", "nonCapturing").orElseThrow(() -> new AssertionError(on.text()));
        assertEquals(Outcome.NOT_ALLOCATED, shared.outcome());
        assertTrue(shared.line().endsWith(": non-capturing lambda: not allocated in nonCapturing"
                + " (one instance, made once and shared)"), shared.line());
        assertTrue(bytesOn("nonCapturing") < 1, () -> "nonCapturing: " + bytesOn("nonCapturing") + " B/op");
        assertTrue(bytesOff("nonCapturing") < 1, () -> "nonCapturing, EA off: " + bytesOff("nonCapturing") + " B/op");
    }

    @Test
    void aStringConcatenationStaysOnTheHeapAndSaysWhy() {
        assertOutcome(Outcome.KEPT, "string concatenation", "concat");
        assertTrue(on.find("string concatenation", "concat").orElseThrow().reasons().stream()
                .anyMatch(r -> r.contains("byte array a concatenation fills")), () -> on.detailed().text());
        // A String (24 bytes) and its byte[] (at least 16).
        assertTrue(bytesOn("concat") >= 40, () -> "concat: " + bytesOn("concat") + " B/op");
    }

    @Test
    void reflectionsVarargsArrayIsJudgedFirstInTheCodeTheMeasurementRan() {
        Finding array = on.find("new Object[0]", "invokeInt").orElseThrow(() -> new AssertionError(on.text()));
        // The value is a shared box: the array is all the benchmark can allocate.
        if (array.measured() == Outcome.ELIMINATED) {
            assertTrue(bytesOn("invokeInt") < 1, () -> array.line() + "\ninvokeInt: " + bytesOn("invokeInt") + " B/op");
        } else {
            assertEquals(Outcome.KEPT, array.measured(), array::line);
            assertTrue(bytesOn("invokeInt") >= 15.5, () -> array.line() + "\ninvokeInt: " + bytesOn("invokeInt") + " B/op");
        }
        if (array.outcome() == Outcome.PARTLY) {
            String lead = array.measured() == Outcome.KEPT ? "stays on the heap" : "scalar-replaced";
            assertTrue(array.verdict().startsWith(lead + " in invokeInt where measured; scalar-replaced in "),
                    array.verdict());
            assertTrue(array.notes().stream().anyMatch(n -> n.startsWith("where measured: the copy in JMH's measurement loop")),
                    () -> array.notes().toString());
        }
    }

    @Test
    void withAParamTheBytesAreMeasuredPerValue() {
        assertOutcome(Outcome.KEPT, "box Integer", "boxed");
        assertTrue(bytesOn("boxed(n=100)") < 1, () -> "boxed(n=100): " + bytesOn("boxed(n=100)") + " B/op");
        assertTrue(bytesOn("boxed(n=1000)") >= 16, () -> "boxed(n=1000): " + bytesOn("boxed(n=1000)") + " B/op");
        assertTrue(on.text().contains("boxed(n=100) ≈0 B/op, boxed(n=1000) 16 B/op"), on::text);
        assertTrue(on.find("box Integer", "boxed").orElseThrow().reasons().contains(
                "Integer.valueOf returns a shared box for -128 to 127: those values allocate nothing"),
                () -> on.detailed().text());
    }

    @Test
    void aBoxThatIsOnlyUnboxedIsRemoved() {
        assertOutcome(Outcome.ELIMINATED, "box Integer", "unboxed");
        assertTrue(bytesOn("unboxed") < 1, () -> "unboxed: " + bytesOn("unboxed") + " B/op");
        assertEquals(Outcome.KEPT, off.outcome("box Integer", "unboxed"));
        assertTrue(bytesOff("unboxed") >= 16, () -> "unboxed, EA off: " + bytesOff("unboxed") + " B/op");
    }

    @Test
    void theLocksOfAStringBufferThatDoesNotEscapeAreElided() {
        List<Finding> locks = on.findings().stream()
                .filter(f -> f.contextName().equals("appended") && f.site().kind() == Site.Kind.LOCK).toList();
        assertEquals(List.of("lock StringBuffer.append", "lock StringBuffer.append", "lock StringBuffer.length"),
                locks.stream().map(f -> f.site().what()).toList());
        assertTrue(locks.stream().allMatch(f -> f.outcome() == Outcome.ELIMINATED), () -> on.detailed().text());
        assertTrue(locks.stream().anyMatch(f -> f.notes().contains(
                "lock elided because the locked object does not escape")), () -> on.detailed().text());
        assertOutcome(Outcome.ELIMINATED, "new StringBuffer", "appended");
        assertEquals(Outcome.KEPT, off.outcome("new StringBuffer", "appended"));
        assertTrue(bytesOff("appended") - bytesOn("appended") >= 24,
                () -> "appended: " + bytesOn("appended") + " B/op, EA off " + bytesOff("appended"));
    }

    @Test
    void withEscapeAnalysisOffNoAllocationIsRemovedAndOnlyCoarsenedLocksAreElided() {
        // Reflection's @Setup runs once, too rarely for C2: its varargs array is never compiled.
        assertTrue(off.findings().stream().filter(f -> f.site().kind().allocates())
                .filter(f -> f.outcome() != Outcome.NOT_C2_COMPILED)
                .allMatch(f -> f.outcome() == Outcome.KEPT), () -> off.text());
        assertEquals(0, off.counts().eliminated(), () -> off.text());
        assertTrue(off.findings().stream().filter(f -> f.outcome() == Outcome.ELIMINATED)
                .allMatch(f -> f.notes().stream().anyMatch(n -> n.contains("coarsened") || n.contains("nested"))),
                () -> off.detailed().text());
        assertEquals(Set.of("new Point in sum", "new int[16] in small", "box Integer in unboxed",
                "new StringBuffer in appended", "capturing lambda in local"),
                on.findings().stream().filter(f -> f.site().kind().allocates() && f.outcome() == Outcome.ELIMINATED)
                        .filter(f -> !f.contextName().equals("invokeInt")) // depends on the JDK: checked above
                        .map(f -> f.site().label() + " in " + f.contextName()).collect(Collectors.toSet()),
                () -> on.text());
    }

    @Test
    void whereEverySiteStaysOnTheHeapEscapeAnalysisOffChangesNoByte() {
        List<String> allKept = on.bytesPerOp().keySet().stream()
                .filter(m -> on.findings().stream().filter(f -> f.contextName().equals(method(m)) && f.site().kind().allocates())
                        .allMatch(f -> f.outcome() == Outcome.KEPT))
                .filter(m -> !m.equals("invokeInt"))
                .toList();
        // returned has no site of its own (plusOne's lambda is judged in plusOne); nonCapturing allocates nothing.
        assertEquals(Set.of("make", "keep", "pass", "large", "either", "eitherOnOneLine", "stored", "returned",
                "nonCapturing", "concat", "boxed(n=100)", "boxed(n=1000)", "mixed"), Set.copyOf(allKept),
                () -> on.text());
        for (String method : allKept) {
            assertEquals(bytesOn(method), bytesOff(method), 1.0, method);
        }
    }

    @Test
    void everyBenchmarkMethodWasCompiledByC2() {
        for (String measured : on.bytesPerOp().keySet()) {
            String method = method(measured).equals("returned") ? "plusOne" : method(measured);
            assertTrue(on.findings().stream().anyMatch(f -> f.contextName().equals(method) && f.copies() > 0),
                    () -> method + "\n" + on.text());
        }
    }

    /** The method of a measured figure, without its parameters: {@code boxed(n=100)} is {@code boxed}. */
    private static String method(String measured) {
        int params = measured.indexOf('(');
        return params < 0 ? measured : measured.substring(0, params);
    }
}

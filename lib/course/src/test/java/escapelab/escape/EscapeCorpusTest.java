package escapelab.escape;

import escapelab.bench.BenchClass;
import escapelab.bench.BenchCompiler;
import escapelab.bench.CellClasses;
import escapelab.escape.Finding.Outcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Small classes with known outcomes on the JDK running the tests, each verdict cross-checked
 * against JMH's bytes per operation measured in the same forks, with escape analysis on and off.
 */
class EscapeCorpusTest {

    private static final List<String> CORPUS = List.of("LocalUse", "Returned", "StaticField", "NotInlined",
            "ArraySizes", "Merge", "Boxing", "Locks");

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
        assertTrue(bytesOff("small") >= 16 + 16 * 4, () -> "small, EA off: " + bytesOff("small") + " B/op");
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
        assertTrue(off.findings().stream().filter(f -> f.site().kind().allocates())
                .allMatch(f -> f.outcome() == Outcome.KEPT), () -> off.text());
        assertEquals(0, off.counts().eliminated(), () -> off.text());
        assertTrue(off.findings().stream().filter(f -> f.outcome() == Outcome.ELIMINATED)
                .allMatch(f -> f.notes().stream().anyMatch(n -> n.contains("coarsened") || n.contains("nested"))),
                () -> off.detailed().text());
        assertEquals(4, on.counts().eliminated(), () -> on.text());
    }

    @Test
    void whereEverySiteStaysOnTheHeapEscapeAnalysisOffChangesNoByte() {
        List<String> allKept = on.bytesPerOp().keySet().stream()
                .filter(m -> on.findings().stream().filter(f -> f.contextName().equals(m) && f.site().kind().allocates())
                        .allMatch(f -> f.outcome() == Outcome.KEPT))
                .toList();
        assertEquals(List.of("make", "keep", "pass", "large", "either"), allKept, () -> on.text());
        for (String method : allKept) {
            assertEquals(bytesOn(method), bytesOff(method), 1.0, method);
        }
    }

    @Test
    void everyBenchmarkMethodWasCompiledByC2() {
        for (String method : on.bytesPerOp().keySet()) {
            assertTrue(on.findings().stream().anyMatch(f -> f.contextName().equals(method)
                    && f.outcome() != Outcome.NOT_C2_COMPILED), () -> method + "\n" + on.text());
        }
    }
}

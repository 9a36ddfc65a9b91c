package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.util.List;

import static escapelab.escape.CompileLogTest.LOCKED;
import static escapelab.escape.CompileLogTest.MAKE;
import static escapelab.escape.CompileLogTest.VALUE_RETURN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerdictsTest {

    private static final MethodRef POINTER_RETURN = new MethodRef("cells.Demo", "pointerReturn", "()Lcells/Demo$Point;");
    private static final MethodRef NEVER = new MethodRef("cells.Demo", "never", "()V");

    private static Site site(MethodRef method, int bci, Site.Kind kind, String what) {
        return new Site(method, bci, 10 + bci, "Demo.java", kind, what);
    }

    /**
     * Sites at bytecode index 77 are on a path C2 cut off; sites before an OSR compilation's
     * entry are not in its code; all others are in the compiled code.
     */
    private static List<Finding> judge(Site... sites) throws Exception {
        last = new Verdicts(List.of(CompileLogTest.demo()), name -> name.startsWith("cells.Demo"),
                frame -> 100 + frame.bci(), (site, entry, reach) -> site.bci() != 77 && site.bci() >= entry, 64);
        return last.judge(List.of(sites));
    }

    /** The verdicts of the last judge call, for the compilations they read. */
    private static Verdicts last;

    @Test
    void aSiteOnAPathC2CutOffIsNotInTheCompiledCode() throws Exception {
        Finding cut = judge(site(POINTER_RETURN, 77, Site.Kind.NEW, "new IllegalStateException")).get(0);
        assertEquals(Finding.Outcome.PRUNED, cut.outcome());
        assertEquals("not in the compiled code (a path never taken) in pointerReturn", cut.verdict());
    }

    @Test
    void anAllocationEliminatedInTheCompiledCopyIsScalarReplaced() throws Exception {
        Finding value = judge(site(VALUE_RETURN, 0, Site.Kind.NEW, "new Point")).get(0);
        assertEquals(Finding.Outcome.ELIMINATED, value.outcome());
        assertEquals("Demo.java:10: new Point: scalar-replaced in valueReturn", value.line());
    }

    @Test
    void anAllocationWithoutEliminationStaysOnTheHeap() throws Exception {
        Finding pointer = judge(site(POINTER_RETURN, 0, Site.Kind.NEW, "new Point")).get(0);
        assertEquals(Finding.Outcome.KEPT, pointer.outcome());
        assertEquals("Demo.java:10: new Point: stays on the heap in pointerReturn", pointer.line());
    }

    @Test
    void theLastOfSeveralCompilationsIsJudgedAndTheReportSaysSo() throws Exception {
        // Compilation 12 inlined make and scalar-replaced its Point; 15, the last, did not inline it.
        List<Finding> make = judge(site(MAKE, 0, Site.Kind.NEW, "new Point"));
        assertEquals(1, make.size(), make.toString());
        Finding own = make.get(0);
        assertEquals(MAKE, own.context());
        assertEquals(Finding.Outcome.KEPT, own.outcome());
        assertTrue(own.reasons().contains(
                "Demo.make compiled on its own: not inlined into Demo.viaHelper at line 108: disallowed by CompileCommand"),
                own.reasons().toString());
    }

    @Test
    void aSiteNoC2CompilationContainsIsSaidToBeNeverCompiled() throws Exception {
        Finding never = judge(site(NEVER, 3, Site.Kind.NEW, "new Object")).get(0);
        assertEquals(Finding.Outcome.NOT_C2_COMPILED, never.outcome());
        assertEquals("Demo.java:13: new Object: never compiled by C2 in never", never.line());
    }

    @Test
    void aLockInAnInlinedSynchronizedMethodIsElidedInAnOsrCompilation() throws Exception {
        Finding lock = judge(site(LOCKED, 22, Site.Kind.LOCK, "lock StringBuffer.append")).get(0);
        assertEquals(Finding.Outcome.ELIMINATED, lock.outcome());
        assertEquals("lock elided in locked", lock.verdict());
        // Which compilation was read is said once for the report, not under each site.
        assertTrue(last.compilationsRead().contains("Demo.locked: read its OSR compilation (entered at bci 5)"),
                last.compilationsRead().toString());
        assertFalse(lock.notes().stream().anyMatch(n -> n.contains("read its")), lock.notes().toString());
        assertTrue(lock.notes().contains("lock elided because the locked object does not escape"));
    }

    @Test
    void aSiteBeforeTheLoopAnOsrCompilationEntersIsNotInThatCode() throws Exception {
        Finding before = judge(site(LOCKED, 2, Site.Kind.NEW, "new Object")).get(0);
        assertEquals(Finding.Outcome.NOT_C2_COMPILED, before.outcome());
    }

    @Test
    void aBoxingCallThatWasNeverInlinedLateWasRemoved() throws Exception {
        Finding box = judge(site(VALUE_RETURN, 14, Site.Kind.BOX, "box Integer")).get(0);
        assertEquals("box removed in valueReturn", box.verdict());
    }

    @Test
    void aLongArrayIsExplainedByTheSizeLimit() throws Exception {
        Finding array = judge(site(POINTER_RETURN, 3, Site.Kind.ARRAY, "new int[128]")).get(0);
        assertEquals(Finding.Outcome.KEPT, array.outcome());
        assertEquals(List.of("arrays longer than 64 elements are never scalar-replaced (EliminateAllocationArraySizeLimit)"),
                array.reasons());
    }

    private static final MethodRef INVOKE_INT = new MethodRef("cells.Dyn", "invokeInt", "()I");
    private static final MethodRef LOCAL = new MethodRef("cells.Dyn", "local", "()I");
    private static final MethodRef CONCAT_LENGTH = new MethodRef("cells.Dyn", "concatLength", "()I");

    /** Reflection's array, a lambda and a concatenation, as JDK 17 logs them (trimmed). */
    private static List<Finding> judgeDynamic(Site... sites) throws Exception {
        CompileLog log;
        try (java.io.InputStream in = VerdictsTest.class.getResourceAsStream("/compile-logs/dynamic.log")) {
            log = CompileLog.read(in);
        }
        last = new Verdicts(List.of(log), name -> name.equals("cells.Dyn"), frame -> 20,
                (site, entry, reach) -> true, 64);
        return last.judge(List.of(sites));
    }

    @Test
    void whereCompiledCopiesDisagreeTheCopyInTheMeasurementLoopsStandardCompilationLeads() throws Exception {
        // Removed in invokeInt compiled alone and in the loop's OSR compilation; kept in the loop's standard one.
        Finding array = judgeDynamic(site(INVOKE_INT, 5, Site.Kind.ARRAY, "new Object[0]")).get(0);
        assertEquals(Finding.Outcome.PARTLY, array.outcome());
        assertEquals(Finding.Outcome.KEPT, array.measured());
        assertEquals("stays on the heap in invokeInt where measured; scalar-replaced in 2 of 3 compiled copies",
                array.verdict());
        assertTrue(last.compilationsRead().contains("JMH's measurement loop: read its C2 compilation and its OSR"
                + " compilation (entered at bci 13)"), last.compilationsRead().toString());
        assertTrue(array.notes().stream().anyMatch(n -> n.startsWith("where measured: the copy in JMH's measurement loop")),
                array.notes().toString());
    }

    @Test
    void aCapturingLambdaIsRemovedWhereItsHiddenClassIsEliminatedBehindItsInvokedynamic() throws Exception {
        Finding lambda = judgeDynamic(site(LOCAL, 6, Site.Kind.CAPTURING_LAMBDA, "capturing lambda")).get(0);
        assertEquals("scalar-replaced in local", lambda.verdict());
        Finding elsewhere = judgeDynamic(site(LOCAL, 7, Site.Kind.CAPTURING_LAMBDA, "capturing lambda")).get(0);
        assertEquals(Finding.Outcome.KEPT, elsewhere.outcome());
    }

    @Test
    void aConcatenationStaysOnTheHeapAndSaysItsStringWasRemoved() throws Exception {
        Finding concat = judgeDynamic(site(CONCAT_LENGTH, 4, Site.Kind.CONCAT, "string concatenation")).get(0);
        assertEquals("stays on the heap in concatLength", concat.verdict());
        assertEquals(List.of("the String it builds was scalar-replaced in 1 of 1 compiled copies: only the bytes"
                + " of the text were allocated there"), concat.notes());
        assertTrue(concat.reasons().get(0).startsWith("C2 does not scalar-replace the byte array"), concat.reasons().toString());
    }

    @Test
    void aNonCapturingLambdaIsNotAllocatedEvenWhereNothingCompiledIt() throws Exception {
        Finding shared = judgeDynamic(site(NEVER, 0, Site.Kind.NON_CAPTURING_LAMBDA, "non-capturing lambda")).get(0);
        assertEquals(Finding.Outcome.NOT_ALLOCATED, shared.outcome());
        assertEquals("not allocated in never (one instance, made once and shared)", shared.verdict());
    }
}

package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.util.List;

import static escapelab.escape.CompileLogTest.LOCKED;
import static escapelab.escape.CompileLogTest.MAKE;
import static escapelab.escape.CompileLogTest.VALUE_RETURN;
import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return new Verdicts(List.of(CompileLogTest.demo()), name -> name.startsWith("cells.Demo"),
                frame -> 100 + frame.bci(), (site, entry, reach) -> site.bci() != 77 && site.bci() >= entry, 64).judge(List.of(sites));
    }

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
        assertTrue(lock.notes().contains("Demo.locked: read its OSR compilation (entered at bci 5)"), lock.notes().toString());
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
}

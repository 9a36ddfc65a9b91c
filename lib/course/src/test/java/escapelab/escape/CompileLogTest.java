package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CompileLogTest {

    static final MethodRef VALUE_RETURN = new MethodRef("cells.Demo", "valueReturn", "()I");
    static final MethodRef VIA_HELPER = new MethodRef("cells.Demo", "viaHelper", "()I");
    static final MethodRef MAKE = new MethodRef("cells.Demo", "make", "(II)Lcells/Demo$Point;");
    static final MethodRef LOCKED = new MethodRef("cells.Demo", "locked", "()I");
    static final MethodRef APPEND = new MethodRef("java.lang.StringBuffer", "append", "(I)Ljava/lang/StringBuffer;");

    static CompileLog demo() throws Exception {
        try (InputStream in = CompileLogTest.class.getResourceAsStream("/compile-logs/demo.log")) {
            return CompileLog.read(in);
        }
    }

    @Test
    void readsEveryTaskWithItsTierKindAndOutcome() throws Exception {
        CompileLog log = demo();
        assertTrue(log.complete());
        assertEquals(List.of(9, 10, 11, 12, 15, 16, 17, 18), log.compilations().stream().map(Compilation::id).toList());
        Compilation c1 = log.compilations().get(0);
        assertFalse(c1.c2());
        Compilation c2 = log.compilations().get(1);
        assertTrue(c2.c2() && c2.succeeded() && !c2.osr());
        assertEquals(VALUE_RETURN, c2.root());
        Compilation osr = log.compilations().get(6);
        assertEquals(5, osr.osrBci());
        assertFalse(log.compilations().get(7).succeeded());
    }

    @Test
    void readsInliningWithTheCallChainEachMethodCameThrough() throws Exception {
        Compilation viaHelper = demo().compilations().get(3);
        assertEquals(List.of(new Compilation.Reach(MAKE, List.of(new Frame(VIA_HELPER, 8))),
                new Compilation.Reach(VIA_HELPER, List.of())), viaHelper.reached());
        Compilation notInlined = demo().compilations().get(4);
        InlineDecision decision = notInlined.decisions().get(0);
        assertEquals(MAKE, decision.callee());
        assertFalse(decision.inlined());
        assertEquals("disallowed by CompileCommand", decision.reason());
        assertEquals(List.of(new Frame(VIA_HELPER, 8)), decision.callSite());
    }

    @Test
    void readsEliminationsWithTheirChainInnermostFirst() throws Exception {
        Compilation viaHelper = demo().compilations().get(3);
        assertEquals(List.of(new Elimination(Elimination.Kind.ALLOCATION,
                List.of(new Frame(MAKE, 0), new Frame(VIA_HELPER, 8)), "cells.Demo$Point", "")), viaHelper.eliminations());
    }

    @Test
    void placesALateInlinedMethodAtItsCallAndKeepsTheLockReason() throws Exception {
        Compilation locked = demo().compilations().get(6);
        assertTrue(locked.reached().contains(new Compilation.Reach(APPEND, List.of(new Frame(LOCKED, 22)))),
                locked.reached().toString());
        assertEquals(List.of(new Elimination(Elimination.Kind.LOCK,
                List.of(new Frame(APPEND, -1), new Frame(LOCKED, 22)), "", "NonEscObj")), locked.eliminations());
        assertTrue(locked.lateInlinesPlanned().contains(List.of(new Frame(LOCKED, 22))));
        assertTrue(locked.lateInlinesDone().contains(List.of(new Frame(LOCKED, 22))));
    }

    @Test
    void aBoxingCallPlannedForLateInliningAndNeverInlinedIsRecorded() throws Exception {
        Compilation value = demo().compilations().get(1);
        assertTrue(value.lateInlinesPlanned().contains(List.of(new Frame(VALUE_RETURN, 14))));
        assertTrue(value.lateInlinesDone().isEmpty());
    }

    @Test
    void recordsTheBranchSidesCutOffByUncommonTraps() throws Exception {
        Compilation value = demo().compilations().get(1);
        Compilation.Reach root = value.reached().stream().filter(r -> r.method().equals(VALUE_RETURN)).findFirst()
                .orElseThrow();
        assertEquals(java.util.Set.of(3), root.cutFallThrough());
        assertTrue(root.cutTaken().isEmpty());
    }

    @Test
    void aLogCutShortKeepsTheTasksBeforeTheCut() throws Exception {
        byte[] whole;
        try (InputStream in = CompileLogTest.class.getResourceAsStream("/compile-logs/demo.log")) {
            whole = in.readAllBytes();
        }
        String text = new String(whole, java.nio.charset.StandardCharsets.UTF_8);
        int cut = text.indexOf("<task compile_id='12'") + 40;
        CompileLog log = CompileLog.read(new ByteArrayInputStream(text.substring(0, cut).getBytes()));
        assertFalse(log.complete());
        assertEquals(List.of(9, 10, 11), log.compilations().stream().map(Compilation::id).toList());
    }
}

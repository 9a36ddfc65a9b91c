package escapelab.serve;

import escapelab.evidence.Evidence;
import escapelab.evidence.SessionEvidence;
import escapelab.measure.Series;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lesson's measurements, end to end: a few seconds of load per step. */
class PoolStepTest {

    @Test
    void aPoolSavesTheScratchBufferOfEveryRequest() throws Exception {
        PoolStep none = PoolStep.measure("no pool", ScratchPool.none());
        PoolStep pooled = PoolStep.measure("pool", ScratchPool.unbounded());
        assertTrue(none.allAnswered() && pooled.allAnswered());
        assertEquals(none.borrowed(), none.returned());
        assertEquals(pooled.borrowed(), pooled.returned());
        assertTrue(none.borrowed() >= PoolStep.WARM_UP_REQUESTS + none.requests(), "one buffer per request");
        assertTrue(none.bytesPerRequest() >= PoolStep.BODY_BYTES, none.toString());
        double saved = none.bytesPerRequest() - pooled.bytesPerRequest();
        assertTrue(saved > 0.9 * PoolStep.BODY_BYTES, "saved " + saved + " B/request: " + none + " / " + pooled);
        // JFR sees the scratch buffers where the per-thread counters say they are. Its samples can
        // miss them (HotSpot samples an array placed outside the TLAB only once its thread has
        // allocated a TLAB's worth since its last sample), so the slow-path events, each recorded,
        // are counted; with the pool, after the warm-up, a borrow allocates only when it finds the
        // pool empty while the other handlers hold their buffers: rarely.
        assertTrue(none.scratchSlowPathAllocations() > 0, none.topFrames().toString());
        assertTrue(10 * pooled.scratchSlowPathAllocations() <= none.scratchSlowPathAllocations(),
                none.topFrames() + " / " + pooled.topFrames());
        // Each thread's first sample, which weighs what it allocated before the recording, is
        // left out: the samples' weights add up to about what the counters say.
        assertEquals(none.bytesPerRequest(), none.topFrames().bytesPerRequest(), 0.25 * none.bytesPerRequest());
        assertTrue(none.topFrames().table().stringColumn("type").contains("byte[]"), none.topFrames().table().print());
        assertTrue(pooled.retainedBytes() >= PoolStep.BODY_BYTES);
        assertEquals(0, none.retainedBytes());
        assertEquals(3, StepTable.of(none, pooled, pooled).table().rowCount());
    }

    @Test
    void theCapKeepsThePoolSmallWhenLargeRequestsArrive() throws Exception {
        int cap = 64 * 1024;
        Series kept = PoolRetention.named("kept").pool("no cap", ScratchPool.unbounded())
                .pool("capped", ScratchPool.capped(cap)).run();
        double largeKiB = PoolRetention.LARGE_BYTES / 1024.0;
        assertTrue(kept.last("no cap") >= largeKiB, kept.table().print());
        assertTrue(kept.max("capped") <= (double) JsonServer.THREADS * cap / 1024, kept.table().print());
        assertTrue(kept.of("capped").size() >= PoolRetention.REQUESTS / PoolRetention.SAMPLE_EVERY);
    }

    @Test
    void aRecordedStepIsEvidenceOfTheSessionWithItsTopFrames() throws Exception {
        String label = "recorded pool " + System.nanoTime();
        PoolStep step = PoolStep.recorded(label, ScratchPool.unbounded());

        List<Evidence> all = SessionEvidence.current().all();
        int frames = indexOfSame(all, step.topFrames());
        int measured = indexOfSame(all, step);
        assertTrue(frames >= 0, "the top frames are recorded: " + all);
        assertTrue(measured > frames, "then the step itself: " + all);
        assertEquals("bytes per request, " + label, step.name());
        assertTrue(step.allAnswered(), step::toString);
        assertThrows(Mistake.class, () -> PoolStep.recorded(" ", ScratchPool.none()));
        assertEquals(all, SessionEvidence.current().all(), "a refused step records nothing");
    }

    private static int indexOfSame(List<Evidence> all, Evidence wanted) {
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) == wanted) {
                return i;
            }
        }
        return -1;
    }
}

package escapelab.measure;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class MemoryTest {

    static volatile Object sink;

    @Test
    void countsTheBytesAThreadAllocates() {
        long bytes = Memory.allocatedBy(() -> sink = new byte[100_000]);
        // 100,000 elements plus the array header, and little else
        assertTrue(bytes >= 100_000 && bytes < 110_000, () -> "allocated " + bytes);
        long none = Memory.allocatedBy(() -> { });
        assertTrue(none < 1_000, () -> "an empty task allocated " + none);
    }

    @Test
    void heapInUseShrinksByWhatIsLetGo() {
        // Other tests' threads may still be ending in this JVM and freeing what they held
        // between two readings, so the best of three attempts counts.
        long best = 0;
        for (int attempt = 0; attempt < 3 && best <= 48 << 20; attempt++) {
            sink = new byte[64 << 20];
            long kept = Memory.usedHeapAfterGc();
            sink = null;
            long released = Memory.usedHeapAfterGc();
            best = Math.max(best, kept - released);
        }
        long shrank = best;
        assertTrue(shrank > 48 << 20, () -> "heap shrank by " + shrank);
    }
}

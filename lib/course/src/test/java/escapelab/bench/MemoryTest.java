package escapelab.bench;

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
    void heapInUseGrowsWithWhatIsKept() {
        long before = Memory.usedHeapAfterGc();
        sink = new byte[64 << 20];
        long after = Memory.usedHeapAfterGc();
        sink = null;
        assertTrue(after - before > 32 << 20, () -> "heap grew by " + (after - before));
    }
}

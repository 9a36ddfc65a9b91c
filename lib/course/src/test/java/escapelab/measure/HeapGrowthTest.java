package escapelab.measure;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.ref.WeakReference;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapGrowthTest {

    private static final int EIGHT_MIB = 8 << 20;
    private static final double MIB = 1 << 20;

    @Test
    void keptViewsGrowTheHeapAndKeptCopiesDoNot() throws Exception {
        Series heap = HeapGrowth.named("heap test")
                .keep("view", () -> ByteBuffer.wrap(new byte[EIGHT_MIB], 0, 100))
                .keep("copy", () -> ByteBuffer.wrap(Arrays.copyOfRange(new byte[EIGHT_MIB], 0, 100)))
                .rounds(4)
                .run();
        assertEquals(List.of("view", "copy"), heap.seriesNames());
        assertEquals(5, heap.of("view").size(), "x = 0 to 4 results kept");
        assertEquals(0, heap.first("view"));
        assertEquals(HeapGrowth.UNIT, heap.yUnit());
        double keptByViews = 4 * EIGHT_MIB / MIB;
        assertTrue(heap.growth("view") > keptByViews / 2, () -> "views grew the heap by " + heap.growth("view"));
        // G1 rounds a humongous array up to whole regions: up to twice what is kept.
        assertTrue(heap.growth("view") <= keptByViews * 2, () -> "views grew the heap by " + heap.growth("view"));
        assertTrue(Math.abs(heap.growth("copy")) < 2, () -> "copies grew the heap by " + heap.growth("copy"));
    }

    @Test
    void stopsBeforeTheHeapInUseCouldPassHalfItsMaximum() throws Exception {
        // 100 MiB of heap: the budget is 50 MiB. In use: 20, then 15 more per round; each round
        // allocates about 10 MiB, so round 3 (50 + 10 > 50) must not start.
        FakeHeap fake = new FakeHeap(100, 20, 15);
        PrintStream out = System.out;
        ByteArrayOutputStream shown = new ByteArrayOutputStream();
        System.setOut(new PrintStream(shown, true, StandardCharsets.UTF_8));
        Series heap;
        try {
            heap = new HeapGrowth("bounded", fake).keep("view", () -> new byte[10 << 20]).rounds(8).run();
        } finally {
            System.setOut(out);
        }
        assertEquals(List.of(0.0, 1.0, 2.0), heap.of("view").stream().map(Series.Point::x).toList());
        assertEquals(30, heap.last("view"), 1e-9);
        assertTrue(shown.toString(StandardCharsets.UTF_8).contains("view: stopped after 2 of 8 results"), shown::toString);
    }

    @Test
    void whatAFailingVariantKeptIsReleased() {
        List<WeakReference<byte[]>> made = new ArrayList<>();
        Callable<byte[]> failsOnTheThird = () -> {
            if (made.size() == 2) {
                throw new IllegalStateException("disk gone");
            }
            byte[] kept = new byte[1 << 20];
            made.add(new WeakReference<>(kept));
            return kept;
        };
        HeapGrowth growth = new HeapGrowth("failing", new FakeHeap(1 << 20, 0, 0)).keep("view", failsOnTheThird);
        IllegalStateException thrown = assertThrows(IllegalStateException.class, growth::run);
        assertEquals("disk gone", thrown.getMessage());
        assertEquals(2, made.size());
        for (int i = 0; i < 5 && made.stream().anyMatch(r -> r.get() != null); i++) {
            System.gc();
        }
        assertTrue(made.stream().allMatch(r -> r.get() == null), "the kept results are unreachable");
    }

    @Test
    void anInterruptStopsTheRun() {
        HeapGrowth growth = new HeapGrowth("interrupted", new FakeHeap(1 << 20, 0, 0)).keep("view", () -> new byte[8]);
        Thread.currentThread().interrupt();
        try {
            InterruptedException thrown = assertThrows(InterruptedException.class, growth::run);
            assertTrue(thrown.getMessage().contains("after 0 results of view"), thrown.getMessage());
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void mistakesAreToldInTheCellThatMadeThem() {
        assertThrows(Mistake.class, () -> HeapGrowth.named("bad/name"));
        HeapGrowth growth = HeapGrowth.named("ok");
        assertThrows(Mistake.class, growth::run);
        growth.keep("view", () -> "x");
        assertThrows(Mistake.class, () -> growth.keep("view", () -> "y"));
        assertThrows(Mistake.class, () -> growth.rounds(0));
        Mistake nullResult = assertThrows(Mistake.class,
                () -> new HeapGrowth("nulls", new FakeHeap(1 << 20, 0, 0)).keep("none", () -> null).run());
        assertTrue(nullResult.getMessage().contains("none returned null"), nullResult.getMessage());
    }

    /** A heap of {@code maxMib} whose use starts at {@code startMib} and grows by {@code stepMib} per reading. */
    private static final class FakeHeap implements HeapGrowth.Heap {
        private final long max;
        private long used;
        private final long step;
        private boolean first = true;

        FakeHeap(long maxMib, long startMib, long stepMib) {
            this.max = maxMib << 20;
            this.used = startMib << 20;
            this.step = stepMib << 20;
        }

        @Override
        public long usedAfterGc() {
            if (!first) {
                used += step;
            }
            first = false;
            return used;
        }

        @Override
        public long max() {
            return max;
        }
    }
}

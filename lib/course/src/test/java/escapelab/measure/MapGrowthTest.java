package escapelab.measure;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MapGrowthTest {

    @Test
    void aDefaultMapDoublesAtThreeQuartersFull() {
        MapGrowth g = MapGrowth.fill("no hint", new HashMap<Integer, Integer>(), 100, (m, i) -> m.put(i, i));
        // 16 at the first put, then 32 at the 13th entry, 64 at the 25th, 128 at the 49th, 256 at the 97th.
        assertEquals(List.of(new MapGrowth.Step(1, 0, 16), new MapGrowth.Step(13, 16, 32), new MapGrowth.Step(25, 32, 64),
                new MapGrowth.Step(49, 64, 128), new MapGrowth.Step(97, 128, 256)), g.steps());
        assertEquals(4, g.resizes());
        assertEquals(256, g.finalCapacity());
        assertEquals(5, g.arrayBytes().size());
        assertTrue(g.arrayBytes().get(4) >= 256 * 4L, g.arrayBytes().toString());
        assertEquals(g.allTableBytes() - g.arrayBytes().get(4), g.discardedTableBytes());
    }

    @Test
    void theCapacityArgumentStillResizesAtTheLoadFactor() {
        MapGrowth hinted = MapGrowth.fill("n", new HashMap<Integer, Integer>(100), 100, (m, i) -> m.put(i, i));
        assertEquals(List.of(new MapGrowth.Step(1, 0, 128), new MapGrowth.Step(97, 128, 256)), hinted.steps());
        assertEquals(1, hinted.resizes());
        MapGrowth exact = MapGrowth.fill("n / 0.75", new HashMap<Integer, Integer>((int) Math.ceil(100 / 0.75)), 100,
                (m, i) -> m.put(i, i));
        assertEquals(0, exact.resizes());
        assertEquals(256, exact.finalCapacity());
        assertEquals(0, exact.discardedTableBytes());
        assertTrue(exact.summary().startsWith("n / 0.75: 100 puts, 0 resizes, capacity 256"), exact.summary());
    }

    @Test
    void capacityIsZeroUntilTheFirstPutAndWorksOnSubclasses() {
        HashMap<String, String> map = new LinkedHashMap<>(1000);
        assertEquals(0, MapGrowth.capacity(map));
        map.put("a", "b");
        assertEquals(1024, MapGrowth.capacity(map));
    }

    @Test
    void misuseIsAMistake() {
        assertThrows(Mistake.class, () -> MapGrowth.capacity(null));
        assertThrows(Mistake.class, () -> MapGrowth.fill("x", new HashMap<Integer, Integer>(), -1, (m, i) -> m.put(i, i)));
    }
}

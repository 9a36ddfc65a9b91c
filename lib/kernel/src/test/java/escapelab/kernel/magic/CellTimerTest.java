package escapelab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CellTimerTest {

    @Test
    void durationsHaveThreeDigitsInTheirUnit() {
        assertEquals("1.23 s", CellTimer.format(1_234_000_000L));
        assertEquals("12.3 ms", CellTimer.format(12_340_000L));
        assertEquals("5 \u00b5s", CellTimer.format(5_000L));
        assertEquals("999 ns", CellTimer.format(999L));
        assertEquals("100 ms", CellTimer.format(100_000_000L));
        assertEquals("2min 5s", CellTimer.format(125_000_000_000L));
    }

    @Test
    void reportHasCpuAndWallTime() {
        String report = new CellTimer().report();
        assertTrue(report.matches("CPU times: total .+\nWall time: .+"), report);
    }
}

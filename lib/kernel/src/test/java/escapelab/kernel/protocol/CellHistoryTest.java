package escapelab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellHistoryTest {

    private static List<Integer> lines(List<CellHistory.Entry> entries) {
        return entries.stream().map(CellHistory.Entry::line).toList();
    }

    private static CellHistory history() {
        CellHistory history = new CellHistory(3);
        history.record(1, "int a = 1;", null);
        history.record(2, "a + 1", "2");
        history.record(3, "int a = 1;", null);
        history.record(4, "a * 6", "6");
        return history;
    }

    @Test
    void tailGivesTheLastCellsOldestFirst() {
        assertEquals(List.of(3, 4), lines(history().tail(2)));
        assertEquals(List.of(1, 2, 3, 4), lines(history().tail(0)));
    }

    @Test
    void rangeIsStartInclusiveStopExclusiveInThisSessionOnly() {
        assertEquals(List.of(2, 3), lines(history().range(3, 2, 4)));
        assertEquals(List.of(2, 3), lines(history().range(0, 2, 4)));
        assertEquals(List.of(), lines(history().range(2, 2, 4)));
    }

    @Test
    void searchMatchesWholeSourcesByGlob() {
        assertEquals(List.of(2, 4), lines(history().search("a ? ?", 0, false)));
        assertEquals(List.of(1, 3), lines(history().search("int*", 0, false)));
        assertEquals(List.of(3), lines(history().search("int*", 1, false)));
        assertEquals(List.of(3, 4), lines(history().search("*", 0, true).subList(1, 3)));
        assertEquals(List.of(4), lines(history().search("a [*]*", 0, false)));
        assertEquals(List.of(), lines(history().search("a", 0, false)));
    }
}

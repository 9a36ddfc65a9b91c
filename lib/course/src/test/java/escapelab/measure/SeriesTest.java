package escapelab.measure;

import escapelab.evidence.SessionEvidence;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SeriesTest {

    private static Series heap() {
        return Series.record("heap", "iteration", "MiB")
                .add("view", 0, 10).add("copy", 0, 10)
                .add("view", 1, 60).add("copy", 1, 10.5)
                .add("view", 2, 110).add("copy", 2, 10.25)
                .done();
    }

    @Test
    void summarisesEachSeries() {
        Series heap = heap();
        assertEquals(List.of("view", "copy"), heap.seriesNames());
        assertEquals(100, heap.growth("view"));
        assertEquals(0.25, heap.growth("copy"), 1e-12);
        assertEquals(110, heap.max("view"));
        assertEquals(10, heap.first("copy"));
        assertEquals(3, heap.of("view").size());
    }

    @Test
    void aRecorderGivesImmutableSnapshots() {
        Series.Recorder recorder = Series.record("r", "x", "B").add("a", 1, 1);
        Series first = recorder.done();
        recorder.add("a", 2, 2);
        assertEquals(1, first.points().size());
        assertEquals(2, recorder.done().points().size());
    }

    @Test
    void tableAndCsvHoldEveryPoint() {
        Series heap = heap();
        assertEquals(6, heap.table().rowCount());
        assertEquals(List.of("series", "iteration", "MiB"), heap.table().columnNames());
        assertTrue(heap.csv().startsWith("series,iteration,MiB\nview,0,10\ncopy,0,10\n"), heap.csv());
        assertTrue(heap.csv().contains("copy,2,10.2500\n"), heap.csv());
        assertTrue(heap.mimeBundle().get("text/html").contains("<table"));
    }

    @Test
    void badInputIsRefusedWithAReason() {
        assertThrows(IllegalArgumentException.class, () -> Series.record("a/b", "x", "y"));
        IllegalArgumentException nan = assertThrows(IllegalArgumentException.class,
                () -> Series.record("s", "x", "y").add("a", 1, Double.NaN));
        assertTrue(nan.getMessage().contains("is not a finite number"), nan.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> heap().last("nope"));
        assertTrue(missing.getMessage().contains("[view, copy]"), missing.getMessage());
    }

    @Test
    void aFinishedSeriesIsRecordedForTheSubmission() {
        Series done = Series.record("recorded when done", "x", "y").add("a", 1, 2).done();

        assertTrue(SessionEvidence.current().all().contains(done));
        assertEquals(List.of("data/recorded-when-done.csv"), List.copyOf(done.files().keySet()));
        assertTrue(done.markdown().startsWith("### recorded when done\n\nData: `data/recorded-when-done.csv`."),
                done.markdown());
    }
}

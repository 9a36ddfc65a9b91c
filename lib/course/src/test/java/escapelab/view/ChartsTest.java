package escapelab.view;

import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.Profile;
import escapelab.cell.BenchClass;
import escapelab.measure.Series;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChartsTest {

    private static BenchResult result(String method, String parts, String variant, double bytes) {
        return new BenchResult("Concat." + method, method, Map.of("parts", parts), variant, 10, 1, "ns/op",
                bytes, Double.NaN, null, Double.NaN);
    }

    private static BenchRun run() {
        return new BenchRun("Concat", Profile.QUICK, "OpenJDK 64-Bit Server VM 17.0.15", List.of(new BenchClass("cells.Concat", "Concat", "", List.of(),
                List.of("plus"))), List.of(result("plus", "10", "EA on", 500), result("plus", "100", "EA on", 40_000),
                result("plus", "10", "EA off", 600), result("plus", "100", "EA off", 41_000)),
                "", "", "[]", Instant.now(), Duration.ZERO);
    }

    @Test
    void barsOfTimeAndBytesSideBySide() {
        Figure figure = Charts.of(run());
        assertEquals("Concat", figure.name());
        assertEquals(1120, figure.image().getWidth());
        assertEquals(380, figure.image().getHeight());
        assertEquals((byte) 0x89, figure.png()[0]);
    }

    @Test
    void aLegendOnlyWhereThereIsMoreThanOneVariant() {
        assertTrue(Charts.bars(run()).stream().allMatch(c -> c.getStyler().isLegendVisible()), "EA on and EA off");
        BenchRun one = run();
        BenchRun onlyEaOn = new BenchRun(one.name(), one.profile(), one.vm(), one.classes(),
                one.results().stream().filter(r -> r.variant().equals("EA on")).toList(), "", "", "[]", Instant.now(),
                Duration.ZERO);
        assertTrue(Charts.bars(onlyEaOn).stream().noneMatch(c -> c.getStyler().isLegendVisible()),
                "one variant: the legend would only name it");
    }

    @Test
    void aTimeAxisStopsAtZeroWhereAnIntervalIsWiderThanItsScore() {
        BenchResult narrow = new BenchResult("Carry.carried", "carried", Map.of(), "default", 15.8, 5.5, "ns/op", 0,
                Double.NaN, null, Double.NaN);
        BenchResult wide = new BenchResult("Carry.fresh", "fresh", Map.of(), "default", 30.7, 75.3, "ns/op", 40,
                Double.NaN, null, Double.NaN);
        assertEquals(null, Charts.bars(runOf(narrow)).get(0).getStyler().getYAxisMin());
        assertEquals(0.0, Charts.bars(runOf(narrow, wide)).get(0).getStyler().getYAxisMin());
    }

    private static BenchRun runOf(BenchResult... results) {
        return new BenchRun("Carry", Profile.QUICK, "vm", List.of(), List.of(results), "", "", "[]", Instant.now(),
                Duration.ZERO);
    }

    @Test
    void linesAgainstANumericParameter() {
        Figure figure = Charts.by(run(), "parts");
        assertEquals("Concat-by-parts", figure.name());
        assertTrue(figure.title().contains("by parts"), figure.title());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> Charts.by(run(), "size"));
        assertTrue(missing.getMessage().contains("no @Param size"), missing.getMessage());
    }

    @Test
    void aSeriesIsALineChart() {
        Series heap = Series.record("heap over iterations", "iteration", "MiB").add("view", 1, 50).add("view", 2, 100).done();
        Figure figure = Charts.of(heap);
        assertEquals("heap-over-iterations", figure.name());
        assertEquals(560, figure.image().getWidth());
    }

    @Test
    void aNullResultIsAMistakeThatShowsWhatToPass() {
        Mistake run = assertThrows(Mistake.class, () -> Charts.of((BenchRun) null));
        assertEquals("pass a result, e.g. chart(firstEscape); this one is null (did its cell run?)", run.getMessage());
        Mistake series = assertThrows(Mistake.class, () -> Charts.of((Series) null));
        assertEquals("pass a result, e.g. chart(heap); this one is null (did its cell run?)", series.getMessage());
        Mistake by = assertThrows(Mistake.class, () -> Charts.by(null, "parts"));
        assertEquals("pass a result, e.g. chartBy(run, \"size\"); this one is null (did its cell run?)", by.getMessage());
    }
}

package escapelab.bench;

import escapelab.notebook.Host;
import escapelab.notebook.MimeBundle;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.results.AverageTimeResult;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.ResultRole;
import org.openjdk.jmh.runner.IterationType;
import org.openjdk.jmh.runner.WorkloadParams;
import org.openjdk.jmh.runner.format.OutputFormatFactory;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ProgressTest {

    /** Records what the progress line shows: one display, then updates of that display. */
    static final class ShownLines implements Host {
        final List<String> displayed = new ArrayList<>();
        final List<String> updates = new ArrayList<>();
        final List<String> html = new ArrayList<>();

        @Override
        public String display(Object value) {
            displayed.add(text(value));
            return "progress-1";
        }

        @Override
        public void updateDisplay(String id, Object value) {
            assertEquals("progress-1", id, "updates go to the line shown, in place");
            updates.add(text(value));
        }

        private String text(Object value) {
            Map<String, String> bundle = ((MimeBundle) value).mimeBundle();
            html.add(bundle.get("text/html"));
            return bundle.get("text/plain");
        }

        @Override
        public void addToClasspath(Path path) {
        }

        @Override
        public void declare(String javaSource) {
        }

        String last() {
            return updates.get(updates.size() - 1);
        }
    }

    private final ShownLines shown = new ShownLines();
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final Progress progress = new Progress(
            OutputFormatFactory.createFormatInstance(new PrintStream(log, true, StandardCharsets.UTF_8),
                    VerboseMode.NORMAL), 2, shown);

    private static final IterationParams WARMUP = new IterationParams(IterationType.WARMUP, 2,
            TimeValue.milliseconds(300), 1);
    private static final IterationParams MEASUREMENT = new IterationParams(IterationType.MEASUREMENT, 3,
            TimeValue.milliseconds(300), 1);
    private static final BenchmarkParams PARAMS = new BenchmarkParams("cells.FirstEscape.valueReturn",
            "cells.jmh_generated.FirstEscape_valueReturn_jmhTest.valueReturn_AverageTime", false, 1, new int[]{1},
            List.of(), 1, 0, WARMUP, MEASUREMENT, Mode.AverageTime, new WorkloadParams(), TimeUnit.NANOSECONDS, 1,
            "java", List.of(), "17", "OpenJDK 64-Bit Server VM", "17.0.15", "1.37", TimeValue.minutes(10));

    private static IterationResult took(IterationParams iteration, long nanos) {
        IterationResult result = new IterationResult(PARAMS, iteration, null);
        result.addResult(new AverageTimeResult(ResultRole.PRIMARY, "valueReturn", 1_000, nanos * 1_000,
                TimeUnit.NANOSECONDS));
        return result;
    }

    @Test
    void oneLineIsShownAndUpdatedInPlaceAtEveryIteration() {
        progress.show();
        progress.startBenchmark(PARAMS);
        progress.iterationResult(PARAMS, WARMUP, 1, took(WARMUP, 3));
        progress.iterationResult(PARAMS, MEASUREMENT, 2, took(MEASUREMENT, 1234));
        progress.endBenchmark(new BenchmarkResult(PARAMS, List.of(took(MEASUREMENT, 1234))));
        progress.startBenchmark(PARAMS);

        assertEquals(List.of("… JMH 0/2 benchmarks done, 0 s: starting JMH"), shown.displayed);
        assertEquals(4, shown.updates.size(), shown.updates.toString());
        assertEquals("… JMH 0/2 benchmarks done, 0 s: FirstEscape.valueReturn: forking a JVM", shown.updates.get(0));
        assertEquals("… JMH 0/2 benchmarks done, 0 s: FirstEscape.valueReturn: warm-up 1/2, 3 ns/op",
                shown.updates.get(1));
        assertEquals("… JMH 0/2 benchmarks done, 0 s: FirstEscape.valueReturn: measurement 2/3, 1234 ns/op",
                shown.updates.get(2));
        assertTrue(shown.last().startsWith("… JMH 1/2 benchmarks done"), shown.last());
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("FirstEscape.valueReturn"), "JMH's log is kept");
    }

    @Test
    void aVariantIsNamedBesideTheBenchmark() {
        progress.show();
        progress.startVariant("EA off");
        progress.startBenchmark(PARAMS);
        assertTrue(shown.last().endsWith("FirstEscape.valueReturn [EA off]: forking a JVM"), shown.last());
    }

    @Test
    void waitingSaysWhyNothingMoves() {
        progress.show();
        progress.waiting("waiting: another benchmark is running on this machine");
        assertEquals("… JMH 0/2 benchmarks done, 0 s: waiting: another benchmark is running on this machine",
                shown.last());
    }

    @Test
    void finishingAndStoppingReplaceTheLineWithMarksEveryFontHas() {
        progress.show();
        progress.finish("JMH done: 2 benchmark runs in 3 s");
        assertEquals("✓ JMH done: 2 benchmark runs in 3 s", shown.last());
        progress.stop("Boom.boom threw java.lang.IllegalStateException: boom\n    at line 8");
        assertEquals("✘ Boom.boom threw java.lang.IllegalStateException: boom", shown.last());
        for (String html : shown.html) {
            assertTrue(html.matches("<div style=\"font-family:monospace\">[…✓✘] [^<]*</div>"), html);
            assertTrue(html.codePoints().noneMatch(c -> c > 0xFFFF || c == 0x23F3), "no emoji: " + html);
        }
    }

    @Test
    void withoutADisplayNothingIsUpdated() {
        progress.waiting("waiting");
        progress.finish("done");
        assertEquals(List.of(), shown.updates);
    }
}

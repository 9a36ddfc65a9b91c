package escapelab.fuzz;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Reads libFuzzer output captured from real Jazzer 0.24 runs (paths shortened). */
class FuzzSummaryTest {

    private static String captured(String name) throws IOException {
        try (InputStream in = FuzzSummaryTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void readsTheDoneLineOfARunThatRanItsTime() throws IOException {
        FuzzSummary summary = FuzzSummary.parse(captured("one-minute-done.txt"));

        assertEquals(4_280_533, summary.executions());
        assertEquals(61, summary.seconds());
        assertEquals(33, summary.coverage());
        assertEquals(38, summary.features());
        assertEquals(10, summary.corpusEntries());
        assertEquals("178b", summary.corpusSize());
        assertFalse(summary.crashed());
        assertEquals("#4280533\tDONE   cov: 33 ft: 38 corp: 10/178b lim: 4096 exec/s: 70172 rss: 2442Mb",
                summary.statusLine());
        assertEquals("fuzzed 4,280,533 inputs in 61 s: coverage 33 points (38 features), corpus 10 inputs (178b), "
                + "no crash", summary.toString());
    }

    @Test
    void readsTheFindingAndTheSavedInputOfARunThatCrashed() throws IOException {
        FuzzSummary summary = FuzzSummary.parse(captured("crash.txt"));

        assertTrue(summary.crashed());
        assertEquals("java.lang.ArrayIndexOutOfBoundsException: Index 30 out of bounds for length 5", summary.finding());
        assertEquals("crashes/crash-5f74ecdc63001422c077e8bb430d8c61b11fe884", summary.crashInput());
        // The final stats count the inputs after the last status line (#2 INITED) too.
        assertEquals(539, summary.executions());
        assertEquals(0, summary.seconds());
        assertEquals(2, summary.coverage());
        assertEquals(1, summary.corpusEntries());
    }

    @Test
    void readsAFindingOnASeedBeforeAnyStatusLine() throws IOException {
        // A seed that crashes the target stops the run while libFuzzer reads the corpus.
        String seedCrash = captured("crash.txt").replaceFirst("(?m)^#2\tINITED.*\n", "");

        FuzzSummary summary = FuzzSummary.parse(seedCrash);

        assertTrue(summary.crashed());
        assertEquals(0, summary.coverage());
        assertEquals("", summary.statusLine());
        assertEquals("crashes/crash-5f74ecdc63001422c077e8bb430d8c61b11fe884", summary.crashInput());
        assertEquals("fuzzed 539 inputs: coverage 0 points (0 features), corpus 0 inputs (0b), crashed on an input: "
                + "java.lang.ArrayIndexOutOfBoundsException: Index 30 out of bounds for length 5 (input saved as "
                + "crashes/crash-5f74ecdc63001422c077e8bb430d8c61b11fe884)", summary.toString());
    }

    @Test
    void saysWhatTheFuzzerPrintedWhenItNeverStarted() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> FuzzSummary.parse("Error: Could not find or load main class com.code_intelligence.jazzer.Jazzer\n"));

        assertTrue(e.getMessage().endsWith("its last lines:\nError: Could not find or load main class "
                + "com.code_intelligence.jazzer.Jazzer"), e.getMessage());
    }
}

package escapelab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChecklistTest {

    private static final Check VALUE_RETURN =
            Check.that("valueReturn allocates nothing").measured(0, "B/op").below(1);
    private static final Check ESCAPE =
            Check.that("escape allocates one Point").measured(40, "B/op").near(16, 0.1);
    private static final Check ANALYSIS = Check.of("the analysis is written", true, "2 analysis cells");

    @Test
    void allPassedAndFailed() {
        Checklist good = Checklist.of("Task 1", VALUE_RETURN, ANALYSIS);
        assertTrue(good.allPassed());
        assertEquals(List.of(), good.failed());

        Checklist bad = Checklist.of("Task 2", VALUE_RETURN, ESCAPE, ANALYSIS);
        assertFalse(bad.allPassed());
        assertEquals(List.of(ESCAPE), bad.failed());
    }

    @Test
    void plainTextHasOneMarkedLinePerCheck() {
        Checklist list = Checklist.of("Task 2", VALUE_RETURN, ESCAPE, ANALYSIS);
        String text = list.mimeBundle().get("text/plain");
        assertEquals("""
                Task 2: 2 of 3 criteria met
                [PASS] valueReturn allocates nothing: measured 0 B/op, expected < 1 B/op
                [FAIL] escape allocates one Point: measured 40 B/op, expected ≈ 16 B/op ± 10%
                [PASS] the analysis is written: 2 analysis cells
                """, text);
        assertEquals(text, list.toString());
        assertEquals(1, text.lines().filter(l -> l.startsWith("[FAIL] ")).count());
    }

    @Test
    void multiLineCriteriaStayOnOneLine() {
        Check check = Check.of("first line\nsecond line", false, "seen\r\n  twice");
        String text = Checklist.of("T", check).toString();
        assertEquals("T: 0 of 1 criteria met\n[FAIL] first line second line: seen twice\n", text);
    }

    @Test
    void markdownForTheReadme() {
        assertEquals("""
                **Task 2** — 2 of 3 criteria met

                - [x] valueReturn allocates nothing — measured 0 B/op, expected < 1 B/op
                - [ ] escape allocates one Point — measured 40 B/op, expected ≈ 16 B/op ± 10% — **FAILED**
                - [x] the analysis is written — 2 analysis cells
                """, Checklist.of("Task 2", VALUE_RETURN, ESCAPE, ANALYSIS).markdown());
    }

    @Test
    void htmlShowsMarksValuesAndTheCount() {
        Map<String, String> bundle = Checklist.of("Task <2>", VALUE_RETURN, ESCAPE).mimeBundle();
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(bundle.keySet()));
        String html = bundle.get("text/html");
        assertTrue(html.contains("Task &lt;2&gt;"), html);
        assertTrue(html.contains("1 of 2 criteria met"), html);
        assertEquals(1, count(html, "✔"), html);
        assertEquals(1, count(html, "✘"), html);
        assertTrue(html.contains("measured <b>0 B/op</b>, expected &lt; 1 B/op"), html);
        assertTrue(html.contains("measured <b>40 B/op</b>, expected ≈ 16 B/op ± 10%"), html);
        // ✔ comes before the passing criterion, ✘ before the failing one.
        assertTrue(html.indexOf("✔") < html.indexOf("valueReturn") && html.indexOf("✘") < html.indexOf("escape allocates"));
        assertTrue(html.indexOf("valueReturn") < html.indexOf("✘"));

        String allMet = Checklist.of("T", VALUE_RETURN, ANALYSIS).mimeBundle().get("text/html");
        assertTrue(allMet.contains("2 of 2 criteria met"), allMet);
        assertEquals(0, count(allMet, "✘"));
    }

    @Test
    void checksAreCopied() {
        List<Check> checks = new ArrayList<>(List.of(VALUE_RETURN));
        Checklist list = new Checklist("T", checks);
        checks.add(ESCAPE);
        assertEquals(1, list.checks().size());
        assertThrows(UnsupportedOperationException.class, () -> list.checks().add(ESCAPE));
    }

    @Test
    void rejectsEmptyOrNullChecks() {
        assertThrows(IllegalArgumentException.class, () -> Checklist.of("T"));
        assertThrows(IllegalArgumentException.class, () -> Checklist.of(" ", VALUE_RETURN));
        assertThrows(IllegalArgumentException.class, () -> Checklist.of("T", VALUE_RETURN, null));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}

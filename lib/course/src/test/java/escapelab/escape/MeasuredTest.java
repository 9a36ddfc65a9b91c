package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The verdicts read against the bytes measured in the same run. */
class MeasuredTest {

    private static final MethodRef STORED = new MethodRef("cells.Cases", "stored", "()I");
    private static final MethodRef UNRUN = new MethodRef("cells.Cases", "unrun", "()I");
    private static final MethodRef LIBRARY = new MethodRef("cells.Cases", "library", "()I");
    private static final Map<String, List<String>> BENCHMARKS = Map.of("cells.Cases", List.of("stored", "unrun", "library"));

    private static Finding kept(MethodRef method) {
        return new Finding(new Site(method, 4, 10, "Cases.java", Site.Kind.NEW, "new Point"), method,
                Finding.Outcome.KEPT, 1, 0, List.of(), List.of("stored into an array at an index C2 cannot resolve"));
    }

    private static Map<String, Double> bytes(double stored, double library) {
        Map<String, Double> bytes = new LinkedHashMap<>();
        bytes.put("stored", stored);
        bytes.put("library", library);
        return bytes;
    }

    @Test
    void aSiteKeptInABenchmarkThatMeasuredNoAllocationIsReportedRemoved() {
        Finding f = Measured.reconcile(List.of(kept(STORED)), bytes(0.004, 0), BENCHMARKS).get(0);
        assertEquals(Finding.Outcome.ELIMINATED, f.measured());
        assertEquals("Cases.java:10: new Point: removed in stored (nothing allocated was measured there, and C2"
                + " logged no elimination for it)", f.line());
        assertTrue(f.notes().get(0).startsWith("removed: nothing allocated was measured in stored"), f.notes()::toString);
        EscapeReport report = new EscapeReport("c", "Cases", "vm", List.of(f), List.of(), bytes(0.004, 0), 1);
        assertEquals(1, report.counts().eliminated());
        assertTrue(report.eliminated("new Point", "stored").passed(), report::text);
    }

    @Test
    void aSiteKeptWhereTheBenchmarkAllocatesStaysKept() {
        Finding f = Measured.reconcile(List.of(kept(STORED)), bytes(24, 0), BENCHMARKS).get(0);
        assertEquals(kept(STORED), f);
    }

    @Test
    void bytesNoSiteAccountsForAreStated() {
        Finding removed = new Finding(new Site(LIBRARY, 4, 20, "Cases.java", Site.Kind.NEW, "new Point"), LIBRARY,
                Finding.Outcome.ELIMINATED, 1, 1, List.of(), List.of());
        List<String> notes = Measured.unexplained(List.of(kept(STORED), removed), bytes(24, 48), BENCHMARKS);
        assertEquals(List.of("library measured 48 B/op that no site of the report accounts for (none stays on the heap"
                + " there): allocated in JDK or library code it calls; .scope(...) a class of that package to look there."),
                notes);
    }

    @Test
    void theSitesOfABenchmarkNotRunAreSaidToBeSoAndLeftOutOfTheTotals() {
        Finding never = new Finding(new Site(UNRUN, 4, 30, "Cases.java", Site.Kind.NEW, "new Point"), UNRUN,
                Finding.Outcome.NOT_C2_COMPILED, 0, 0, List.of(), List.of("ran too rarely"));
        Finding second = new Finding(new Site(UNRUN, 9, 31, "Cases.java", Site.Kind.ARRAY, "new int[4]"), UNRUN,
                Finding.Outcome.NOT_C2_COMPILED, 0, 0, List.of(), List.of("ran too rarely"));
        List<Finding> findings = Measured.reconcile(List.of(kept(STORED), never, second), bytes(24, 0), BENCHMARKS);
        assertEquals(Finding.Outcome.NOT_RUN, findings.get(1).outcome());
        EscapeReport report = new EscapeReport("c", "Cases", "vm", findings, List.of(), bytes(24, 0), 1);
        assertEquals(1, report.counts().allocationSites(), report::text);
        assertTrue(report.text().contains("Cases.java:30-31: 2 sites (new Point, new int[4]): left out: methods(...)"
                + " did not choose unrun\n"), report::text);
    }
}

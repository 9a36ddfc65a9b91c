package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The report's words and rendering, on findings made by hand. */
class EscapeReportTest {

    private static final MethodRef INVOKE_INT = new MethodRef("cells.Reflective", "invokeInt", "()I");
    private static final MethodRef BOXED = new MethodRef("cells.Reflective", "boxed", "()Ljava/lang/Integer;");

    private static final Finding ARRAY = new Finding(
            new Site(INVOKE_INT, 5, 20, "Reflective.java", Site.Kind.ARRAY, "new Object[0]"), INVOKE_INT,
            Finding.Outcome.PARTLY, Finding.Outcome.KEPT, 4, 1,
            List.of("JMH's measurement loop: read its C2 compilation", "where measured: the copy in JMH's measurement loop"),
            List.of("nothing on its path failed to inline", "JMH's measurement loop: read its C2 compilation"));

    private static EscapeReport report(Finding... findings) {
        Map<String, Double> bytes = new LinkedHashMap<>();
        bytes.put("invokeInt", 16.0);
        bytes.put("boxed(n=100)", 0.0);
        bytes.put("boxed(n=1000)", 16.0);
        return new EscapeReport("Reflective", "Reflective", "OpenJDK 17", List.of(findings), List.of(), bytes, 1);
    }

    @Test
    void whereCompiledCopiesDisagreeTheMeasuredCopyLeads() {
        assertEquals("stays on the heap in invokeInt where measured; scalar-replaced in 1 of 4 compiled copies",
                ARRAY.verdict());
        assertEquals("stays on the heap where measured; scalar-replaced in 1 of 4 compiled copies",
                ARRAY.outcomeInWords());
        assertTrue(report(ARRAY).kept("new Object[0]", "invokeInt").passed());
        assertFalse(report(ARRAY).eliminated("new Object[0]", "invokeInt").passed());
    }

    @Test
    void whereTheMeasuredCopiesDisagreeToo() {
        Finding split = new Finding(ARRAY.site(), INVOKE_INT, Finding.Outcome.PARTLY, Finding.Outcome.PARTLY, 4, 1,
                List.of(), List.of());
        assertEquals("scalar-replaced in 1 of 4 compiled copies in invokeInt", split.verdict());
    }

    @Test
    void twoSitesOfOneNameOnALineAreNumberedAndFoundByEither() {
        Site second = new Site(BOXED, 12, 9, "Reflective.java", Site.Kind.NEW, "new Point", 2);
        Finding kept = new Finding(second, BOXED, Finding.Outcome.KEPT, 1, 0, List.of(), List.of());
        assertEquals("Reflective.java:9: new Point (2nd on the line): stays on the heap in boxed", kept.line());
        assertEquals(kept, report(kept).find("new Point (2nd on the line)", "boxed").orElseThrow());
        assertEquals(kept, report(kept).find("new Point", "boxed").orElseThrow());
    }

    @Test
    void overloadedContextsShowTheirParameterTypes() {
        MethodRef canonical = new MethodRef("cells.Check", "<init>", "(Ljava/lang/String;D[Ljava/util/Map$Entry;Z)V");
        MethodRef delegating = new MethodRef("cells.Check", "<init>", "(Ljava/lang/String;[[I)V");
        Site site = new Site(canonical, 3, 42, "Check.java", Site.Kind.NEW, "new Mistake");
        Finding inCanonical = new Finding(site, canonical, Finding.Outcome.KEPT, 1, 0, List.of(), List.of());
        Finding inDelegating = new Finding(site, delegating, Finding.Outcome.KEPT, 1, 0, List.of(), List.of());
        assertEquals(List.of("Check's constructor(String, double, Map.Entry[], boolean)",
                        "Check's constructor(String, int[][])", "invokeInt"),
                report(inCanonical, inDelegating, ARRAY).table().stringColumn("in").asList());
        assertEquals(List.of("Check's constructor"), report(inCanonical).table().stringColumn("in").asList(),
                "one context: its name");
        assertEquals("Check.java:42: new Mistake: stays on the heap in Check's constructor", inCanonical.line());
        assertEquals(inCanonical, report(inCanonical).find("new Mistake", "<init>").orElseThrow(),
                "found by the bytecode's name too");
    }

    @Test
    void theMeasuredBytesAreGivenPerParameterValue() {
        assertTrue(report(ARRAY).text().contains(
                "Measured in the same run: invokeInt 16 B/op, boxed(n=100) 0 B/op, boxed(n=1000) 16 B/op.\n"),
                report(ARRAY).text());
    }

    @Test
    void aMeasuredFigureBelowAByteReadsAsNoise() {
        Map<String, Double> bytes = new LinkedHashMap<>();
        bytes.put("after", 0.00105);
        bytes.put("before", 232.0);
        EscapeReport report = new EscapeReport("Readings", "Readings", "OpenJDK 17", List.of(ARRAY), List.of(), bytes, 1);
        assertTrue(report.text().contains("Measured in the same run: after ≈0 B/op, before 232 B/op.\n"), report.text());
    }

    @Test
    void constructorsAndStaticInitializersAreNamedInWords() {
        MethodRef made = new MethodRef("java.util.stream.IntPipeline$10", "<init>", "()V");
        assertEquals("IntPipeline.10's constructor", made.display());
        assertEquals("IntPipeline.10.<init>", made.bytecodeName());
        assertEquals("Check's static initializer", new MethodRef("cells.Check", "<clinit>", "()V").display());
        assertEquals("Readings.countAbove", new MethodRef("cells.Readings", "countAbove", "()I").display());
    }

    @Test
    void theDetailedTableGivesEachNoteOnceAndAlignsItsProseLeft() {
        EscapeReport detailed = report(ARRAY).detailed();
        assertEquals("JMH's measurement loop: read its C2 compilation; where measured: the copy in JMH's measurement"
                + " loop; nothing on its path failed to inline", detailed.table().stringColumn("why").get(0));
        String html = detailed.mimeBundle().get("text/html");
        assertTrue(html.contains("<th style=\"text-align:left\">why</th>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">JMH&#39;s measurement loop")
                || html.contains("<td style=\"text-align:left\">JMH's measurement loop"), html);
        assertTrue(html.contains("<td style=\"text-align:right\">"), "numbers stay right-aligned: " + html);
    }

    @Test
    void noAllocationInAMethodPassesOnlyWhereNoSiteIsCompiledIntoIt() {
        assertFalse(report(ARRAY).noAllocationIn("invokeInt").passed());
        assertTrue(report(ARRAY).noAllocationIn("invokeString").passed());
    }

    @Test
    void noAllocationInAMethodIgnoresSitesOnPathsC2CutOff() {
        Site exception = new Site(INVOKE_INT, 9, 30, "Reflective.java", Site.Kind.NEW, "new IllegalArgumentException");
        Finding pruned = new Finding(exception, INVOKE_INT, Finding.Outcome.PRUNED, 1, 0, List.of(), List.of());

        assertTrue(report(pruned).noAllocationIn("invokeInt").passed());
        assertFalse(report(pruned, ARRAY).noAllocationIn("invokeInt").passed());
    }
}

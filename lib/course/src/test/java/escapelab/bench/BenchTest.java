package escapelab.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.check.Check;
import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real JMH runs in forked JVMs, in the quick profile: bytes per operation are stable there. */
class BenchTest {

    private static final String POINT = "record EscapePoint(int x, int y) {}\n";

    private static String firstEscape(String valueReturnBody) {
        return "import org.openjdk.jmh.annotations.*;\n"
                + "import java.util.concurrent.TimeUnit;\n"
                + "@State(Scope.Thread) @BenchmarkMode(Mode.AverageTime) @OutputTimeUnit(TimeUnit.NANOSECONDS)\n"
                + "public class Escapes {\n"
                + "  static EscapePoint kept;\n"
                + "  int x = 3;\n"
                + "  @Benchmark public int valueReturn() { " + valueReturnBody + " }\n"
                + "  @Benchmark public EscapePoint pointerReturn() { return new EscapePoint(x, x + 1); }\n"
                + "}\n" + POINT;
    }

    @Test
    void aBenchmarksOwnForkFlagsApplyInTheCoursesRun() throws Exception {
        // Escape analysis off by the benchmark's own @Fork: its non-escaping point is allocated.
        BenchClass own = new BenchCompiler(CellClasses.shared()).compile(
                "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread) @Fork(jvmArgs = \"-XX:-DoEscapeAnalysis\")\n"
                + "public class OwnForkFlags {\n"
                + "  record P(int a, int b) {}\n"
                + "  int x = 3;\n"
                + "  @Benchmark public int local() { P p = new P(x, x + 1); return p.a() + p.b(); }\n"
                + "}\n", 1);
        BenchRun run = new Bench(List.of(own)).profile(Profile.QUICK).run();

        assertTrue(run.bytesPerOp("local") >= 16, () -> "P is allocated with escape analysis off: "
                + run.bytesPerOp("local") + " B/op");
        assertTrue(run.notes().stream().anyMatch(n -> n.contains("@Fork(jvmArgs = [-XX:-DoEscapeAnalysis])")),
                run.notes()::toString);
        assertTrue(run.log().contains("-XX:-DoEscapeAnalysis"), "JMH's log shows the fork's flags");
    }

    @Test
    void oneBenchmarkThatThrowsLosesNotTheOthers() throws Exception {
        BenchClass cls = new BenchCompiler(CellClasses.shared()).compile(
                "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class HalfBroken {\n"
                + "  int x = 3;\n"
                + "  @Benchmark public int fine() { return x + 1; }\n"
                + "  @Benchmark public int broken() {\n"
                + "    if (x == 3) throw new IllegalStateException(\"broken on purpose\");\n"
                + "    return x;\n"
                + "  }\n"
                + "}\n", 4);
        BenchRun run = new Bench(List.of(cls)).profile(Profile.QUICK).run();

        assertEquals(List.of("fine"), run.results().stream().map(BenchResult::method).toList());
        assertTrue(run.notes().stream().anyMatch(n -> n.startsWith(
                "HalfBroken.broken threw java.lang.IllegalStateException: broken on purpose")), run.notes()::toString);
        String missing = assertThrows(Mistake.class, () -> run.result("broken")).getMessage();
        assertTrue(missing.startsWith("no result for broken: HalfBroken.broken threw java.lang.IllegalStateException: "
                + "broken on purpose, at line 10 of the %%jmh cell of HalfBroken"), missing);
        Mistake none = assertThrows(Mistake.class, () -> new Bench(List.of(cls)).methods("broken").run());
        assertTrue(none.getMessage().contains("at line 10 of the %%jmh cell of HalfBroken"), none.getMessage());
    }

    @Test
    void measuresScalarReplacementAndItsAbsenceWithEscapeAnalysisOff() throws Exception {
        BenchClass cls = new BenchCompiler(CellClasses.shared())
                .compile(firstEscape("EscapePoint p = new EscapePoint(x, x + 1); return p.x() + p.y();"), 2);
        BenchRun run = new Bench(List.of(cls)).profile(Profile.QUICK).objectsOf(Point.class)
                .variant("EA on").variant("EA off", "-XX:-DoEscapeAnalysis").run();

        assertEquals(4, run.results().size());
        assertEquals(List.of("EA on", "EA off"), run.variants());
        assertTrue(run.bytesPerOp("valueReturn", "EA on") < Check.NO_ALLOCATION_BELOW,
                () -> "valueReturn allocates " + run.bytesPerOp("valueReturn", "EA on"));
        assertEquals(1.0, run.objectsPerOp("pointerReturn", "EA on"), 0.05);
        assertEquals(1.0, run.objectsPerOp("valueReturn", "EA off"), 0.05);
        assertEquals("ns/op", run.result("valueReturn", "EA on").unit());
        assertEquals("Escapes.valueReturn", run.result("valueReturn", "EA on").benchmark());

        JsonNode json = new ObjectMapper().readTree(run.json());
        assertEquals(4, json.size());
        assertEquals("EA off", json.get(3).get("variant").asText());
        assertTrue(json.get(0).get("secondaryMetrics").has("gc.alloc.rate.norm"));
        assertTrue(run.text().contains("# EA off -XX:-DoEscapeAnalysis"), run.text());
        assertTrue(run.log().contains("-XX:-DoEscapeAnalysis"), "the JMH log shows the fork's flags");
        assertEquals(4, run.table().rowCount());
        assertTrue(run.vm().contains(Runtime.version().feature() + ".") && run.vm().contains("-XX:+UseParallelGC"), run.vm());
        assertEquals(run.vm().substring(0, run.vm().indexOf(", forks with ")), run.vmName());
        assertTrue(run.mimeBundle().get("text/html").contains("<table"));
        assertEquals("Point/op", run.objectsUnit());
        assertTrue(run.table().columnNames().contains("Point/op"), run.table().columnNames().toString());
        assertTrue(SessionEvidence.current().all().contains(run), "a run records itself for the submission");

        Mistake ambiguous = assertThrows(Mistake.class,
                () -> run.bytesPerOp("valueReturn"));
        assertTrue(ambiguous.getMessage().contains("name the variant"), ambiguous.getMessage());
    }

    @Test
    void aRecompiledCellTakesEffectInTheNextRun() throws Exception {
        BenchCompiler compiler = new BenchCompiler(CellClasses.shared());
        compiler.compile(firstEscape("EscapePoint p = new EscapePoint(x, x + 1); return p.x() + p.y();"), 2);
        BenchClass edited = compiler.compile(
                firstEscape("EscapePoint p = new EscapePoint(x, x + 1); kept = p; return p.x() + p.y();"), 2);

        BenchRun run = new Bench(List.of(edited)).profile(Profile.QUICK).methods("valueReturn").run();

        assertEquals(1, run.results().size());
        assertTrue(run.bytesPerOp("valueReturn") >= 16, () -> "stored Point: " + run.bytesPerOp("valueReturn"));
    }

    @Test
    void refusesUnknownMethodsAndBadFlags() throws Exception {
        BenchClass cls = new BenchCompiler(CellClasses.shared())
                .compile(firstEscape("return x;"), 2);
        Mistake method = assertThrows(Mistake.class, () -> new Bench(List.of(cls)).methods("nope"));
        assertEquals("no @Benchmark method nope in Escapes (its benchmarks: valueReturn, pointerReturn)",
                method.getMessage());
        Mistake flag = assertThrows(Mistake.class, () -> new Bench(List.of(cls)).variant("bad", "XX:-DoEscapeAnalysis"));
        assertTrue(flag.getMessage().contains("does not start with '-'"), flag.getMessage());
        assertThrows(Mistake.class, () -> new Bench(List.of(cls)).variant("a").variant("a"));
        assertThrows(Mistake.class, () -> new Bench(List.of(cls)).variant(" "));
        Mistake profile = assertThrows(Mistake.class, () -> new Bench(List.of(cls)).profile(null));
        assertEquals("pass a profile: QUICK for workshops, THOROUGH for claims about time", profile.getMessage());
        assertTrue(assertThrows(Mistake.class, () -> new Bench(List.of(cls)).param("size")).getMessage()
                .contains("param size needs at least one value"));
        assertThrows(Mistake.class, () -> new Bench(List.of(cls)).objectsOf(null));
        assertThrows(Mistake.class, () -> new Bench(List.of(cls)).named(""));
        assertThrows(Mistake.class, () -> new Bench(List.of()));
    }

    @Test
    void aClassThatIsNotABenchmarkIsNamedWithTheBenchmarksThereAre() throws Exception {
        new BenchCompiler(CellClasses.shared()).compile(firstEscape("return x;"), 2);

        Mistake helper = assertThrows(Mistake.class, () -> CellClasses.shared().benchmark("EscapePoint"));
        assertTrue(helper.getMessage().startsWith("EscapePoint has no @Benchmark method (the %%jmh cell of Escapes "
                + "declares it beside its benchmarks); the benchmark classes compiled so far are "), helper.getMessage());
        assertTrue(helper.getMessage().contains("Escapes"), helper.getMessage());
        Mistake never = assertThrows(Mistake.class, () -> CellClasses.shared().benchmark("Nowhere"));
        assertTrue(never.getMessage().startsWith("Nowhere was not compiled by a %%jmh cell in this session; "
                + "the benchmark classes compiled so far are "), never.getMessage());
        assertTrue(never.getMessage().endsWith("Run the %%jmh cell that defines Nowhere first"), never.getMessage());
    }

    @Test
    void aBenchmarkThatThrowsIsNamedWithItsExceptionAndCellLine() throws Exception {
        // Cell line 1 is %%jmh; the throw is on source line 7, so cell line 8.
        BenchClass cls = new BenchCompiler(CellClasses.shared()).compile("import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class Throwing {\n"
                + "  int x;\n"
                + "  @Benchmark public int boom() { return check(x); }\n"
                + "  static int check(int x) {\n"
                + "    if (x == 0) throw new IllegalStateException(\"boom in benchmark\");\n"
                + "    return x;\n"
                + "  }\n"
                + "}\n", 2);

        Mistake thrown = assertThrows(Mistake.class, () -> new Bench(List.of(cls)).profile(Profile.QUICK).run());

        assertEquals("Throwing.boom threw java.lang.IllegalStateException: boom in benchmark\n"
                + "    at line 8 of the %%jmh cell of Throwing (in Throwing.check): "
                + "if (x == 0) throw new IllegalStateException(\"boom in benchmark\");\n"
                + "No benchmark was measured; fix the benchmark and run its cell again.", thrown.getMessage());
    }

    @Test
    void waitsWhileAnotherRunHoldsJmhsLockInsteadOfFailing() throws Exception {
        BenchClass cls = new BenchCompiler(CellClasses.shared()).compile(firstEscape("return x;"), 2);
        Thread otherRun = JmhLock.heldFor(1500);

        BenchRun run = new Bench(List.of(cls)).profile(Profile.QUICK).methods("valueReturn").run();

        assertFalse(otherRun.isAlive(), "the run started only once the lock was free");
        assertEquals(1, run.results().size());
    }

    /** Same shape as the benchmark's record: 12-byte header + two ints, padded to 24 on JDK 17. */
    record Point(int x, int y) {
    }
}

package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What JMH measured, shown whole: modes, percentiles, group members, aux counters, small scores, nested classes. */
class JmhResultsWholeTest {

    private static BenchClass compile(String source) throws Exception {
        return new BenchCompiler(CellClasses.shared()).compile(source, 1);
    }

    @Test
    void everyModeIsARowOfItsOwnAndALookupSaysToNameTheMode() throws Exception {
        BenchClass cell = compile("import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread) @BenchmarkMode(Mode.All)\n"
                + "public class AllModes {\n"
                + "  int x = 3;\n"
                + "  @Benchmark public int measureAll() { return x + 1; }\n"
                + "}\n");
        BenchRun run = new Bench(List.of(cell)).profile(Profile.QUICK).run();

        assertEquals(List.of("thrpt", "avgt", "sample", "ss"), run.modes());
        String ambiguous = assertThrows(Mistake.class, () -> run.result("measureAll")).getMessage();
        assertTrue(ambiguous.contains("one per mode [thrpt, avgt, sample, ss]: name the mode, e.g. run.mode(\"thrpt\")"),
                ambiguous);
        assertEquals("avgt", run.mode("avgt").result("measureAll").mode());
        assertTrue(run.table().columnNames().contains("mode"), run.table().columnNames()::toString);
        List<String> sampled = run.mode("sample").result("measureAll").secondary().stream()
                .map(BenchResult.Secondary::label).toList();
        assertTrue(sampled.containsAll(List.of("p0.50", "p0.99", "p0.999")), sampled::toString);
        assertTrue(run.secondaryTable().stringColumn("benchmark").contains("measureAll:p0.99"),
                run.secondaryTable().print());
        assertFalse(run.toString().contains("..."), "every row is printed: " + run);
    }

    @Test
    void aGroupShowsItsMembersAuxCountersTheirCountsAndATinyScoreItsDigits() throws Exception {
        BenchClass cell = compile("import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Group) @BenchmarkMode(Mode.AverageTime)\n"
                + "public class GroupedCounts {\n"
                + "  int x = 3;\n"
                + "  @AuxCounters(AuxCounters.Type.OPERATIONS) @State(Scope.Thread)\n"
                + "  public static class Calls { public long calls; }\n"
                + "  @Benchmark @Group(\"g\") public int get(Calls c) { c.calls++; return x; }\n"
                + "  @Benchmark @Group(\"g\") public int inc() { return ++x; }\n"
                + "}\n");
        BenchRun run = new Bench(List.of(cell)).methods("inc").profile(Profile.QUICK).run();

        BenchResult group = run.result("g");
        List<String> labels = group.secondary().stream().map(BenchResult.Secondary::label).toList();
        assertTrue(labels.containsAll(List.of("get", "inc", "calls")), labels::toString);
        assertEquals("s/op", group.unit(), "without @OutputTimeUnit JMH measures seconds");
        String score = run.table().stringColumn("score").get(0);
        assertFalse(score.equals("0") || score.equals("0.000"), "a score of nanoseconds in s/op is not 0: " + score);
    }

    @Test
    void benchmarksOfANestedStateClassAreNamedAfterTheirOuterClass() throws Exception {
        BenchClass cell = compile("import org.openjdk.jmh.annotations.*;\n"
                + "public class OuterCell {\n"
                + "  @State(Scope.Thread)\n"
                + "  public static class Maps {\n"
                + "    int x = 3;\n"
                + "    @Benchmark public int get() { return x; }\n"
                + "  }\n"
                + "}\n");

        assertEquals("OuterCell.Maps", cell.simpleName());
        assertEquals(List.of("get"), cell.benchmarks());
        assertEquals("cells.OuterCell", cell.topLevelClassName());
        assertEquals(cell, CellClasses.shared().benchmarks("OuterCell.Maps").get(0));
        BenchRun run = new Bench(List.of(cell)).profile(Profile.QUICK).run();
        assertEquals("OuterCell.Maps.get", run.result("get").benchmark());
    }
}

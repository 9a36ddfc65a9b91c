package escapelab.escape;

import escapelab.bench.Bench;
import escapelab.bench.BenchRun;
import escapelab.bench.Profile;
import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An escape report read from the forks of a bench run: one real JMH run, no fork of the report's own. */
class EscapesOfRunTest {

    private static BenchRun run;

    @BeforeAll
    static void measure() throws Exception {
        BenchClass cls = new BenchCompiler(CellClasses.shared()).compile(
                "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class OfRun {\n"
                + "  record P(int a, int b) {}\n"
                + "  @Param({\"1\", \"2\"}) int x;\n"
                + "  @Benchmark public int local() { P p = new P(x, x + 1); return p.a() + p.b(); }\n"
                + "  @Benchmark public P returned() { return new P(x, x + 1); }\n"
                + "}\n", 1);
        run = new Bench(List.of(cls)).profile(Profile.QUICK).variant("EA on")
                .variant("EA off", "-XX:-DoEscapeAnalysis").run();
    }

    private static Escapes of(BenchRun measured) {
        return new Escapes(measured, CellClasses.shared().dir());
    }

    private static Finding.Outcome outcome(EscapeReport report, String method) {
        return report.find("new P", method).orElseThrow().outcome();
    }

    @Test
    void theReportOfAVariantReadsItsForksAndTheirBytes() throws Exception {
        List<Path> before = run.compileLogs().files("EA on", List.of(), Map.of());
        EscapeReport on = of(run).variant("EA on").run();
        EscapeReport off = of(run).variant("EA off").run();

        assertEquals(4, before.size(), "one log per fork: two methods at two parameter values");
        assertEquals(before, run.compileLogs().files("EA on", List.of(), Map.of()), "the report started no fork");
        assertEquals(Finding.Outcome.ELIMINATED, outcome(on, "local"));
        assertEquals(Finding.Outcome.KEPT, outcome(on, "returned"));
        assertEquals(Finding.Outcome.KEPT, outcome(off, "local"), "escape analysis off keeps every P");
        assertTrue(on.text().contains("Read from the forks of the run OfRun: no fork of its own."), on.text());
        assertTrue(on.text().contains("returned(x=1) 24 B/op") || on.text().contains("returned(x=1) 16 B/op"), on.text());
    }

    @Test
    void methodsAndParamsChooseTheForksRead() throws Exception {
        assertEquals(1, run.compileLogs().files("EA on", List.of("local"), Map.of("x", new String[] {"2"})).size());
        EscapeReport local = of(run).variant("EA on").methods("local").param("x", "2").run();
        assertTrue(local.text().contains("Read the compile logs of 1 forked JVM;"), local.text());
        assertTrue(local.text().contains("local(x=2)") && !local.text().contains("x=1"), local.text());
    }

    @Test
    void whatWouldNeedForksOfItsOwnIsRefused() {
        assertTrue(assertThrows(Mistake.class, () -> of(run).run()).getMessage()
                .contains("name one, e.g. escapes(run).variant(\"EA on\")"));
        assertTrue(assertThrows(Mistake.class, () -> of(run).variant("EA on").jvmArgs("-Xint").run()).getMessage()
                .contains("jvmArgs(...) cannot change them"));
        assertTrue(assertThrows(Mistake.class, () -> of(run).variant("EA off", "-Xint")).getMessage()
                .contains("named by its label alone: OfRun has [EA on, EA off]"));
        assertTrue(assertThrows(Mistake.class, () -> of(null)).getMessage().contains("escapes(run)"));
    }
}

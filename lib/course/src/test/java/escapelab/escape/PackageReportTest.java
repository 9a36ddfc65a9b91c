package escapelab.escape;

import escapelab.cell.BenchClass;
import escapelab.cell.BenchCompiler;
import escapelab.cell.CellClasses;
import escapelab.check.Check;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An escape hunt in real code: a workload over the course's own escapelab.check package. */
class PackageReportTest {

    private static BenchClass workload() throws Exception {
        try (InputStream in = PackageReportTest.class.getResourceAsStream("/escape-workloads/CheckWorkload.java")) {
            return new BenchCompiler(CellClasses.shared()).compile(new String(in.readAllBytes(), StandardCharsets.UTF_8), 1);
        }
    }

    @Test
    void reportsEverySiteOfAPackageThatAWorkloadExercises() throws Exception {
        BenchClass workload = workload();
        EscapeReport report = new Escapes(List.of(workload), CellClasses.shared().dir()).scope(Check.class).run();
        System.out.println(report.detailed().text());

        EscapeReport.Counts counts = report.counts();
        assertEquals("package escapelab.check", report.scope());
        assertTrue(counts.allocationSites() >= 10, counts::toString);
        assertEquals(counts.allocationSites(),
                counts.eliminated() + counts.kept() + counts.mixed() + counts.pruned() + counts.notC2Compiled(),
                counts::toString);
        assertTrue(counts.compiled() > 0, () -> "the workload got part of the package compiled by C2\n" + report.text());
        assertTrue(counts.notC2Compiled() > 0, () -> "some of the package never runs hot\n" + report.text());
        assertTrue(report.findings().stream().noneMatch(f -> f.site().sourceFile().endsWith("Test.java")),
                "only the package as the course ships it, not its tests");
        assertTrue(report.findings().stream().allMatch(f -> f.site().method().holder().startsWith("escapelab.check.")));
        // The sites C2 compiled are judged in the package method the workload called.
        assertTrue(report.findings().stream().filter(f -> f.outcome() != Finding.Outcome.NOT_C2_COMPILED)
                .allMatch(f -> f.context().holder().startsWith("escapelab.check.")), report::text);
    }

    @Test
    void aPackageNotOnTheClassPathIsAClearError() throws Exception {
        BenchClass workload = workload();
        Mistake missing = assertThrows(Mistake.class,
                () -> new Escapes(List.of(workload), CellClasses.shared().dir()).scope("no.such.pkg").run());
        assertEquals("no class of package no.such.pkg on the class path: check its spelling, or name a class of it, "
                + "e.g. scope(Check.class)", missing.getMessage());
    }
}

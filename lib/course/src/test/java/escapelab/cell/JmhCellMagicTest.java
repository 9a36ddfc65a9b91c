package escapelab.cell;

import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Cell;
import escapelab.notebook.CellMagic;
import escapelab.notebook.Host;
import escapelab.notebook.Mistake;
import escapelab.notebook.Notebook;
import escapelab.notebook.SourceCompileException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The {@code %%jmh} magic: compile, declare in the session, record for the submission. */
class JmhCellMagicTest {

    private Host before;
    private RecordingHost host;

    /** A session that keeps what it was asked to declare, and can refuse it. */
    private static final class RecordingHost implements Host {
        private final Host delegate;
        final List<String> declared = new ArrayList<>();
        String refusal;

        RecordingHost(Host delegate) {
            this.delegate = delegate;
        }

        @Override
        public String display(Object value) {
            return delegate.display(value);
        }

        @Override
        public void updateDisplay(String id, Object value) {
            delegate.updateDisplay(id, value);
        }

        @Override
        public void addToClasspath(Path path) {
            delegate.addToClasspath(path);
        }

        @Override
        public void declare(String javaSource) {
            if (refusal != null) {
                throw new IllegalStateException(refusal);
            }
            declared.add(javaSource);
        }
    }

    private static String cell(String className) {
        return "import org.openjdk.jmh.annotations.*;\n"
                + "@State(Scope.Thread)\n"
                + "public class " + className + " {\n"
                + "  @Benchmark public int a() { return 1; }\n"
                + "}\n";
    }

    @BeforeEach
    void installARecordingHost() {
        CellClasses.shared(); // put the folder on the class path through the host every test has
        before = Notebook.host();
        host = new RecordingHost(before);
        Notebook.install(host);
    }

    @AfterEach
    void restoreTheHost() {
        Notebook.install(before);
    }

    private static boolean recorded(BenchClass compiled) {
        return SessionEvidence.current().all().stream().anyMatch(e -> e == compiled);
    }

    private static boolean recordedUnder(String name) {
        return SessionEvidence.current().all().stream().anyMatch(e -> e instanceof BenchClass && e.name().equals(name));
    }

    @Test
    void compileInstallsTheCellDeclaresItWithoutItsPackageAndRecordsIt() throws Exception {
        String source = "package mine.magic;\n" + cell("MagicDeclared");

        BenchClass compiled = JmhCellMagic.compile(source, 3);

        assertEquals("mine.magic.MagicDeclared", compiled.name());
        assertEquals(List.of("a"), compiled.benchmarks());
        assertEquals(3, compiled.firstLine());
        assertEquals(source, compiled.source(), "the source is kept as the learner wrote it");
        assertEquals(List.of(BenchCompiler.withoutPackage(source)), host.declared);
        assertFalse(host.declared.get(0).contains("package"), host.declared.get(0));
        assertTrue(host.declared.get(0).contains("public class MagicDeclared"), host.declared.get(0));
        assertEquals(Optional.of(compiled), CellClasses.shared().find("MagicDeclared"));
        assertTrue(recorded(compiled), "a compiled cell is recorded for the submission");
    }

    @Test
    void compilingACellAgainReplacesItsRecordInsteadOfAddingOne() throws Exception {
        JmhCellMagic.compile(cell("MagicTwice"), 2);
        BenchClass again = JmhCellMagic.compile(cell("MagicTwice").replace("return 1;", "return 2;"), 2);

        assertEquals(1, SessionEvidence.current().all().stream()
                .filter(e -> e instanceof BenchClass && e.name().equals("cells.MagicTwice")).count());
        assertTrue(recorded(again));
    }

    @Test
    void aSessionThatRefusesTheCellStillGetsTheCompiledClassAndAWarning() throws Exception {
        host.refusal = "MagicRefused is already defined";
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        BenchClass compiled;
        try {
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            compiled = JmhCellMagic.compile(cell("MagicRefused"), 2);
        } finally {
            System.setErr(err);
        }

        assertEquals("cells.MagicRefused", compiled.name());
        assertTrue(recorded(compiled), "a class JMH can run is recorded even if later cells cannot name it");
        assertEquals("Compiled for JMH, but later cells cannot name MagicRefused: MagicRefused is already defined",
                captured.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void aCellThatDoesNotCompileIsNeitherDeclaredNorRecorded() {
        assertThrows(SourceCompileException.class, () -> JmhCellMagic.compile(
                cell("MagicBroken").replace("return 1;", "return missing;"), 2));

        assertEquals(List.of(), host.declared);
        assertFalse(recordedUnder("cells.MagicBroken"));
        assertEquals(Optional.empty(), CellClasses.shared().find("MagicBroken"));
    }

    @Test
    void theRegisteredMagicRefusesArgumentsBeforeCompiling() {
        JmhCellMagic.register();
        CellMagic magic = Notebook.cellMagic("jmh").orElseThrow();

        Mistake refused = assertThrows(Mistake.class, () -> magic.run(new Cell("  -f 1 ", cell("MagicWithArgs"), 2)));

        assertEquals("%%jmh takes no arguments; found '-f 1'. Put the options in the cell that runs the benchmark, "
                + "e.g. bench(MyBench.class).profile(THOROUGH)", refused.getMessage());
        assertEquals(Optional.empty(), CellClasses.shared().find("MagicWithArgs"));
        assertEquals(List.of(), host.declared);
    }

    @Test
    void theRegisteredMagicCompilesTheBodyFromItsLineWhenTheArgumentsAreBlank() throws Exception {
        JmhCellMagic.register();
        assertTrue(Notebook.cellMagicNames().contains("jmh"));

        Object result = Notebook.cellMagic("jmh").orElseThrow().run(new Cell("   ", cell("MagicBlankArgs"), 4));

        BenchClass compiled = assertInstanceOf(BenchClass.class, result);
        assertEquals(4, compiled.firstLine());
        assertSame(compiled, CellClasses.shared().find("MagicBlankArgs").orElseThrow());
        assertTrue(recorded(compiled));
        assertEquals(1, host.declared.size());
    }

    @Test
    void theSessionNamesJmhsRunnerAsItsOwnAndDropsThePackage() {
        String source = "package demo;\nimport org.openjdk.jmh.runner.Runner;\nimport org.openjdk.jmh.runner.RunnerException;\n"
                + "public class Main { }\n";

        String declared = JmhCellMagic.forSession(source);

        assertTrue(declared.contains("import escapelab.bench.Runner;"), declared);
        assertTrue(declared.contains("import org.openjdk.jmh.runner.RunnerException;"), "other imports stay: " + declared);
        assertFalse(declared.contains("package demo;"), declared);
    }
}

package escapelab.kernel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.errors.CellFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The session against a real JShell in this JVM. */
class JShellSessionTest {

    private static JShellSession session;

    @BeforeAll
    static void start() {
        session = new JShellSession();
    }

    @AfterAll
    static void close() {
        session.close();
    }

    private static Object value(String code, int count) throws CellFailure {
        return session.evalCell(code, 1, count).orElseThrow().value();
    }

    @Test
    void expressionsGiveTheirObjects() throws CellFailure {
        assertEquals(2, value("1 + 1", 1));
        Object list = value("java.util.List<String> names = new java.util.ArrayList<>();\nnames.add(\"a\");\nnames", 2);
        assertEquals(List.of("a"), list);
        assertEquals(List.of("a"), value("names", 3));
        assertEquals(Optional.empty(), session.evalCell("int unused = 3;", 1, 4));
        assertEquals(Optional.empty(), session.evalCell("System.out.print(\"\")", 1, 5));
        assertEquals(new CellValue(null), session.evalCell("String none = null; none", 1, 6).orElseThrow());
    }

    @Test
    void cellsSeeTheKernelsClassPath() throws CellFailure {
        assertEquals(false, value("escapelab.notebook.Notebook.inKernel()", 10));
        // the same Class object as the kernel's: JShell's loader asks its parent first
        assertEquals(escapelab.notebook.Notebook.class, value("escapelab.notebook.Notebook.class", 11));
    }

    @Test
    void aFolderAddedAfterCellsCompiledIsSeenByLaterCells(@TempDir Path folder) throws Exception {
        assertEquals(5, value("2 + 3", 20)); // the compiler has indexed the class path by now
        Path source = Files.writeString(folder.resolve("Later.java"),
                "package later; public class Later { public static int answer() { return 42; } }");
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", folder.toString(), source.toString()));
        session.addToClasspath(folder);
        assertEquals(42, value("later.Later.answer()", 21));
    }

    @Test
    void exitCallsFailTheCellInsteadOfEndingTheJvm() throws CellFailure {
        for (String call : new String[] {"System.exit(1);", "Runtime.getRuntime().halt(2);",
                "java.util.function.IntConsumer quit = System::exit; quit.accept(3);"}) {
            CellFailure failure = assertThrows(CellFailure.class, () -> session.evalCell(call, 1, 30));
            assertTrue(failure.report().value().contains("would end the kernel"), failure.report().value());
        }
        assertEquals(4, value("2 + 2", 31));
    }

    @Test
    void compileErrorsPointAtTheCellLineAndColumn() {
        CellFailure failure = assertThrows(CellFailure.class,
                () -> session.evalCell("int ok = 1;\n\nint bad = ok +\n    missingName;", 3, 20));
        assertEquals("CellFailure", failure.getClass().getSimpleName());
        List<String> lines = failure.report().traceback();
        assertEquals("cell line 6, column 5: cannot find symbol", lines.get(0));
        assertEquals("    " + "    missingName;", lines.get(lines.size() - 2));
        assertEquals("    " + "    ^", lines.get(lines.size() - 1));
    }

    @Test
    void runtimeErrorsShowCellLinesAndVariablesSurvive() throws CellFailure {
        session.evalCell("int kept = 41;\nint half(int n) {\n  if (n < 0) throw new IllegalArgumentException(\"negative\");\n  return n / 2;\n}", 1, 30);
        CellFailure failure = assertThrows(CellFailure.class,
                () -> session.evalCell("\n\nhalf(-1);", 1, 31));
        assertEquals("java.lang.IllegalArgumentException", failure.report().name());
        assertEquals(List.of(
                "java.lang.IllegalArgumentException: negative",
                "    at half (cell [30] line 3)",
                "    at cell line 3"), failure.report().traceback());
        assertEquals(42, value("kept + 1", 32));
    }

    @Test
    void declareAddsTypesAndRejectsBadSource() throws CellFailure {
        session.declare("import java.util.function.IntUnaryOperator;\nclass Twice { static int of(int x) { return 2 * x; } }");
        assertEquals(14, value("IntUnaryOperator f = Twice::of; f.applyAsInt(7)", 40));
        IllegalStateException rejected = assertThrows(IllegalStateException.class,
                () -> session.declare("class Broken { int x = ; }"));
        assertTrue(rejected.getMessage().contains("declared source line 1, column 24"), rejected.getMessage());
    }

    @Test
    void aDeclarationMayNameOneThatComesLaterInTheSameSource() throws CellFailure {
        session.declare("class Uses { static Later make() { return new Later(2, 3); } }\nrecord Later(int x, int y) {}");
        assertEquals(5, value("Uses.make().x() + Uses.make().y()", 60));
        CellFailure missing = assertThrows(CellFailure.class,
                () -> session.evalCell("class Orphan { Nowhere n; }", 1, 61));
        assertTrue(String.join("\n", missing.report().traceback()).contains("Nowhere"),
                String.join("\n", missing.report().traceback()));
    }

    @Test
    void cellCodeCanDeclareThroughTheSession() throws CellFailure {
        JShellSessionTestHook.session = session;
        assertEquals("nested", value("escapelab.kernel.shell.JShellSessionTestHook.declare(\"class FromCell { public String toString() { return \\\"nested\\\"; } }\")", 50));
        assertEquals("nested", String.valueOf(value("new FromCell()", 51)));
    }

    @Test
    void warmUpEvaluationsLeaveNothingBehindAndYieldToCells() throws CellFailure {
        JShellSessionTestHook.session = session;
        session.evalCell("int kept = 1;", 1, 70);
        assertTrue(session.evalAndForgetIfIdle("kept + 1"));
        assertEquals(List.of("int kept = 1"), session.declarationsNamed("kept"));
        assertEquals(false, value("escapelab.kernel.shell.JShellSessionTestHook.warmUp()", 71));
        assertEquals(2, value("kept + 1", 72));
    }

    @Test
    void completionAndCompleteness() {
        JShellSession.Completions completions = session.complete("String s = \"x\"; s.toUpperC", 26);
        assertEquals(List.of("toUpperCase("), completions.options());
        assertEquals(18, completions.start());
        assertEquals(JShellSession.Completion.COMPLETE, session.isComplete("int a = 1;\nint b = 2;"));
        assertEquals(JShellSession.Completion.INCOMPLETE, session.isComplete("for (int i = 0; i < 3; i++) {"));
        assertEquals(JShellSession.Completion.INVALID, session.isComplete("int 3x = 4;"));
        assertEquals(JShellSession.Completion.INVALID, session.isComplete("int a = 1;\nint 3x = 4;"));
        assertEquals(JShellSession.Completion.COMPLETE, session.isComplete("int unknownType = missing();"));
        assertEquals(JShellSession.Completion.COMPLETE, session.isComplete("void m() { }\nclass K { }\nimport java.util.*;"));
    }

    @Test
    void stopEndsABusyLoop() throws Exception {
        stopAfter(500);
        CellFailure failure = assertThrows(CellFailure.class, () -> session.evalCell("while (true) {}", 1, 60));
        assertEquals("Interrupted", failure.report().name());
        assertEquals(3, value("1 + 2", 61));
    }

    @Test
    void aLibrarysMistakeShowsItsMessageAndTheCellLineWithoutLibraryFrames() {
        CellFailure failure = assertThrows(CellFailure.class, () -> session.evalCell(
                "int before = 1;\nescapelab.kernel.shell.JShellSessionTestHook.misuse(\"Point\");", 1, 80));
        assertEquals("escapelab.notebook.Mistake", failure.report().name());
        assertEquals(List.of(
                "escapelab.notebook.Mistake: Point is not a benchmark class: pass one with @Benchmark methods.",
                "    at cell line 2"), failure.report().traceback());
    }

    @Test
    void aMistakeOfAClassDeclaredInACellIsAMistakeToo() throws CellFailure {
        session.evalCell("class WrongUse extends escapelab.notebook.Mistake {\n"
                + "    WrongUse() { super(\"say what to do\"); }\n}\nvoid use() { throw new WrongUse(); }", 1, 81);
        CellFailure failure = assertThrows(CellFailure.class, () -> session.evalCell("use();", 1, 82));
        assertEquals(List.of("WrongUse: say what to do", "    at use (cell [81] line 4)", "    at cell line 1"),
                failure.report().traceback());
    }

    @Test
    void helpfulNullPointerMessagesNameTheLearnersVariables() throws CellFailure {
        session.evalCell("String s = null;\nrecord Box(String text) {}\nBox box = new Box(null);", 1, 90);
        CellFailure failure = assertThrows(CellFailure.class, () -> session.evalCell("s.length()", 1, 91));
        assertEquals("java.lang.NullPointerException", failure.report().name());
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", failure.report().value());
        CellFailure field = assertThrows(CellFailure.class, () -> session.evalCell("box.text().isEmpty()", 1, 92));
        assertEquals("Cannot invoke \"String.isEmpty()\" because the return value of \"Box.text()\" is null",
                field.report().value());
        String traces = String.join("\n", failure.report().traceback()) + String.join("\n", field.report().traceback());
        assertFalse(traces.contains("$JShell$"), traces);
    }

    @Test
    void anExpressionMergingACellsClassWithAnotherShowsItsValue() throws CellFailure {
        // JDK 25's own weaving of stop checks looked both classes up where they are not, and failed.
        session.evalCell("record Spot(int x) {}\nSpot spot = new Spot(1);", 1, 100);
        assertEquals("Spot[x=1]", String.valueOf(value("spot != null ? spot : \"none\"", 101)));
        assertEquals("none", value("Spot missing = null; missing != null ? missing : \"none\"", 102));
    }

    @Test
    void stopEndsALoopInAMethodTheCellDeclared() throws Exception {
        session.evalCell("long spin() { long n = 0; while (n >= 0) { n++; } return n; }", 1, 110);
        stopAfter(500);
        CellFailure failure = assertThrows(CellFailure.class, () -> session.evalCell("spin()", 1, 111));
        assertEquals("Interrupted", failure.report().name());
        assertEquals(3, value("1 + 2", 112));
    }

    /** Stops the session from another thread after a while, as an interrupt from the front end does. */
    private void stopAfter(long millis) {
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                return;
            }
            session.stop();
        });
        stopper.start();
    }
}

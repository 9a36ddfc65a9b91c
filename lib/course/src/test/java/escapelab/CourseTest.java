package escapelab;

import escapelab.bench.BenchResult;
import escapelab.bench.BenchRun;
import escapelab.bench.Jdks;
import escapelab.bench.Profile;
import escapelab.check.Check;
import escapelab.check.Checklist;
import escapelab.evidence.Evidence;
import escapelab.evidence.SessionEvidence;
import escapelab.measure.MapGrowth;
import escapelab.measure.Series;
import escapelab.notebook.Mistake;
import escapelab.serve.JsonServer;
import escapelab.serve.PoolRetention;
import escapelab.serve.PoolStep;
import escapelab.serve.ScratchPool;
import escapelab.submit.Submission;
import escapelab.view.Figure;
import escapelab.view.Footprint;
import escapelab.view.Layout;
import escapelab.view.Vm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static escapelab.Course.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The facade's words, as a cell says them ({@code import static escapelab.Course.*}), each
 * handed on to its package: what needs neither a kernel (the text host stands in) nor a JMH run.
 */
class CourseTest {

    /** A class that no {@code %%jmh} cell of this JVM compiles. */
    static final class NeverCompiled {
        int x;
    }

    /** A class to lay out: a header, an int, a long. */
    static final class IntAndLong {
        int i;
        long l;
    }

    private static final String NAME_THE_CLASS = "name the benchmark class, e.g. bench(FirstEscape.class)";

    private static String mistake(Executable call) {
        return assertThrows(Mistake.class, call).getMessage();
    }

    private static void assertNeverCompiled(String message) {
        assertTrue(message.startsWith("NeverCompiled was not compiled by a %%jmh cell in this session; "), message);
        assertTrue(message.endsWith("Run the %%jmh cell that defines NeverCompiled first"), message);
    }

    private static long roundUp(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }

    // Cells and JMH runs.

    @Test
    void benchAndEscapesWithoutABenchmarkClassAreMistakes() {
        assertEquals(NAME_THE_CLASS, mistake(() -> bench(new Class<?>[0])));
        assertEquals(NAME_THE_CLASS, mistake(() -> bench((Class<?>[]) null)));
        assertEquals(NAME_THE_CLASS, mistake(() -> bench((Class<?>) null)));
        assertEquals(NAME_THE_CLASS, mistake(() -> bench(NeverCompiled.class, null)));
        assertEquals(NAME_THE_CLASS, mistake(() -> bench(new String[0])));
        assertEquals(NAME_THE_CLASS, mistake(() -> bench((String[]) null)));
        assertEquals(NAME_THE_CLASS, mistake(() -> escapes()));
        assertEquals(NAME_THE_CLASS, mistake(() -> escapes((Class<?>) null)));
        assertEquals(NAME_THE_CLASS, mistake(() -> fuzz(null)));
    }

    @Test
    void aClassNoJmhCellCompiledIsAMistakeNamingIt() {
        assertNeverCompiled(mistake(() -> bench(NeverCompiled.class)));
        assertNeverCompiled(mistake(() -> bench("NeverCompiled")));
        assertNeverCompiled(mistake(() -> escapes(NeverCompiled.class)));
        assertNeverCompiled(mistake(() -> fuzz(NeverCompiled.class)));
        assertNeverCompiled(mistake(() -> commented("commented", NeverCompiled.class, "int x;")));
    }

    @Test
    void theProfilesAreTheEnumsOneWordEach() {
        assertSame(Profile.QUICK, QUICK);
        assertSame(Profile.THOROUGH, THOROUGH);
        assertSame(Profile.TIMING, TIMING);
        assertSame(Profile.LONG_TIMING, LONG_TIMING);

        Set<Profile> words = EnumSet.noneOf(Profile.class);
        for (Field field : Course.class.getFields()) {
            if (field.getType() == Profile.class) {
                Profile p = (Profile) get(field);
                assertEquals(p.name(), field.getName(), "the word is named as the profile");
                words.add(p);
            }
        }
        assertEquals(EnumSet.allOf(Profile.class), words, "every profile has its word");
    }

    private static Object get(Field field) {
        try {
            return field.get(null);
        } catch (IllegalAccessException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theConstantsAreTheOwningPackagesValues() {
        assertEquals("ESCAPELAB_SUBMISSIONS", SUBMISSIONS_ENV);
        assertEquals(Submission.FOLDER_ENV, SUBMISSIONS_ENV);
        assertEquals(JsonServer.THREADS, SERVER_THREADS);
        assertEquals(JsonServer.BODY_LIMIT, SERVER_BODY_LIMIT);
        assertEquals(PoolStep.BODY_BYTES, REQUEST_BODY_BYTES);
        assertEquals(PoolRetention.LARGE_BYTES, LARGE_REQUEST_BYTES);
        assertTrue(LARGE_REQUEST_BYTES > REQUEST_BODY_BYTES, "large requests are larger than the usual body");
    }

    @Test
    void newerJdkIsEmptyOrNewerThanTheRunningOne() {
        int running = Runtime.version().feature();
        Optional<Jdks.Jdk> newer = newerJdk();

        newer.ifPresent(jdk -> assertTrue(jdk.feature() > running, jdk + " is not newer than " + running));
        assertEquals(Jdks.newerThanRunning(), newer);
        assertEquals(Optional.empty(), jdk(Integer.MAX_VALUE));
        jdk(running).ifPresent(jdk -> assertTrue(jdk.feature() >= running, jdk.toString()));
        if (System.getenv(Jdks.ENV) == null) {
            assertTrue(jdk(running).isPresent(), "the running JDK is installed");
        }
    }

    @Test
    void compareTimesNeedsTwoResults() {
        assertTrue(mistake(() -> compareTimes(null, (BenchResult) null)).startsWith("pass two results to compare"));
    }

    // Measurements inside the kernel.

    @Test
    void mapGrowthCountsResizesAndCapacityReadsTheTable() {
        MapGrowth unsized = mapGrowth("new HashMap<>()", new HashMap<Integer, Integer>(), 100, (m, i) -> m.put(i, i));
        // 16 → 32 → 64 → 128 → 256: the first table is not a resize.
        assertEquals(4, unsized.resizes(), unsized.summary());
        assertEquals(256, unsized.finalCapacity());
        assertEquals(100, unsized.entries());
        assertEquals(new MapGrowth.Step(13, 16, 32), unsized.steps().get(1));

        MapGrowth presized = mapGrowth("new HashMap<>(256)", new HashMap<Integer, Integer>(256), 100, (m, i) -> m.put(i, i));
        assertEquals(0, presized.resizes(), presized.summary());
        assertEquals(256, presized.finalCapacity());

        HashMap<String, String> map = new HashMap<>(1000);
        assertEquals(0, capacity(map), "no table before the first put");
        map.put("a", "b");
        assertEquals(1024, capacity(map));
        assertEquals(0, capacity(new HashMap<>()));
        assertTrue(mistake(() -> capacity(null)).startsWith("pass a map"));
        assertTrue(mistake(() -> mapGrowth("null", (HashMap<Integer, Integer>) null, 1, (m, i) -> { }))
                .startsWith("pass a map"));
    }

    @Test
    void seriesAndHeapGrowthCheckTheirNamesAndASeriesIsRecorded() {
        Series s = series("CourseTest series", "round", "MiB").add("kept", 1, 2).add("kept", 2, 4).done();
        assertEquals(List.of("kept"), s.seriesNames());
        assertTrue(SessionEvidence.current().all().contains(s));

        assertTrue(mistake(() -> series("no/slash", "x", "y")).startsWith("a series name is"));
        assertTrue(mistake(() -> heapGrowth("no/slash")).startsWith("a series name is"));
        assertTrue(mistake(() -> poolRetention("no/slash")).startsWith("a series name is"));
        assertTrue(mistake(() -> poolRetention("CourseTest retention").run()).startsWith("add a pool first"));
    }

    @Test
    void scratchFileHasExactlyTheBytesAsked() throws Exception {
        Path file = scratchFile("coursetest.bin", 4096);

        assertEquals(4096, Files.size(file));
        assertTrue(mistake(() -> scratchFile("../escape", 1)).startsWith("name the scratch file"));
        assertTrue(mistake(() -> scratchFile("negative.bin", -1)).startsWith("a file cannot have -1 bytes"));
    }

    @Test
    void noPoolBorrowsANewBufferEveryTime() {
        ScratchPool pool = noPool();
        byte[] first = pool.borrow(64);
        pool.release(first);
        byte[] second = pool.borrow(64);

        assertEquals(64, first.length);
        assertEquals(64, second.length);
        assertNotSame(first, second, "a released buffer is not handed out again");
        assertNotSame(pool, noPool(), "each pool is its own");
        assertEquals(0, pool.retainedBytes());
        assertEquals("give the measured steps, e.g. poolSteps(noPool, pooled, capped)", mistake(() -> poolSteps()));
    }

    // Views.

    @Test
    void vmIsTheRunningVm() {
        Vm vm = vm();

        assertSame(Vm.current(), vm);
        assertEquals(System.getProperty("java.version"), vm.javaVersion());
        assertEquals(1, Integer.bitCount(vm.objectAlignment()), "alignment is a power of two: " + vm.objectAlignment());
        assertTrue(vm.arrayHeaderSize() >= vm.objectHeaderSize(), vm.describe());
        assertTrue(vm.toString().startsWith(vm.vmName() + " " + vm.javaVersion()), vm.toString());
    }

    @Test
    void noteRoundsNumbersAndRejectsAFormatThatDoesNotFit() {
        assertEquals("valueReturn allocates 1 B/op.", note("valueReturn allocates %s B/op.", 0.9999).markdown());
        assertEquals("3 of 4", note("%d of %s", 3, 4).toString());
        assertTrue(mistake(() -> note("%d", "three")).startsWith("the note's format does not fit its arguments"));
        assertTrue(mistake(() -> note(" ")).startsWith("write the sentence"));
    }

    @Test
    void footprintOfAnIntArrayIsOneArray() {
        Footprint f = footprint(new int[4]);

        assertEquals(1, f.objectCount());
        assertEquals(1, f.rows().size());
        assertEquals(new Footprint.Row("int[]", 1, f.totalBytes()), f.rows().get(0));
        assertEquals(roundUp(vm().arrayHeaderSize() + 4L * Integer.BYTES, vm().objectAlignment()), f.totalBytes());
        assertThrows(Mistake.class, () -> footprint(null));
    }

    @Test
    void layoutIsJolsAndRecorded() {
        Layout layout = layout(IntAndLong.class);

        assertEquals(IntAndLong.class.getTypeName(), layout.typeName());
        assertEquals(vm().objectHeaderSize(), layout.headerSize());
        assertTrue(layout.instanceSize() >= vm().objectHeaderSize() + Integer.BYTES + Long.BYTES, layout.toString());
        assertEquals(0, layout.instanceSize() % vm().objectAlignment(), layout.toString());
        assertEquals(Layout.of(IntAndLong.class).rows(), layout.rows());
        assertSame(layout, recorded(Layout.class, layout.name()), "recorded for the submission");

        Layout array = layoutOf(new int[3]);
        assertEquals("int[3]", array.typeName());
        assertSame(array, recorded(Layout.class, "int[3]"));

        assertThrows(Mistake.class, () -> layout(null));
        assertThrows(Mistake.class, () -> layout(int.class));
        assertThrows(Mistake.class, () -> layout(int[].class));
        assertThrows(Mistake.class, () -> layoutOf(null));
    }

    private static Evidence recorded(Class<? extends Evidence> kind, String name) {
        List<Evidence> found = SessionEvidence.current().all().stream()
                .filter(e -> kind.isInstance(e) && e.name().equals(name)).toList();
        assertEquals(1, found.size(), "one " + kind.getSimpleName() + " named " + name + " recorded: " + found);
        return found.get(0);
    }

    @Test
    void chartOfNothingIsAMistakeAndASeriesChartIsRecorded() {
        assertTrue(mistake(() -> chart((BenchRun) null)).endsWith("this one is null (did its cell run?)"));
        assertTrue(mistake(() -> chart((Series) null)).endsWith("this one is null (did its cell run?)"));
        assertTrue(mistake(() -> chartBy(null, "size")).endsWith("this one is null (did its cell run?)"));

        Series s = series("CourseTest chart", "round", "MiB").add("kept", 1, 2).add("kept", 2, 3).done();
        Figure figure = chart(s);
        assertTrue(figure.png().length > 0);
        assertTrue(SessionEvidence.current().all().contains(figure), "a chart records itself");
    }

    @Test
    void sourceJavadocAndBytecodeOfAClassNoCellDeclaredAreMistakes() {
        assertNeverCompiled(mistake(() -> source(NeverCompiled.class)));
        assertEquals(NAME_THE_CLASS, mistake(() -> source(null)));
        assertEquals("NeverCompiled was not declared by a %%jmh cell in this session: run the %%jmh cell that declares it first",
                mistake(() -> javadoc(NeverCompiled.class, "toString")));
        assertEquals("name the class that declares the method, e.g. javadoc(Varint.class, \"encode\")",
                mistake(() -> javadoc(null, "encode")));
        assertTrue(mistake(() -> documented("documented", NeverCompiled.class, "toString", "x"))
                .startsWith("NeverCompiled was not declared by a %%jmh cell"));
        assertEquals("name the class to list, e.g. bytecode(Generics.class)", mistake(() -> bytecode(null)));
    }

    // Checks.

    @Test
    void checkAndVerdictBuildTheExpectedCheck() {
        Check nothing = check("valueReturn allocates nothing").measured(0.0, "B/op").allocatesNothing();
        assertEquals(new Check("valueReturn allocates nothing", 0.0, "B/op", "< 1 B/op", Check.Verdict.PASS), nothing);
        assertEquals("[PASS] valueReturn allocates nothing: measured 0 B/op, expected < 1 B/op", nothing.toString());
        Check below = check("pointerReturn stays small").measured(24, "B/op").below(16);
        assertEquals(new Check("pointerReturn stays small", 24, "B/op", "< 16 B/op", Check.Verdict.FAIL), below);

        assertEquals(new Check("analysis written", Double.NaN, "", "2 analysis cells", Check.Verdict.PASS),
                verdict("analysis written", true, "2 analysis cells"));
        assertTrue(verdict("analysis written", false, "no analysis cell").failed());

        assertThrows(Mistake.class, () -> check(" "));
        assertThrows(Mistake.class, () -> verdict("analysis written", true, " "));
    }

    @Test
    void checksRecordsTheChecklistAndARerunReplacesIt() {
        Check pass = verdict("one", true, "seen");
        Check fail = verdict("two", false, "not seen");

        Checklist first = checks("CourseTest task", pass, fail);
        assertEquals("CourseTest task", first.title());
        assertEquals(List.of(pass, fail), first.checks());
        assertFalse(first.allPassed());
        assertSame(first, recorded(Checklist.class, "CourseTest task"));

        Checklist rerun = checks("CourseTest task", pass);
        assertTrue(rerun.allPassed());
        assertSame(rerun, recorded(Checklist.class, "CourseTest task"), "re-running the cell replaces its checklist");

        assertThrows(Mistake.class, () -> checks("CourseTest empty"));
        assertThrows(Mistake.class, () -> checks("CourseTest null", pass, null));
        assertTrue(SessionEvidence.current().all().stream().noneMatch(e -> e.name().startsWith("CourseTest empty")
                || e.name().startsWith("CourseTest null")), "a refused checklist is not recorded");
    }

    @Test
    void rejectsChecksThatTheMessageNamesTheField() {
        Check named = rejects("a bad size is rejected", "size",
                () -> { throw new IllegalArgumentException("size must be positive"); });
        Check unnamed = rejects("a bad size is rejected", "size",
                () -> { throw new IllegalArgumentException("bad input"); });
        Check accepted = rejects("a bad size is rejected", "size", () -> { });

        assertTrue(named.passed(), named.toString());
        assertTrue(unnamed.failed(), unnamed.toString());
        assertTrue(accepted.failed(), accepted.toString());
        assertTrue(accepted.expectation().contains("accepted"), accepted.toString());
    }

    // Submissions: only the refusals, which write nothing.

    @Test
    void submitAndAnalysisNeedTheNotebooksName() {
        String nameIt = "name the notebook, e.g. submit(\"01-first-escape\")";
        assertEquals(nameIt, mistake(() -> submit(" ")));
        assertEquals(nameIt, mistake(() -> analysis("")));
        assertEquals(nameIt, mistake(() -> analysisCheck(null)));
    }

    // The facade's shape.

    private static final Path SOURCE = Path.of("src/main/java/escapelab/Course.java");

    /** A public method's header up to its body's opening brace (annotations and generics allowed). */
    private static final Pattern PUBLIC_METHOD = Pattern.compile("\\bpublic\\s+static\\s+[^;={}]*?\\b(\\w+)\\s*\\([^{};]*\\)[^{};=]*\\{");

    @Test
    void everyWordIsOneStatementAndTheFileStaysShort() throws Exception {
        assertTrue(Files.isRegularFile(SOURCE), SOURCE.toAbsolutePath() + " (surefire runs in the module's folder)");
        String text = Files.readString(SOURCE, StandardCharsets.UTF_8);
        long lines = text.lines().count();
        assertTrue(lines < 300, "Course.java has " + lines + " lines; the facade stays under 300");

        String code = withoutCommentsAndLiterals(text);
        List<String> parsed = new ArrayList<>();
        Matcher m = PUBLIC_METHOD.matcher(code);
        while (m.find()) {
            String name = m.group(1);
            int open = m.end() - 1;
            int close = matchingBrace(code, open);
            String body = code.substring(open + 1, close);
            parsed.add(name);
            String problem = notOneStatement(body);
            assertEquals("", problem, name + ": " + problem + " in {" + body.strip() + "}");
            m.region(close + 1, code.length());
        }

        List<String> declared = Arrays.stream(Course.class.getDeclaredMethods())
                .filter(x -> Modifier.isPublic(x.getModifiers()) && !x.isSynthetic())
                .map(Method::getName).sorted().toList();
        assertTrue(Arrays.stream(Course.class.getDeclaredMethods())
                .filter(x -> Modifier.isPublic(x.getModifiers())).allMatch(x -> Modifier.isStatic(x.getModifiers())),
                "every public word is static");
        assertEquals(declared, parsed.stream().sorted().toList(), "each public method was read from the source");
        assertTrue(declared.size() > 30, "the facade's words: " + declared);
    }

    private static final Pattern CONTROL = Pattern.compile("(if|for|while|do|switch|try|synchronized)\\b");

    /** Empty if the body is one statement: one ';' outside parentheses and braces, at its end, no block, no if/for/try. */
    static String notOneStatement(String body) {
        int parens = 0;
        int braces = 0;
        int semicolons = 0;
        for (char c : body.toCharArray()) {
            switch (c) {
                case '(' -> parens++;
                case ')' -> parens--;
                case '{' -> {
                    if (parens == 0 && braces == 0) {
                        return "a block outside a call";
                    }
                    braces++;
                }
                case '}' -> braces--;
                case ';' -> semicolons += parens == 0 && braces == 0 ? 1 : 0;
                default -> { }
            }
        }
        if (semicolons != 1) {
            return semicolons + " statements";
        }
        if (CONTROL.matcher(body.strip()).lookingAt()) {
            return "a control statement";
        }
        return body.strip().endsWith(";") ? "" : "code after the statement";
    }

    private static int matchingBrace(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            if (code.charAt(i) == '{') {
                depth++;
            } else if (code.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new AssertionError("no closing brace for the body at " + open);
    }

    /**
     * The source with comments removed and string, text block and char literals emptied, so that
     * braces, parentheses and semicolons in them do not count.
     */
    static String withoutCommentsAndLiterals(String source) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        int n = source.length();
        while (i < n) {
            if (source.startsWith("//", i)) {
                int end = source.indexOf('\n', i);
                i = end < 0 ? n : end;
            } else if (source.startsWith("/*", i)) {
                int end = source.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else if (source.startsWith("\"\"\"", i)) {
                int end = source.indexOf("\"\"\"", i + 3);
                while (end > 0 && source.charAt(end - 1) == '\\') {
                    end = source.indexOf("\"\"\"", end + 1);
                }
                i = end < 0 ? n : end + 3;
                out.append("\"\"");
            } else if (source.charAt(i) == '"' || source.charAt(i) == '\'') {
                char quote = source.charAt(i);
                int j = i + 1;
                while (j < n && source.charAt(j) != quote) {
                    j += source.charAt(j) == '\\' ? 2 : 1;
                }
                i = j + 1;
                out.append(quote).append(quote);
            } else {
                out.append(source.charAt(i++));
            }
        }
        return out.toString();
    }

    @Test
    void theStructuralCheckSeesWhatItMustRefuse() {
        assertEquals("", notOneStatement(" return new Bench(CellClasses.shared().benchmarks(classes)); "));
        assertEquals("", notOneStatement(" return MapGrowth.fill(label, map, puts, (m, i) -> { m.put(i, i); }); "));
        assertEquals("2 statements", notOneStatement(" var b = x(); return b; "));
        assertEquals("a block outside a call", notOneStatement(" if (x) { return a; } return b; "));
        assertEquals("0 statements", notOneStatement(" "));
        assertEquals("a control statement", notOneStatement(" if (x) return a; "));
        assertEquals("", notOneStatement(" return iffy(); "));
        assertEquals("code after the statement", notOneStatement(" return a; b "));
        assertEquals("f(\"\");  g(''); x", withoutCommentsAndLiterals("f(\"a;{\"); /* ; } */g(';'); // ;\nx")
                .replace("\n", ""));
        assertEquals("s = \"\";", withoutCommentsAndLiterals("s = \"\"\"\n  a; } \\\"\"\" b\n  \"\"\";"));
    }
}

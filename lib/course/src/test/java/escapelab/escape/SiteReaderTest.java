package escapelab.escape;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SiteReaderTest {

    /** Each site records its own line at run time, so the test does not hard-code line numbers. */
    static final class Allocations {
        final int[] lines = new int[6];
        final StringBuffer buffer = new StringBuffer();
        int sink;

        void run(int n) {
            Object object = new Object(); lines[0] = here();
            int[] fixed = new int[16]; lines[1] = here();
            long[] sized = new long[n]; lines[2] = here();
            Integer boxed = n; lines[3] = here();
            synchronized (object) { lines[4] = here(); }
            buffer.append(n); lines[5] = here();
            sink = fixed.length + sized.length + boxed;
        }

        private static int here() {
            return StackWalker.getInstance().walk(s -> s.skip(1).findFirst().orElseThrow()).getLineNumber();
        }
    }

    static final class Guarded {
        static int check(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("negative");
            }
            return n + 1;
        }
    }

    /** Sites made at an invokedynamic, and two of one name on one line. */
    static final class Dynamic {
        record Pair(int a, int b) {}

        int x = 3;
        boolean flip;

        Object run() {
            int y = x;
            java.util.function.IntSupplier capturing = () -> y + 1;
            java.util.function.IntSupplier shared = () -> 42;
            java.util.function.IntSupplier bound = this::hashCode;
            java.util.function.ToIntFunction<String> unbound = String::length;
            String text = "x=" + y;
            Pair pair = flip ? new Pair(x, y) : new Pair(y, x);
            return List.of(capturing, shared, bound, unbound, text, pair.toString());
        }
    }

    @Test
    void findsLambdasAndConcatenationsAtTheirInvokedynamicAndNumbersSitesThatShareALine() throws Exception {
        byte[] bytes;
        try (InputStream in = Dynamic.class.getResourceAsStream("SiteReaderTest$Dynamic.class")) {
            bytes = in.readAllBytes();
        }
        List<Site> run = new SiteReader(getClass().getClassLoader()).read(bytes).stream()
                .filter(s -> s.method().name().equals("run")).toList();

        // Pair.toString is an invokedynamic too (ObjectMethods), and allocates nothing at the call: not a site.
        assertEquals(List.of("capturing lambda", "non-capturing lambda", "capturing method reference",
                "non-capturing method reference", "string concatenation", "new Pair (1st on the line)",
                "new Pair (2nd on the line)"), run.stream().map(Site::label).toList());
        assertEquals(List.of(Site.Kind.CAPTURING_LAMBDA, Site.Kind.NON_CAPTURING_LAMBDA, Site.Kind.CAPTURING_LAMBDA,
                Site.Kind.NON_CAPTURING_LAMBDA, Site.Kind.CONCAT, Site.Kind.NEW, Site.Kind.NEW),
                run.stream().map(Site::kind).toList());
        assertEquals(run.get(5).line(), run.get(6).line());
        assertEquals(List.of(0, 0, 0, 0, 0, 1, 2), run.stream().map(Site::nthOnLine).toList());
        assertFalse(Site.Kind.NON_CAPTURING_LAMBDA.allocates());
        assertTrue(Site.Kind.CAPTURING_LAMBDA.allocates() && Site.Kind.CONCAT.allocates());
    }

    @Test
    void aSiteBehindABranchSideC2CutOffIsNotInTheCompiledCode() throws Exception {
        byte[] bytes;
        try (InputStream in = Guarded.class.getResourceAsStream("SiteReaderTest$Guarded.class")) {
            bytes = in.readAllBytes();
        }
        SiteReader reader = new SiteReader(getClass().getClassLoader());
        Site thrown = reader.read(bytes).stream().filter(s -> s.what().equals("new IllegalArgumentException"))
                .findFirst().orElseThrow();
        int branch = 1; // iload_0 at 0, then ifge: its fall-through side throws
        assertTrue(reader.compiled(thrown, 0, new Compilation.Reach(thrown.method(), List.of())));
        assertTrue(reader.compiled(thrown, 0, new Compilation.Reach(thrown.method(), List.of(), Set.of(branch), Set.of())));
        assertFalse(reader.compiled(thrown, 0, new Compilation.Reach(thrown.method(), List.of(), Set.of(), Set.of(branch))));
    }

    @Test
    void findsObjectsArraysBoxesAndLocksWithTheirSourceLines() throws Exception {
        byte[] bytes;
        try (InputStream in = Allocations.class.getResourceAsStream("SiteReaderTest$Allocations.class")) {
            bytes = in.readAllBytes();
        }
        List<Site> run = new SiteReader(getClass().getClassLoader()).read(bytes).stream()
                .filter(s -> s.method().name().equals("run")).toList();
        Allocations fixture = new Allocations();
        fixture.run(3);

        assertEquals(List.of("new Object", "new int[16]", "new long[]", "box Integer", "lock (synchronized block)",
                "lock StringBuffer.append"), run.stream().map(Site::what).toList());
        assertEquals(List.of(Site.Kind.NEW, Site.Kind.ARRAY, Site.Kind.ARRAY, Site.Kind.BOX, Site.Kind.LOCK,
                Site.Kind.LOCK), run.stream().map(Site::kind).toList());
        assertEquals(java.util.Arrays.stream(fixture.lines).boxed().toList(), run.stream().map(Site::line).toList());
        assertEquals("SiteReaderTest.java", run.get(0).sourceFile());
        assertEquals(new MethodRef("escapelab.escape.SiteReaderTest$Allocations", "run", "(I)V"), run.get(0).method());
    }
}

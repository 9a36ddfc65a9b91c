import org.openjdk.jmh.annotations.*;

// Cases after OpenJDK's C2 IR tests of allocation merges (compiler/c2/irTests/scalarReplacement/
// AllocationMergesTests.java), as benchmarks: each branch is taken every other call, so that C2
// compiles both sides and the objects meet at a join.
@State(Scope.Thread)
public class AllocationMerges {
    static class Point {
        int x, y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    static Point global;
    int x = 3, y = 4, turn;

    @Setup
    public void setUp() {
        global = new Point(5, 6);
    }

    boolean flip() {
        return (turn++ & 1) == 0;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static int dummy(Point p) {
        return p.x;
    }

    @Benchmark
    public int globalEscape() {
        Point p = new Point(x, y);
        global = p;
        return p.x * p.y;
    }

    @Benchmark
    public int argEscape() {
        Point p = new Point(x, y);
        int v = dummy(p);
        return v + p.x + p.y;
    }

    @Benchmark
    public int escapeInCallAfterMerge() {
        boolean c = flip();
        Point p = c ? new Point(y, y) : new Point(x, x);
        if (!c) {
            dummy(p);
        }
        return p.x * p.y;
    }

    @Benchmark
    public int mergedLoadAfterDirectStore() {
        boolean c = flip();
        Point p0 = new Point(x, x), p1 = new Point(y, y);
        Point p = c ? p0 : p1;
        p0.x = x * y;
        return p.x;
    }

    @Benchmark
    public int condAfterMergeWithNull() {
        boolean c = flip();
        Point p = null;
        if (c) {
            p = new Point(y, x);
        }
        if (c && turn > 0) {
            return p.x;
        }
        return 321;
    }

    @Benchmark
    public int objectIdentity() {
        Point o = new Point(x, y);
        if ((turn++ & 3) == 0) {
            o = global;
        }
        return o.x + o.y;
    }

    @Benchmark
    public int simpleMerge() {
        Point p = flip() ? new Point(x, y) : new Point(y, x);
        return p.x;
    }
}

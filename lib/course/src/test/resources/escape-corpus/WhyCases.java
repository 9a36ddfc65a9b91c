import org.openjdk.jmh.annotations.*;
import org.openjdk.jmh.infra.Blackhole;

import java.util.function.IntSupplier;

// One benchmark per flow that makes an object escape, as Go's -m=2 names them: the report's why
// must name the flow (and C2's reason where a call was not inlined).
@State(Scope.Thread)
public class WhyCases {
    static class Point {
        int x, y;

        Point(int x, int y) {
            this.x = x;
            this.y = y;
        }
    }

    static class Holder {
        Point p;
    }

    static Object hook;
    static final Object[] SLOTS = new Object[1];
    static IntSupplier supplier;
    int x = 3, y = 4, n = 6, turn;
    Point last;

    @Benchmark
    public int sumLocal() {
        Point p = new Point(x, y);
        return p.x + p.y;
    }

    @Benchmark
    public int staticField() {
        Point p = new Point(x, y);
        hook = p;
        return p.x;
    }

    @Benchmark
    public int fieldOfEscaping() {
        Holder h = new Holder();
        h.p = new Point(x, y);
        hook = h;
        return h.p.y;
    }

    @Benchmark
    public int fieldOfThis() {
        Point p = new Point(x, y);
        last = p;
        return p.x;
    }

    @Benchmark
    public int unknownIndex() {
        Point[] a = new Point[4];
        a[turn++ & 3] = new Point(x, y);
        return a[0] == null ? 0 : a[0].x;
    }

    @Benchmark
    public Point returned() {
        return new Point(x, y);
    }

    @Benchmark
    public int returnedFromNotInlined() {
        return make(x, y).x;
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static Point make(int a, int b) {
        return new Point(a, b);
    }

    @Benchmark
    public int passedToNotInlined() {
        Point p = new Point(x, y);
        return sum(p);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static int sum(Point p) {
        return p.x + p.y;
    }

    @Benchmark
    public int passedToInlined() {
        Point p = new Point(x, y);
        keep(p);
        return p.y;
    }

    static void keep(Object o) {
        hook = o;
    }

    @Benchmark
    public void blackholed(Blackhole bh) {
        bh.consume(new Point(x, y));
    }

    @Benchmark
    public int captured() {
        Point p = new Point(x, y);
        supplier = () -> p.x;
        return p.y;
    }

    @Benchmark
    public int nonConstantLength() {
        int[] a = new int[n];
        a[0] = x;
        return a[0];
    }

    @Benchmark
    public int aboveLimit() {
        int[] a = new int[100];
        a[0] = x;
        return a[0] + a[99];
    }

    @Benchmark
    public int boxStored() {
        Integer b = x * 1000;
        hook = b;
        return b;
    }

    @Benchmark
    public int storedInAFieldsArray() {
        Point p = new Point(x, y);
        SLOTS[0] = p;
        return p.x;
    }

    @Benchmark
    public int returnedThroughInlined() {
        Point p = (Point) same(new Point(x, y));
        hook = p;
        return p.y;
    }

    static Object same(Object o) {
        return o;
    }
}

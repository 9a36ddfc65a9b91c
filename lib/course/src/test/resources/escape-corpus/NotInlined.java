import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class NotInlined {
    record Point(int x, int y) {}
    int x = 3, y = 4;

    @Benchmark
    public int pass() {
        Point p = new Point(x, y);
        return sum(p);
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static int sum(Point p) {
        return p.x() + p.y();
    }
}

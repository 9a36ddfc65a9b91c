import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class LocalUse {
    record Point(int x, int y) {}
    int x = 3, y = 4;

    @Benchmark
    public int sum() {
        Point p = new Point(x, y);
        return p.x() + p.y();
    }
}

import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Returned {
    record Point(int x, int y) {}
    int x = 3, y = 4;

    @Benchmark
    public Point make() {
        return new Point(x, y);
    }
}

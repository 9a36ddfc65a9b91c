import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class StaticField {
    record Point(int x, int y) {}
    static Point last;
    int x = 3, y = 4;

    @Benchmark
    public void keep() {
        last = new Point(x, y);
    }
}

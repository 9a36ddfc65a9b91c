import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Merge {
    record Point(int x, int y) {}
    int x = 3, y = 4, i;

    @Benchmark
    public int either() {
        Point p;
        if ((i++ & 1) == 0) {
            p = new Point(x, y);
        } else {
            p = new Point(y, x);
        }
        return p.x();
    }

    @Benchmark
    public int eitherOnOneLine() {
        Point p = (i++ & 1) == 0 ? new Point(x, y) : new Point(y, x);
        return p.x();
    }
}

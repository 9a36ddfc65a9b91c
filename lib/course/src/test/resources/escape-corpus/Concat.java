import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Concat {
    int x = 3;

    @Benchmark
    public String concat() {
        return "x=" + x;
    }
}

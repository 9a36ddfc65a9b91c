import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Params {
    @Param({"100", "1000"})
    int n;

    @Benchmark
    public Integer boxed() {
        return n;
    }
}

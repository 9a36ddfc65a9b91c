import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Boxing {
    int x = 3000;

    @Benchmark
    public int unboxed() {
        Integer boxed = x;
        return boxed + 1;
    }
}

import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class ArraySizes {
    int x = 3;

    @Benchmark
    public int small() {
        int[] a = new int[16];
        a[0] = x;
        a[15] = x + 1;
        return a[0] + a[15];
    }

    @Benchmark
    public int large() {
        int[] a = new int[128];
        a[0] = x;
        a[127] = x + 1;
        return a[0] + a[127];
    }
}

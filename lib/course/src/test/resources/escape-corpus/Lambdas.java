import org.openjdk.jmh.annotations.*;
import java.util.function.IntSupplier;

@State(Scope.Thread)
public class Lambdas {
    static IntSupplier kept;
    int x = 3;

    @Benchmark
    public int local() {
        int y = x;
        IntSupplier next = () -> y + 1;
        return next.getAsInt();
    }

    @Benchmark
    public void stored() {
        int y = x;
        kept = () -> y + 1;
    }

    @Benchmark
    public int returned() {
        return plusOne(x).getAsInt();
    }

    @CompilerControl(CompilerControl.Mode.DONT_INLINE)
    static IntSupplier plusOne(int y) {
        return () -> y + 1;
    }

    @Benchmark
    public int nonCapturing() {
        IntSupplier answer = () -> 42;
        return answer.getAsInt();
    }
}

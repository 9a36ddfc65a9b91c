import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Locks {
    int x = 3;

    @Benchmark
    public int appended() {
        StringBuffer buffer = new StringBuffer();
        buffer.append(x);
        buffer.append(x + 1);
        return buffer.length();
    }
}

import org.openjdk.jmh.annotations.*;
import java.lang.reflect.Method;

@State(Scope.Thread)
public class Reflection {
    Method getter;
    int x = 3; // Integer.valueOf(3) is a shared box: the only bytes left are the varargs array's

    @Setup
    public void find() throws NoSuchMethodException {
        getter = Reflection.class.getMethod("value");
    }

    public int value() {
        return x;
    }

    @Benchmark
    public int invokeInt() throws Exception {
        return (Integer) getter.invoke(this);
    }
}

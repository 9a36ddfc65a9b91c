import org.openjdk.jmh.annotations.*;

@State(Scope.Thread)
public class Megamorphic {
    int a = 1000, b = 2000;
    int turn;

    static <T extends Comparable<T>> T max(T x, T y) {
        return x.compareTo(y) >= 0 ? x : y;
    }

    // Three receiver classes at one compareTo: the call is megamorphic, not inlined.
    @Benchmark
    @SuppressWarnings({"unchecked", "rawtypes"})
    public int mixed() {
        turn = turn == 2 ? 0 : turn + 1;
        Comparable x = boxed(turn, a);
        Comparable y = boxed(turn, b);
        return max(x, y).hashCode();
    }

    static Comparable<?> boxed(int kind, int value) {
        if (kind == 0) {
            return Integer.valueOf(value);
        }
        if (kind == 1) {
            return Long.valueOf(value);
        }
        return Double.valueOf(value);
    }
}

import escapelab.check.Check;
import escapelab.check.Checklist;
import org.openjdk.jmh.annotations.*;

/** Exercises the course's own escapelab.check package, for an escape hunt in real code. */
@State(Scope.Thread)
public class CheckWorkload {
    double bytes = 0.4;

    @Benchmark
    public boolean oneCheck() {
        return Check.that("allocates nothing").measured(bytes, "B/op").below(1).passed();
    }

    @Benchmark
    public String checklist() {
        return Checklist.of("Task", Check.that("allocates nothing").measured(bytes, "B/op").below(1),
                Check.of("explained", bytes < 1, "2 lines")).toString();
    }
}

package escapelab.bench;

import escapelab.cell.CellClassPath;
import org.openjdk.jmh.runner.RunnerException;

/**
 * The class path JMH gives its forks: JMH copies {@code java.class.path}, the kernel's whole, and
 * a fork gets the cells' part of it ({@link CellClassPath}) for the time of a run.
 */
final class ForkClassPath {

    private ForkClassPath() {
    }

    /** A JMH run. */
    interface Run<T> {
        T call() throws RunnerException;
    }

    /**
     * Runs {@code run} with {@code java.class.path} cut to what forks need, then puts it back.
     * Only where a kernel runs the cells: elsewhere (Maven's tests) the class path is left alone.
     */
    /** The class path a fork gets. */
    static String forForks() {
        return CellClassPath.current();
    }

    static <T> T during(Run<T> run) throws RunnerException {
        String whole = System.getProperty("java.class.path", "");
        String forks = forForks();
        if (forks.equals(whole)) {
            return run.call();
        }
        System.setProperty("java.class.path", forks);
        try {
            return run.call();
        } finally {
            System.setProperty("java.class.path", whole);
        }
    }
}

package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.notebook.Mistake;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the exception a benchmark method threw inside JMH's "Benchmark caught the exception"
 * (the forked JVM's exception travels back as a suppressed exception of JMH's
 * {@code BenchmarkException}) and says it in the learner's terms: which benchmark, which
 * exception, and the line of the {@code %%jmh} cell it came from.
 */
final class BenchmarkFailure {

    private static final String GENERATED_PACKAGE = ".jmh_generated.";

    private BenchmarkFailure() {
    }

    /**
     * The learner's exception, as a {@link Mistake} whose message names it and its cell line;
     * empty if JMH failed for another reason.
     *
     * @param failure what JMH threw
     * @param classes the benchmark classes that ran, with their sources and cell positions
     */
    static Optional<Mistake> find(Throwable failure, List<BenchClass> classes) {
        return placed(failure, classes).map(m -> new Mistake(m + STOPPED, failure));
    }

    /**
     * What a benchmark that failed printed (JMH goes on with the others), in the learner's terms:
     * the exception and its cell line where the trace passes through a cell, else its first line.
     *
     * @param benchmark the benchmark's qualified name, e.g. {@code cells.Boom.boom}
     * @param trace the stack trace the forked JVM printed
     */
    static String describe(String benchmark, String trace, List<BenchClass> classes) {
        return placed(ReportedException.parse(trace), classes).orElseGet(() -> {
            String method = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            return method + " failed: " + trace.strip().split("\\R", 2)[0];
        });
    }

    private static final String STOPPED = "\nJMH stopped the run there; fix the benchmark and run its cell again.";

    private static Optional<String> placed(Throwable failure, List<BenchClass> classes) {
        for (Throwable thrown : candidates(failure)) {
            Optional<Place> where = placeIn(thrown, classes);
            if (where.isPresent()) {
                return Optional.of(describe(thrown, where.get()));
            }
        }
        return Optional.empty();
    }

    /** A frame of a cell's code: the class it ran in and the cell line. */
    private record Frame(BenchClass cell, StackTraceElement element) {

        int cellLine() {
            return element.getLineNumber() + cell.firstLine() - 1;
        }

        String sourceLine() {
            String[] lines = cell.source().split("\\R", -1);
            int line = element.getLineNumber();
            return line >= 1 && line <= lines.length ? lines[line - 1].strip() : "";
        }

        String method() {
            String className = element.getClassName();
            return className.substring(className.lastIndexOf('.') + 1) + "." + element.getMethodName();
        }
    }

    /** Where an exception was thrown in a cell, and the benchmark method that called it. */
    private record Place(Frame thrownAt, Frame benchmark) {
    }

    /** Every throwable in the chain of causes and suppressed exceptions, outermost first. */
    private static List<Throwable> candidates(Throwable failure) {
        List<Throwable> found = new ArrayList<>();
        collect(failure, found);
        return found;
    }

    private static void collect(Throwable t, List<Throwable> found) {
        if (t == null || found.contains(t)) {
            return;
        }
        found.add(t);
        for (Throwable suppressed : t.getSuppressed()) {
            collect(suppressed, found);
        }
        collect(t.getCause(), found);
    }

    /**
     * The topmost frame in a cell's source is where it was thrown; the last cell frame before
     * JMH's generated code is the benchmark method.
     */
    private static Optional<Place> placeIn(Throwable thrown, List<BenchClass> classes) {
        Frame top = null;
        Frame benchmark = null;
        for (StackTraceElement element : thrown.getStackTrace()) {
            if (element.getClassName().contains(GENERATED_PACKAGE)) {
                break;
            }
            Optional<BenchClass> cell = cellOf(element, classes);
            if (cell.isPresent()) {
                Frame frame = new Frame(cell.get(), element);
                top = top == null ? frame : top;
                benchmark = frame;
            }
        }
        return top == null ? Optional.empty() : Optional.of(new Place(top, benchmark));
    }

    /** The cell whose source a frame ran: javac names the file after the cell's main class. */
    private static Optional<BenchClass> cellOf(StackTraceElement element, List<BenchClass> classes) {
        for (BenchClass c : classes) {
            String packagePrefix = c.topLevelClassName().substring(0, c.topLevelClassName().length()
                    - c.topLevelName().length());
            if ((c.topLevelName() + ".java").equals(element.getFileName())
                    && element.getClassName().startsWith(packagePrefix) && element.getLineNumber() > 0) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static String describe(Throwable thrown, Place place) {
        Frame at = place.thrownAt();
        String name = thrown instanceof ReportedException reported ? reported.className() : thrown.getClass().getName();
        String what = name + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
        return place.benchmark().method() + " threw " + what + "\n"
                + "    at line " + at.cellLine() + " of the %%jmh cell of " + at.cell().simpleName()
                + (at.equals(place.benchmark()) ? "" : " (in " + at.method() + ")") + ": " + at.sourceLine();
    }
}

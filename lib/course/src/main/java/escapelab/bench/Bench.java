package escapelab.bench;

import escapelab.cell.BenchClass;
import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Mistake;
import org.openjdk.jmh.runner.RunnerException;

import java.util.List;

/**
 * A JMH run being set up: which benchmarks, parameters, variants and profile (the words of
 * {@link RunPlan}), and which type to count objects of. The GC profiler is always on, so
 * every result carries bytes per operation.
 *
 * <pre>{@code
 * BenchRun run = bench(FirstEscape.class)
 *         .objectsOf(Point.class)
 *         .variant("EA on")
 *         .variant("EA off", "-XX:-DoEscapeAnalysis")
 *         .run();
 * }</pre>
 */
public final class Bench extends RunPlan<Bench> {

    private Class<?> objectType;

    /**
     * Starts a run of the given compiled benchmark classes, in the profile that
     * {@link Profile#fromEnvironment()} names.
     *
     * @throws Mistake if no class is given
     */
    public Bench(List<BenchClass> classes) {
        super(classes, Profile.fromEnvironment(), "bench(FirstEscape.class)");
    }

    /**
     * Reports objects per operation too: bytes per operation over this type's instance size.
     *
     * @throws Mistake if the type is null
     */
    public Bench objectsOf(Class<?> type) {
        if (type == null) {
            throw new Mistake("pass the class whose objects to count, e.g. objectsOf(Point.class)");
        }
        objectType = type;
        return this;
    }

    /**
     * Runs JMH once per variant, in forked JVMs, showing progress in the cell, and records the
     * run for the submission.
     *
     * @return the results, immutable
     * @throws Mistake if a benchmark threw: its exception and the cell line it came from
     * @throws RunnerException if JMH fails otherwise (a fork died, the run was interrupted)
     */
    public BenchRun run() throws RunnerException {
        return SessionEvidence.current().record(JmhRunner.run(this, nameOr(classNames()), List.of(), objectType));
    }
}

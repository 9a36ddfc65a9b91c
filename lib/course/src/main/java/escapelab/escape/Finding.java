package escapelab.escape;

import java.util.List;

/**
 * The verdict on one site in one context: the method it was compiled into, as far out as the
 * report's scope reaches (for a benchmark class, its {@code @Benchmark} method).
 *
 * @param site the site
 * @param context the outermost method of the scope that the site was compiled as part of; the
 *                site's own method when it was never C2-compiled
 * @param outcome what C2 did there
 * @param measured what C2 did in the code the measurement ran (JMH's measurement loop, or the
 *                 site's method compiled on its own where the loop calls it): {@code ELIMINATED} or
 *                 {@code KEPT} when that code is known and agrees, else the same as {@code outcome}
 * @param copies how many compiled copies of the site were read (inlined in several places, OSR)
 * @param eliminatedCopies in how many of them it was removed
 * @param notes which compilations were read, e.g. the last of several
 * @param reasons the flows, inlining decisions and limits that explain a site left in place
 * @param dropped whether the site is removed although C2 logged no elimination for it: the
 *                method measured no allocation at all (a dead allocation, dropped with its uses)
 */
public record Finding(Site site, MethodRef context, Outcome outcome, Outcome measured, int copies,
                      int eliminatedCopies, List<String> notes, List<String> reasons, boolean dropped) {

    /** What C2 did with a site. */
    public enum Outcome {
        /** Scalar-replaced (objects, arrays), removed (boxes), elided (locks) in every compiled copy. */
        ELIMINATED,
        /** Removed in some compiled copies, kept in others. */
        PARTLY,
        /** Left in place: the object is allocated on the heap, the lock taken. */
        KEPT,
        /** C2 compiled the method but cut the site's path off (never taken while profiling). */
        PRUNED,
        /** No C2 compilation contains the site: nothing to say about escape analysis. */
        NOT_C2_COMPILED,
        /** The site's benchmark was not run or not read ({@code methods(...)} left it out): not in the totals. */
        NOT_RUN,
        /** Nothing is allocated there: a non-capturing lambda is one instance, made once and shared. */
        NOT_ALLOCATED
    }

    public Finding {
        notes = List.copyOf(notes);
        reasons = List.copyOf(reasons);
    }

    /** A finding as C2's log has it. */
    public Finding(Site site, MethodRef context, Outcome outcome, Outcome measured, int copies,
                   int eliminatedCopies, List<String> notes, List<String> reasons) {
        this(site, context, outcome, measured, copies, eliminatedCopies, notes, reasons, false);
    }

    /** A finding whose compiled copies all agree, so the measured code did what all of them did. */
    public Finding(Site site, MethodRef context, Outcome outcome, int copies, int eliminatedCopies,
                   List<String> notes, List<String> reasons) {
        this(site, context, outcome, outcome, copies, eliminatedCopies, notes, reasons);
    }

    /**
     * The verdict in words, e.g. {@code scalar-replaced in valueReturn}; where the compiled copies
     * disagree, the measured code's first: {@code stays on the heap in invokeInt where measured;
     * scalar-replaced in 1 of 3 compiled copies}.
     */
    public String verdict() {
        if (outcome == Outcome.NOT_RUN) {
            return "left out: methods(...) did not choose " + contextName();
        }
        return lead() + " in " + contextName() + tail();
    }

    /** What happened, without where: {@code scalar-replaced}, {@code stays on the heap}, … */
    public String outcomeInWords() {
        return lead() + tail();
    }

    /** Whether the measured code agrees with itself where the compiled copies do not. */
    private boolean measuredApart() {
        return outcome == Outcome.PARTLY && (measured == Outcome.ELIMINATED || measured == Outcome.KEPT);
    }

    private String lead() {
        return switch (measuredApart() ? measured : outcome) {
            case ELIMINATED -> dropped ? "removed" : removed();
            case KEPT -> site.kind() == Site.Kind.LOCK ? "lock kept" : "stays on the heap";
            case PARTLY -> removed() + " in " + eliminatedCopies + " of " + copies + " compiled copies";
            case PRUNED -> "not in the compiled code (a path never taken)";
            case NOT_C2_COMPILED -> "never compiled by C2";
            case NOT_RUN -> "left out";
            case NOT_ALLOCATED -> "not allocated";
        };
    }

    private String tail() {
        if (measuredApart()) {
            return " where measured; " + removed() + " in " + eliminatedCopies + " of " + copies + " compiled copies";
        }
        if (dropped) {
            return " (nothing allocated was measured there, and C2 logged no elimination for it)";
        }
        return outcome == Outcome.NOT_ALLOCATED ? " (one instance, made once and shared)"
                : outcome == Outcome.NOT_RUN ? " (methods(...) did not choose its benchmark)" : "";
    }

    /** The Go tool's form: {@code FirstEscape.java:12: new Point: scalar-replaced in valueReturn}. */
    public String line() {
        return site.position() + ": " + site.label() + ": " + verdict();
    }

    /**
     * The context's name: the method alone when it is in the site's class, else {@code Class.method};
     * a constructor as its class's: {@code Point's constructor}.
     */
    public String contextName() {
        if (context.name().startsWith("<")) {
            return context.display();
        }
        return context.holder().equals(site.method().holder()) ? context.name() : context.display();
    }

    /** What removing this kind of site is called: scalar-replaced, box removed, lock elided. */
    String removed() {
        return switch (site.kind()) {
            case NEW, ARRAY, CAPTURING_LAMBDA, CONCAT -> "scalar-replaced";
            case BOX -> "box removed";
            case NON_CAPTURING_LAMBDA -> "not allocated";
            case LOCK -> "lock elided";
        };
    }
}

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
 * @param copies how many compiled copies of the site were read (inlined in several places, OSR)
 * @param eliminatedCopies in how many of them it was removed
 * @param notes which compilations were read, e.g. the last of several
 * @param reasons the inlining decisions and limits that explain a site left in place
 */
public record Finding(Site site, MethodRef context, Outcome outcome, int copies, int eliminatedCopies,
                      List<String> notes, List<String> reasons) {

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
        NOT_C2_COMPILED
    }

    public Finding {
        notes = List.copyOf(notes);
        reasons = List.copyOf(reasons);
    }

    /** The verdict in words, e.g. {@code scalar-replaced in valueReturn}. */
    public String verdict() {
        return outcomeInWords() + " in " + contextName();
    }

    /** What happened, without where: {@code scalar-replaced}, {@code stays on the heap}, … */
    public String outcomeInWords() {
        return switch (outcome) {
            case ELIMINATED -> removed();
            case KEPT -> site.kind().allocates() ? "stays on the heap" : "lock kept";
            case PARTLY -> removed() + " in " + eliminatedCopies + " of " + copies + " compiled copies";
            case PRUNED -> "not in the compiled code (a path never taken)";
            case NOT_C2_COMPILED -> "never compiled by C2";
        };
    }

    /** The Go tool's form: {@code FirstEscape.java:12: new Point: scalar-replaced in valueReturn}. */
    public String line() {
        return site.position() + ": " + site.what() + ": " + verdict();
    }

    /** The context's name: the method alone when it is in the site's class, else {@code Class.method}. */
    public String contextName() {
        return context.holder().equals(site.method().holder()) ? context.name() : context.display();
    }

    private String removed() {
        return switch (site.kind()) {
            case NEW, ARRAY -> "scalar-replaced";
            case BOX -> "box removed";
            case LOCK -> "lock elided";
        };
    }
}

package escapelab.escape;

import java.util.List;

/**
 * One decision C2 logged after escape analysis: an allocation scalar-replaced, a box removed
 * or a lock elided.
 *
 * @param kind what was removed
 * @param chain where, innermost frame first, then the callers it was inlined into
 * @param type for an allocation, the class C2 logged, e.g. {@code java.lang.String} or a lambda's
 *             hidden class; empty otherwise
 * @param how for a lock, C2's reason: {@code NonEscObj} (the object does not escape),
 *            {@code Coarsened} (merged with a neighbouring lock on the same object) or
 *            {@code Nested} (the object is already locked); empty otherwise
 */
record Elimination(Kind kind, List<Frame> chain, String type, String how) {

    enum Kind { ALLOCATION, BOXING, LOCK }

    Elimination {
        chain = List.copyOf(chain);
    }

    /** C2's reason for eliding a lock, in words; empty for other eliminations. */
    String howInWords() {
        return switch (how) {
            case "NonEscObj" -> "the locked object does not escape";
            case "Coarsened" -> "coarsened: merged with a neighbouring lock on the same object";
            case "Nested" -> "nested: the object is already locked";
            default -> how;
        };
    }
}

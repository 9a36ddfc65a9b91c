package escapelab.evidence;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The evidence this JVM's notebook session has produced, for its submission: one entry per kind
 * and name, so that re-running a cell replaces its earlier result instead of adding a stale one.
 *
 * <p>The course library records each result as it is produced (a finished bench run, escape
 * report or series, a chart, a checklist, a layout, a compiled benchmark cell); a cell has no
 * need to, and nothing a cell can call takes a result out again.
 */
public final class SessionEvidence {

    private static final SessionEvidence CURRENT = new SessionEvidence();

    /** Evidence is told apart by its class and its name. */
    private record Key(Class<?> kind, String name) {
    }

    private final Map<Key, Evidence> byKindAndName = new LinkedHashMap<>();
    private Instant lastMeasured;

    SessionEvidence() {
    }

    /** Returns this JVM's session. */
    public static SessionEvidence current() {
        return CURRENT;
    }

    /**
     * Records a result, replacing an earlier one of the same kind and name (which keeps its
     * place in the order).
     *
     * @return the result, so that a call can record and return it at once
     */
    public synchronized <T extends Evidence> T record(T evidence) {
        byKindAndName.put(new Key(evidence.getClass(), evidence.name()), evidence);
        if (evidence.isMeasurement()) {
            lastMeasured = Instant.now();
        }
        return evidence;
    }

    /** Returns every result recorded, in the order first recorded. */
    public synchronized List<Evidence> all() {
        return List.copyOf(byKindAndName.values());
    }

    /** Returns when the latest measurement was recorded, or null before any. */
    public synchronized Instant lastMeasured() {
        return lastMeasured;
    }
}

package escapelab.evidence;

import java.util.Map;

/**
 * A result a submission carries: a benchmark cell's source, a bench run, a series, a chart, a
 * checklist, a layout, an escape report. Each has a name, the files it adds to the export and its
 * part of the README; the library records each one in {@link SessionEvidence} as it is produced,
 * and the export writes what the session holds.
 *
 * <p>A new kind of result implements this interface; nothing else changes. The interface is not
 * sealed because the kinds live in the packages of their concerns (bench, check, view, escape),
 * and a sealed type on the class path, where the kernel loads the course, may permit only
 * classes of its own package.
 */
public interface Evidence {

    /**
     * Returns the name that tells it from other evidence of its kind: re-running a cell that
     * produces evidence of the same kind and name replaces the earlier one.
     */
    String name();

    /** Returns the README section it belongs in. */
    Section section();

    /** Returns its part of the README, in Markdown, without the section's heading. */
    String markdown();

    /**
     * Returns the files it adds to the export, by path relative to the submission folder (such
     * as {@code jmh/FirstEscape.json}); empty when the README holds it all.
     */
    default Map<String, byte[]> files() {
        return Map.of();
    }

    /**
     * Returns whether it is a measurement: a submission warns when the saved notebook is older
     * than the last one, since the analysis may not speak of it yet.
     */
    default boolean isMeasurement() {
        return false;
    }

    /**
     * Turns a name into a file name: letters, digits, {@code .}, {@code _} and {@code -}, other
     * runs of characters become one {@code -}.
     */
    static String fileName(String name) {
        String cleaned = name.strip().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+", "");
        return cleaned.isEmpty() ? "unnamed" : cleaned;
    }

    /** The README's sections, in the order a reader meets them. */
    enum Section {
        /** Checklists: what was asked and whether it holds, first for whoever grades. */
        CRITERIA("Acceptance criteria", "_No checklist was run in this session._"),
        /** The learner's analysis, read from the saved notebook (no evidence goes here). */
        ANALYSIS("Analysis", null),
        /** The benchmark cells' sources. */
        CODE("Code", null),
        /** JMH's results. */
        BENCHMARKS("Benchmark output", null),
        /** Escape reports. */
        ESCAPE_REPORTS("Escape reports", null),
        /** Measurements that are not JMH runs. */
        MEASUREMENTS("Other measurements", null),
        /** Charts, as images beside the README. */
        CHARTS("Charts", null),
        /** Object layouts. */
        LAYOUTS("Object layouts", null);

        private final String heading;
        private final String whenEmpty;

        Section(String heading, String whenEmpty) {
            this.heading = heading;
            this.whenEmpty = whenEmpty;
        }

        /** Returns the section's heading, such as {@code Benchmark output}. */
        public String heading() {
            return heading;
        }

        /**
         * Returns what the README says when the section has no evidence, or null to leave the
         * section out.
         */
        public String whenEmpty() {
            return whenEmpty;
        }
    }
}

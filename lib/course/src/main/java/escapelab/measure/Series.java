package escapelab.measure;

import escapelab.evidence.Evidence;
import escapelab.evidence.HtmlTables;
import escapelab.evidence.MeasuredTable;
import escapelab.evidence.SessionEvidence;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Measurements that are not JMH runs, such as heap in use over iterations or bytes allocated
 * per request: y against x, one line per named series. Immutable; a {@link Recorder} collects
 * the points while a measurement runs, and its {@link Recorder#done()} records the finished
 * series for the submission.
 *
 * @param name what was measured, also the file name in a submission
 * @param xLabel what x counts, e.g. "iteration"
 * @param yUnit y's unit, e.g. "MiB"
 * @param points every point, in the order recorded
 */
public record Series(String name, String xLabel, String yUnit, List<Point> points) implements MeasuredTable {

    /** One measured point of one series. */
    public record Point(String series, double x, double y) {
    }

    public Series {
        checkName(name);
        points = List.copyOf(points);
    }

    private static void checkName(String name) {
        if (name == null || !name.matches("[A-Za-z0-9][A-Za-z0-9 ._-]*")) {
            throw new Mistake("a series name is letters, digits, spaces, '.', '_' or '-', such as \"heap over iterations\"; got "
                    + (name == null ? "null" : "'" + name + "'"));
        }
    }

    /** Starts recording a series. */
    public static Recorder record(String name, String xLabel, String yUnit) {
        return new Recorder(name, xLabel, yUnit);
    }

    /** The names of the series, in the order first recorded. */
    public List<String> seriesNames() {
        return List.copyOf(new LinkedHashSet<>(points.stream().map(Point::series).toList()));
    }

    /** The points of one series. */
    public List<Point> of(String series) {
        List<Point> found = points.stream().filter(p -> p.series().equals(series)).toList();
        if (found.isEmpty()) {
            throw new Mistake("no series " + series + " in " + name + "; it has " + seriesNames());
        }
        return found;
    }

    /** The first y of a series. */
    public double first(String series) {
        return of(series).get(0).y();
    }

    /** The last y of a series. */
    public double last(String series) {
        List<Point> of = of(series);
        return of.get(of.size() - 1).y();
    }

    /** The largest y of a series. */
    public double max(String series) {
        OptionalDouble max = of(series).stream().mapToDouble(Point::y).max();
        return max.orElseThrow();
    }

    /** How much y grew from the first point to the last. */
    public double growth(String series) {
        return last(series) - first(series);
    }

    /** The points as a table: series, x, y. */
    @Override
    public Table table() {
        return Table.create(name).addColumns(
                StringColumn.create("series", points.stream().map(Point::series).toList()),
                DoubleColumn.create(xLabel, points.stream().mapToDouble(Point::x).toArray()),
                DoubleColumn.create(yUnit, points.stream().mapToDouble(Point::y).toArray()));
    }

    /** The points as CSV with a header line, for a submission. */
    public String csv() {
        StringBuilder csv = new StringBuilder("series," + xLabel + "," + yUnit + "\n");
        for (Point p : points) {
            csv.append(p.series().replace(",", ";")).append(',').append(format(p.x())).append(',')
                    .append(format(p.y())).append('\n');
        }
        return csv.toString();
    }

    /** The table alone: the CSV file its caption names exists only in an export. */
    @Override
    public Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText(HtmlTables.html(table()), table().printAll());
    }

    /** Names the CSV file that holds the points. */
    @Override
    public String caption() {
        return "Data: `" + csvFile() + "`";
    }

    /** The points as CSV, under {@code data/}. */
    @Override
    public Map<String, byte[]> files() {
        return Map.of(csvFile(), csv().getBytes(StandardCharsets.UTF_8));
    }

    private String csvFile() {
        return "data/" + Evidence.fileName(name) + ".csv";
    }

    @Override
    public String toString() {
        return name + ": " + points.size() + " points of " + seriesNames();
    }

    private static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : String.format(Locale.ROOT, "%.6g", v);
    }

    /** Collects points while a measurement runs; {@link #done()} gives the immutable series. */
    public static final class Recorder {
        private final String name;
        private final String xLabel;
        private final String yUnit;
        private final List<Point> points = new ArrayList<>();

        Recorder(String name, String xLabel, String yUnit) {
            checkName(name);
            this.name = name;
            this.xLabel = xLabel;
            this.yUnit = yUnit;
        }

        /**
         * Adds a point.
         *
         * @throws Mistake if x or y is not a finite number
         */
        public synchronized Recorder add(String series, double x, double y) {
            if (!Double.isFinite(x) || !Double.isFinite(y)) {
                throw new Mistake("point (" + x + ", " + y + ") of " + series + " is not a finite number: "
                        + "measure again, or leave the point out");
            }
            points.add(new Point(series, x, y));
            return this;
        }

        /**
         * Returns the series recorded so far and records it for the submission, replacing an
         * earlier series of the same name.
         */
        public synchronized Series done() {
            return SessionEvidence.current().record(new Series(name, xLabel, yUnit, points));
        }
    }
}

package escapelab.view;

import escapelab.evidence.HtmlTables;
import escapelab.evidence.Numbers;
import escapelab.measure.JolVm;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;
import org.openjdk.jol.info.GraphLayout;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an object keeps alive: the object and all objects reachable from it, counted and
 * sized by class. A small view can retain a huge array; this is where that shows.
 *
 * <p>Measured by JOL on the running JVM. Objects shared with the rest of the program are counted
 * too, since they are reachable from the root.
 */
public final class Footprint implements MimeBundle {

    /**
     * The objects of one class in the graph.
     *
     * @param type the class name as Java source writes it, such as {@code byte[]}
     * @param count how many objects of that class are reachable
     * @param bytes their total size in bytes
     */
    public record Row(String type, long count, long bytes) {

        /** Checks the components: type not null, count and bytes not negative. */
        public Row {
            Objects.requireNonNull(type, "type");
            if (count < 0 || bytes < 0) {
                throw new IllegalArgumentException("count and bytes must not be negative: " + count + ", " + bytes);
            }
        }
    }

    private final String rootType;
    private final long totalBytes;
    private final long objectCount;
    private final List<Row> rows;

    private Footprint(String rootType, long totalBytes, long objectCount, List<Row> rows) {
        this.rootType = rootType;
        this.totalBytes = totalBytes;
        this.objectCount = objectCount;
        this.rows = List.copyOf(rows);
    }

    /**
     * Walks the object graph from {@code root} and measures it.
     *
     * @param root the object whose retained graph to measure
     * @return the footprint, rows sorted by bytes, largest first
     * @throws Mistake if {@code root} is null
     */
    public static Footprint of(Object root) {
        if (root == null) {
            throw new Mistake("pass an object to measure, for example Footprint.of(buffer); null retains nothing");
        }
        // root's static type is Object, so even an Object[] root is passed as one root, not spread.
        JolVm.current();
        GraphLayout graph = GraphLayout.parseInstance(root);
        List<Row> rows = new ArrayList<>();
        for (Class<?> type : graph.getClasses()) {
            rows.add(new Row(type.getTypeName(), graph.getClassCounts().count(type), graph.getClassSizes().count(type)));
        }
        rows.sort(Comparator.comparingLong(Row::bytes).reversed().thenComparing(Row::type));
        return new Footprint(root.getClass().getTypeName(), graph.totalSize(), graph.totalCount(), rows);
    }

    /** Returns the total size in bytes of the root and everything reachable from it. */
    public long totalBytes() {
        return totalBytes;
    }

    /** Returns how many objects the root keeps alive, itself included. */
    public long objectCount() {
        return objectCount;
    }

    /** Returns one row per class, largest total first. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the summary line, such as {@code java.nio.HeapByteBuffer retains 1,048,648 bytes (1.0 MiB) in 2 objects}. */
    public String title() {
        return rootType + " retains " + Numbers.count(totalBytes) + " bytes (" + Numbers.bytes(totalBytes) + ") in "
                + objectCount + (objectCount == 1 ? " object" : " objects");
    }

    /** Returns the notebook views: {@code text/html} (a table) and {@code text/plain} (aligned text). */
    @Override
    public Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText(html(), toString());
    }

    /** Returns the plain-text view: title and an aligned table of classes. */
    @Override
    public String toString() {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(Numbers.count(r.count()), Numbers.count(r.bytes()), r.type()));
        }
        cells.add(List.of(Numbers.count(objectCount), Numbers.count(totalBytes), "(total)"));
        return title() + "\n" + Render.table(List.of("COUNT", "BYTES", "CLASS"), cells, 0, 1);
    }

    private String html() {
        LongColumn counts = LongColumn.create("count");
        LongColumn bytes = LongColumn.create("bytes");
        StringColumn types = StringColumn.create("class");
        for (Row r : rows) {
            counts.append(r.count());
            bytes.append(r.bytes());
            types.append(r.type());
        }
        counts.append(objectCount);
        bytes.append(totalBytes);
        types.append("(total)");
        counts.setPrintFormatter(new NumberColumnFormatter(Numbers.countFormat()));
        bytes.setPrintFormatter(new NumberColumnFormatter(Numbers.countFormat()));
        int total = rows.size();
        return "<div class=\"escapelab-footprint\">\n<div style=\"font-weight:bold\">" + MimeBundle.escapeHtml(title())
                + "</div>\n" + HtmlTables.html(Table.create(title(), counts, bytes, types),
                row -> row == total ? "font-weight:bold" : null) + "\n</div>";
    }
}

package escapelab.view;

import escapelab.evidence.Evidence;
import escapelab.evidence.HtmlTables;
import escapelab.evidence.Numbers;
import escapelab.evidence.TypeNames;
import escapelab.measure.JolVm;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.info.FieldLayout;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.awt.image.BufferedImage;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The layout of one object in memory, byte by byte: header words, fields, the gaps between
 * fields and the padding that rounds the object up to the VM's alignment. Measured by JOL on
 * the running JVM, so it shows what this VM does, not what the JLS promises.
 *
 * <p>In a notebook a {@code Layout} shows itself as a table and a picture of the byte strip.
 * Records and lambdas need the JVM started with {@code -Djol.magicFieldOffset=true}.
 */
public final class Layout implements MimeBundle, Evidence {

    /** What a run of bytes in an object holds. */
    public enum Kind {
        /** The object header: mark word, class word and, for arrays, the length. */
        HEADER,
        /** A field, or the elements of an array. */
        FIELD,
        /** Unused bytes between the header and a field or between fields. */
        GAP,
        /** Unused bytes at the end that round the object up to the alignment. */
        PADDING
    }

    /**
     * One run of bytes of the object.
     *
     * @param offset where the run starts, in bytes from the start of the object
     * @param size how many bytes it covers
     * @param kind what the bytes hold
     * @param type the Java type of a field or array element; empty for other kinds
     * @param description the field's name, or what the header word or unused bytes are
     */
    public record Row(long offset, long size, Kind kind, String type, String description) {

        /** Checks the components: offset and size not negative, the rest not null. */
        public Row {
            if (offset < 0 || size < 0) {
                throw new IllegalArgumentException("offset and size must not be negative: " + offset + ", " + size);
            }
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(description, "description");
        }

        /** Returns the offset just past this run. */
        public long end() {
            return offset + size;
        }
    }

    static final String MAGIC_FIELD_OFFSET = "jol.magicFieldOffset";

    private final String typeName;
    private final String shortName;
    private final boolean array;
    private final long instanceSize;
    private final int headerSize;
    private final List<Row> rows;
    private final Vm vm;

    private Layout(String typeName, String shortName, boolean array, long instanceSize,
                   int headerSize, List<Row> rows, Vm vm) {
        this.typeName = typeName;
        this.shortName = shortName;
        this.array = array;
        this.instanceSize = instanceSize;
        this.headerSize = headerSize;
        this.rows = List.copyOf(rows);
        this.vm = vm;
    }

    /**
     * Returns the layout every instance of a class has on this JVM.
     *
     * @param type a class, record or interface (not a primitive, not an array type: an array's
     *     size depends on its length)
     * @return the layout
     * @throws Mistake if {@code type} is null, primitive or an array type
     * @throws IllegalStateException if {@code type} is a record or hidden class (such as a lambda)
     *     and the JVM was not started with {@code -Djol.magicFieldOffset=true}
     */
    public static Layout of(Class<?> type) {
        if (type == null) {
            throw new Mistake("pass a class, for example Layout.of(Point.class)");
        }
        if (type == void.class) {
            throw new Mistake("void has no instances and so no layout; pass a class");
        }
        if (type.isPrimitive()) {
            throw new Mistake(type + " is a primitive and has no object layout; pass its box ("
                    + boxName(type) + ".class) or an array instance to Layout.ofInstance");
        }
        if (type.isArray()) {
            throw new Mistake("an array's size depends on its length: use Layout.ofInstance(new "
                    + type.getComponentType().getTypeName() + "[n]) instead of Layout.of(" + type.getTypeName()
                    + ".class)");
        }
        JolVm.current();
        ClassLayout jol = parse(type, () -> ClassLayout.parseClass(type));
        return from(type.getTypeName(), shortName(type), false, -1, jol);
    }

    /**
     * Returns the layout of one object, arrays included (an array's layout depends on its
     * length).
     *
     * @param object the object to look at
     * @return its layout
     * @throws Mistake if {@code object} is null
     * @throws IllegalStateException if the object is a record or an instance of a hidden class
     *     (such as a lambda) and the JVM was not started with {@code -Djol.magicFieldOffset=true}
     */
    public static Layout ofInstance(Object object) {
        if (object == null) {
            throw new Mistake("pass an object, for example Layout.ofInstance(new int[3]); null has no layout");
        }
        Class<?> type = object.getClass();
        JolVm.current();
        ClassLayout jol = parse(type, () -> ClassLayout.parseInstance(object));
        if (type.isArray()) {
            int length = Array.getLength(object);
            // The first [] of a type name is the outermost dimension: int[][] of length 2 is int[2][].
            return from(type.getTypeName().replaceFirst("\\[]", "[" + length + "]"),
                    shortName(type).replaceFirst("\\[]", "[" + length + "]"), true, length, jol);
        }
        return from(type.getTypeName(), shortName(type), false, -1, jol);
    }

    /** Returns the type's name as Java source writes it; array instances carry their length, as in {@code int[3]}. */
    public String typeName() {
        return typeName;
    }

    /** Returns the type's name, which names the layout in a submission. */
    @Override
    public String name() {
        return typeName;
    }

    @Override
    public Section section() {
        return Section.LAYOUTS;
    }

    /** Returns the plain-text view as a code block. */
    @Override
    public String markdown() {
        return "```\n" + text().strip() + "\n```\n";
    }

    /** Returns the object's size in bytes, padding included: a multiple of the VM's alignment. */
    public long instanceSize() {
        return instanceSize;
    }

    /** Returns the header's size in bytes (for arrays, including the length). */
    public int headerSize() {
        return headerSize;
    }

    /** Returns the runs of bytes in offset order; they cover {@code 0..instanceSize()} exactly once. */
    public List<Row> rows() {
        return rows;
    }

    /** Returns the bytes that hold nothing: gaps between fields plus padding at the end. */
    public long lossBytes() {
        return bytesOf(Kind.GAP) + bytesOf(Kind.PADDING);
    }

    /** Returns the VM this layout was measured on. */
    public Vm vm() {
        return vm;
    }

    /** Returns the summary line, such as {@code Point: 24 bytes (12 header + 8 fields + 4 padding)}. */
    public String title() {
        StringBuilder s = new StringBuilder();
        s.append(shortName).append(": ").append(Numbers.count(instanceSize)).append(" bytes (");
        s.append(Numbers.count(bytesOf(Kind.HEADER))).append(" header");
        appendPart(s, bytesOf(Kind.FIELD), array ? "elements" : "fields");
        appendPart(s, bytesOf(Kind.GAP), "gap");
        appendPart(s, bytesOf(Kind.PADDING), "padding");
        return s.append(')').toString();
    }

    /**
     * Draws the object as a horizontal strip of bytes: one box per row, 24 pixels per byte,
     * coloured by kind, labelled with names and offsets, with a title and a legend. Very large
     * runs (long arrays) are drawn shortened, with a break mark. Each call draws a new image.
     *
     * @return a new image
     */
    public BufferedImage picture() {
        return LayoutPicture.draw(this);
    }

    /**
     * Returns the notebook views: {@code text/html} (VM line, table, picture), {@code image/png}
     * (the picture, base64) and {@code text/plain} (aligned table and VM line).
     */
    @Override
    public Map<String, String> mimeBundle() {
        String png = Render.base64Png(picture());
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/html", html(png));
        bundle.put("image/png", png);
        bundle.put("text/plain", text());
        return Collections.unmodifiableMap(bundle);
    }

    /** Returns the plain-text view: title, aligned table of rows and the VM line. */
    @Override
    public String toString() {
        return text();
    }

    boolean isArray() {
        return array;
    }

    long bytesOf(Kind kind) {
        return rows.stream().filter(r -> r.kind() == kind).mapToLong(Row::size).sum();
    }

    private String text() {
        List<List<String>> cells = new ArrayList<>();
        for (Row r : rows) {
            cells.add(List.of(Long.toString(r.offset()), Long.toString(r.size()), kindName(r.kind()), r.type(),
                    r.description()));
        }
        return title() + "\n"
                + Render.table(List.of("OFF", "SZ", "KIND", "TYPE", "DESCRIPTION"), cells, 0, 1)
                + "VM: " + vm.describe() + "\n";
    }

    private String html(String base64Png) {
        Table table = Table.create(title(),
                LongColumn.create("offset", rows.stream().mapToLong(Row::offset).toArray()),
                LongColumn.create("size", rows.stream().mapToLong(Row::size).toArray()),
                StringColumn.create("kind", rows.stream().map(r -> kindName(r.kind())).toList()),
                StringColumn.create("type", rows.stream().map(Row::type).toList()),
                StringColumn.create("description", rows.stream().map(Row::description).toList()));
        return "<div class=\"escapelab-layout\">\n"
                + "<div style=\"font-weight:bold\">" + MimeBundle.escapeHtml(title()) + "</div>\n"
                + "<div style=\"color:#555;font-size:smaller\">VM: " + MimeBundle.escapeHtml(vm.describe()) + "</div>\n"
                + HtmlTables.html(table, row -> "background:" + LayoutPicture.cssColour(rows.get(row).kind())) + "\n"
                + "<img src=\"data:image/png;base64," + base64Png + "\" alt=\"" + MimeBundle.escapeHtml(title()) + "\">\n</div>";
    }

    private static String kindName(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    private static void appendPart(StringBuilder s, long bytes, String what) {
        if (bytes > 0) {
            s.append(" + ").append(Numbers.count(bytes)).append(' ').append(what);
        }
    }

    /** Runs JOL, turning its failure on records and hidden classes into advice. */
    private static ClassLayout parse(Class<?> type, Supplier<ClassLayout> jol) {
        try {
            return jol.get();
        } catch (RuntimeException e) {
            throw explain(type, e, Boolean.getBoolean(MAGIC_FIELD_OFFSET));
        }
    }

    /**
     * JDK 15+ refuses Unsafe field offsets of records and hidden classes; JOL then needs its
     * "magic" offset mode, which must be chosen when the JVM starts (JOL reads the property once).
     */
    static RuntimeException explain(Class<?> type, RuntimeException failure, boolean magicEnabled) {
        boolean refused = type.isRecord() || type.isHidden() || mentions(failure, MAGIC_FIELD_OFFSET);
        if (!refused || magicEnabled) {
            return failure;
        }
        String what = type.isRecord() ? "record " : type.isHidden() ? "hidden class (a lambda?) " : "class ";
        return new IllegalStateException("JOL cannot read the field offsets of " + what + type.getTypeName()
                + " on this JDK: start the JVM with -D" + MAGIC_FIELD_OFFSET + "=true (for the notebook, in the"
                + " kernel's JVM options) and try again", failure);
    }

    private static boolean mentions(Throwable failure, String text) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(text)) {
                return true;
            }
        }
        return false;
    }

    private static Layout from(String typeName, String shortName, boolean array, long length, ClassLayout jol) {
        Vm vm = Vm.current();
        int header = jol.headerSize();
        long size = jol.instanceSize();
        List<Row> rows = new ArrayList<>(headerRows(header, array));
        long cursor = header;
        for (FieldLayout f : jol.fields()) {
            if (f.size() == 0) {
                continue; // the elements of an empty array
            }
            if (f.offset() < cursor) {
                throw new IllegalStateException("JOL reported overlapping fields in " + typeName + " at offset "
                        + f.offset() + "; please report this with the VM line: " + vm.describe());
            }
            if (f.offset() > cursor) {
                rows.add(new Row(cursor, f.offset() - cursor, Kind.GAP, "", "alignment gap"));
            }
            String description = array ? length + (length == 1 ? " element" : " elements") : fieldName(f, typeName);
            rows.add(new Row(f.offset(), f.size(), Kind.FIELD, f.typeClass(), description));
            cursor = f.offset() + f.size();
        }
        if (cursor > size) {
            throw new IllegalStateException("JOL reported fields past the end of " + typeName + " (" + cursor + " > "
                    + size + "); please report this with the VM line: " + vm.describe());
        }
        if (cursor < size) {
            rows.add(new Row(cursor, size - cursor, Kind.PADDING, "",
                    "padding to " + vm.objectAlignment() + "-byte alignment"));
        }
        return new Layout(typeName, shortName, array, size, header, rows, vm);
    }

    /**
     * JOL reports only the header's total, so the words are derived: the mark word is one
     * machine word, an array's length an int, and the class word whatever remains (none with
     * JDK 24+ compact headers, where the class lives in the mark word).
     */
    private static List<Row> headerRows(int header, boolean array) {
        long mark = Math.min(JolVm.current().addressSize(), header);
        long rest = header - mark;
        long length = array ? Math.min(4, rest) : 0;
        long klass = rest - length;
        List<Row> rows = new ArrayList<>();
        rows.add(new Row(0, mark, Kind.HEADER, "", klass == 0 ? "mark word + class (compact header)" : "mark word"));
        if (klass > 0) {
            rows.add(new Row(mark, klass, Kind.HEADER, "", "class word"));
        }
        if (length > 0) {
            rows.add(new Row(mark + klass, length, Kind.HEADER, "int", "array length"));
        }
        return rows;
    }

    /** The field's name; inherited fields are qualified with the class that declares them. */
    private static String fieldName(FieldLayout f, String typeName) {
        boolean own = f.hostClass().equals(typeName) || f.hostClass().equals(typeName.replace('$', '.'));
        return own ? f.name() : f.classShortName() + "." + f.name();
    }

    private static String shortName(Class<?> type) {
        Class<?> element = type;
        String dims = "";
        while (element.isArray()) {
            element = element.getComponentType();
            dims += "[]";
        }
        return TypeNames.shortName(element) + dims;
    }

    private static String boxName(Class<?> primitive) {
        return Array.get(Array.newInstance(primitive, 1), 0).getClass().getSimpleName();
    }
}

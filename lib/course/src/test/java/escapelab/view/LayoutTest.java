package escapelab.view;

import escapelab.notebook.MimeBundle;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.view.Layout.Kind;
import escapelab.view.Layout.Row;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.IntSupplier;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.ClassLayout;
import org.openjdk.jol.vm.VM;

class LayoutTest {

    record Point(int x, int y) {
    }

    static final class PlainPoint {
        int x;
        int y;
    }

    static final class Mixed {
        byte b;
        long l;
        Object o;
        boolean z;
    }

    static class Base {
        int a;
    }

    static final class Derived extends Base {
        long b;
    }

    private static final Vm VM_NOW = Vm.current();

    private static long roundUp(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }

    /** On this JDK 17 with default flags: 24 bytes, header 12, x@12, y@16, padding 4@20. */
    private static void assertPointLayout(Layout layout, String shortName) {
        int header = VM_NOW.objectHeaderSize();
        long size = roundUp(header + 8L, VM_NOW.objectAlignment());
        assertEquals(size, layout.instanceSize());
        assertEquals(header, layout.headerSize());

        List<Row> fields = layout.rows().stream().filter(r -> r.kind() == Kind.FIELD).toList();
        assertEquals(List.of(new Row(header, 4, Kind.FIELD, "int", "x"), new Row(header + 4, 4, Kind.FIELD, "int", "y")),
                fields);
        long padding = size - header - 8;
        Row last = layout.rows().get(layout.rows().size() - 1);
        if (padding > 0) {
            assertEquals(new Row(header + 8, padding, Kind.PADDING, "", "padding to " + VM_NOW.objectAlignment()
                    + "-byte alignment"), last);
        }
        assertEquals(padding, layout.lossBytes());
        assertEquals(shortName + ": " + size + " bytes (" + header + " header + 8 fields"
                + (padding > 0 ? " + " + padding + " padding" : "") + ")", layout.title());
        assertCoversEveryByteOnce(layout);

        if (header == 12 && VM_NOW.objectAlignment() == 8) {
            // The default 64-bit HotSpot layout, spelled out.
            assertEquals(24, layout.instanceSize());
            assertEquals(List.of(
                    new Row(0, 8, Kind.HEADER, "", "mark word"),
                    new Row(8, 4, Kind.HEADER, "", "class word"),
                    new Row(12, 4, Kind.FIELD, "int", "x"),
                    new Row(16, 4, Kind.FIELD, "int", "y"),
                    new Row(20, 4, Kind.PADDING, "", "padding to 8-byte alignment")), layout.rows());
            assertEquals(shortName + ": 24 bytes (12 header + 8 fields + 4 padding)", layout.title());
        }
    }

    private static void assertCoversEveryByteOnce(Layout layout) {
        long expected = 0;
        for (Row r : layout.rows()) {
            assertEquals(expected, r.offset(), "row starts where the previous ended: " + r);
            assertTrue(r.size() > 0, "no empty rows: " + r);
            expected = r.end();
        }
        assertEquals(layout.instanceSize(), expected, "rows end at the instance size");
    }

    @Test
    void recordPointHasTwoIntsAfterTheHeader() {
        assertPointLayout(Layout.of(Point.class), "Point");
        assertPointLayout(Layout.ofInstance(new Point(3, 4)), "Point");
        assertEquals(Point.class.getTypeName(), Layout.of(Point.class).typeName());
    }

    @Test
    void plainClassPointHasTheSameLayout() {
        assertPointLayout(Layout.of(PlainPoint.class), "PlainPoint");
    }

    @Test
    void gapsAndPaddingAreWhatJolCountsAsLosses() {
        for (Object o : new Object[] {new Mixed(), new Object(), "text", new Derived(), new int[3], new long[0],
                new Object[5], new byte[13]}) {
            Layout layout = Layout.ofInstance(o);
            assertCoversEveryByteOnce(layout);
            assertEquals(ClassLayout.parseInstance(o).getLossesTotal(), layout.lossBytes(), layout.typeName());
            assertEquals(layout.rows().stream().filter(r -> r.kind() == Kind.HEADER).mapToLong(Row::size).sum(),
                    layout.headerSize(), "header rows add up to the header: " + layout.typeName());
        }
        if (VM_NOW.objectHeaderSize() == 12 && VM_NOW.objectAlignment() == 8) {
            // byte@12, boolean@13, 2-byte gap, long@16, ref@24, 4 bytes padding.
            Layout mixed = Layout.of(Mixed.class);
            assertEquals(32, mixed.instanceSize());
            assertEquals(new Row(14, 2, Kind.GAP, "", "alignment gap"),
                    mixed.rows().stream().filter(r -> r.kind() == Kind.GAP).findFirst().orElseThrow());
            assertEquals(6, mixed.lossBytes());
            assertEquals("Mixed: 32 bytes (12 header + 14 fields + 2 gap + 4 padding)", mixed.title());
        }
    }

    @Test
    void inheritedFieldsNameTheirClass() {
        List<String> names = Layout.of(Derived.class).rows().stream().filter(r -> r.kind() == Kind.FIELD)
                .map(Row::description).toList();
        assertTrue(names.contains("Base.a"), names.toString());
        assertTrue(names.contains("b"), names.toString());
    }

    @Test
    void intArrayOfThree() {
        Layout layout = Layout.ofInstance(new int[3]);
        int base = VM.current().arrayBaseOffset("int");
        assertEquals("int[3]", layout.typeName());
        assertEquals(VM_NOW.arrayHeaderSize(), layout.headerSize());
        assertEquals(roundUp(base + 12L, VM_NOW.objectAlignment()), layout.instanceSize());
        Row elements = layout.rows().stream().filter(r -> r.kind() == Kind.FIELD).findFirst().orElseThrow();
        assertEquals(new Row(base, 12, Kind.FIELD, "int", "3 elements"), elements);
        Row length = layout.rows().stream().filter(r -> r.description().equals("array length")).findFirst()
                .orElseThrow();
        assertEquals(4, length.size());
        assertEquals(Kind.HEADER, length.kind());
        assertCoversEveryByteOnce(layout);
        assertTrue(layout.title().startsWith("int[3]: " + layout.instanceSize() + " bytes ("), layout.title());
        assertTrue(layout.title().contains(" + 12 elements"), layout.title());

        if (VM_NOW.arrayHeaderSize() == 16 && VM_NOW.objectAlignment() == 8) {
            assertEquals(List.of(
                    new Row(0, 8, Kind.HEADER, "", "mark word"),
                    new Row(8, 4, Kind.HEADER, "", "class word"),
                    new Row(12, 4, Kind.HEADER, "int", "array length"),
                    new Row(16, 12, Kind.FIELD, "int", "3 elements"),
                    new Row(28, 4, Kind.PADDING, "", "padding to 8-byte alignment")), layout.rows());
            assertEquals("int[3]: 32 bytes (16 header + 12 elements + 4 padding)", layout.title());
        }
    }

    @Test
    void arrayTypeNamesCarryTheOuterLength() {
        assertEquals("int[2][]", Layout.ofInstance(new int[2][]).typeName());
        assertEquals(Point.class.getTypeName() + "[1]", Layout.ofInstance(new Point[1]).typeName());
    }

    @Test
    void lambdasAreHiddenClassesAndStillWork() {
        int captured = 42;
        IntSupplier lambda = () -> captured;
        Layout layout = Layout.ofInstance(lambda);
        assertCoversEveryByteOnce(layout);
        assertTrue(layout.rows().stream().anyMatch(r -> r.kind() == Kind.FIELD && r.type().equals("int")),
                layout.rows().toString());
    }

    @Test
    void pictureIsAStripOfColouredBoxes() throws Exception {
        Layout layout = Layout.of(PlainPoint.class);
        BufferedImage picture = layout.picture();
        long bytes = layout.instanceSize();
        // One line (24 bytes < 32 per line) of 24 px per byte, plus margins; title, VM line, legend.
        assertTrue(picture.getWidth() >= bytes * LayoutPicture.PX_PER_BYTE, "width " + picture.getWidth());
        assertTrue(picture.getWidth() < 1600, "width " + picture.getWidth());
        assertTrue(picture.getHeight() >= 80 && picture.getHeight() < 300, "height " + picture.getHeight());

        // Just inside the top-left corner of each box the fill colour shows (labels sit lower).
        int top = LayoutPicture.stripTop();
        for (Row r : layout.rows()) {
            if (r.kind() == Kind.HEADER || r.kind() == Kind.FIELD) {
                int x = LayoutPicture.MARGIN + (int) r.offset() * LayoutPicture.PX_PER_BYTE + 3;
                assertEquals(LayoutPicture.colour(r.kind()).getRGB(), picture.getRGB(x, top + 8), r.toString());
            }
        }

        byte[] png = Base64.getDecoder().decode(layout.mimeBundle().get("image/png"));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(picture.getWidth(), decoded.getWidth());
        assertEquals(picture.getHeight(), decoded.getHeight());
    }

    @Test
    void hugeArraysAreDrawnShortened() {
        Layout layout = Layout.ofInstance(new byte[1 << 20]);
        assertCoversEveryByteOnce(layout);
        BufferedImage picture = layout.picture();
        assertTrue(picture.getWidth() <= 2 * LayoutPicture.MARGIN + LayoutPicture.BYTES_PER_LINE
                * LayoutPicture.PX_PER_BYTE + 200, "width " + picture.getWidth());
        assertTrue(picture.getHeight() < 500, "height " + picture.getHeight());
    }

    @Test
    void mimeBundleHasHtmlPngAndText() {
        Layout layout = Layout.of(PlainPoint.class);
        Map<String, String> bundle = layout.mimeBundle();
        assertEquals(List.of("text/html", "image/png", "text/plain"), List.copyOf(bundle.keySet()));

        String html = bundle.get("text/html");
        assertTrue(html.contains("<td style=\"text-align:left\">x</td>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">y</td>"), html);
        assertTrue(html.contains("<tr style=\"background:" + LayoutPicture.cssColour(Layout.Kind.HEADER) + "\">"), html);
        assertTrue(html.contains("<img src=\"data:image/png;base64," + bundle.get("image/png") + "\""));
        assertTrue(html.contains("VM: " + MimeBundle.escapeHtml(VM_NOW.describe())), html);
        assertTrue(html.contains("<table>") && html.contains("</table>"));

        String text = bundle.get("text/plain");
        assertEquals(text, layout.toString());
        List<String> lines = text.lines().toList();
        assertEquals(layout.title(), lines.get(0));
        assertTrue(lines.get(1).startsWith("OFF"), lines.get(1));
        assertEquals("VM: " + VM_NOW.describe(), lines.get(lines.size() - 1));
        // Columns line up: every row's description starts where the header's does.
        int column = lines.get(1).indexOf("DESCRIPTION");
        for (int i = 0; i < layout.rows().size(); i++) {
            assertEquals(layout.rows().get(i).description(), lines.get(2 + i).substring(column), lines.get(2 + i));
        }
    }

    @Test
    void htmlEscapesNames() {
        assertEquals("Map&lt;K, V&gt; &amp; &quot;x&quot;", MimeBundle.escapeHtml("Map<K, V> & \"x\""));
    }

    @Test
    void rejectsWhatHasNoLayoutWithAdvice() {
        IllegalArgumentException primitive = assertThrows(IllegalArgumentException.class, () -> Layout.of(int.class));
        assertTrue(primitive.getMessage().contains("Integer.class"), primitive.getMessage());
        IllegalArgumentException array = assertThrows(IllegalArgumentException.class, () -> Layout.of(int[].class));
        assertTrue(array.getMessage().contains("Layout.ofInstance(new int[n])"), array.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Layout.of(void.class));
        assertThrows(IllegalArgumentException.class, () -> Layout.of(null));
        assertThrows(IllegalArgumentException.class, () -> Layout.ofInstance(null));
    }

    @Test
    void recordFailureWithoutMagicOffsetsTellsWhatToSet() {
        RuntimeException jol = new RuntimeException("Cannot get the field offset, try with -Djol.magicFieldOffset=true");
        RuntimeException explained = Layout.explain(Point.class, jol, false);
        assertTrue(explained instanceof IllegalStateException, explained.toString());
        assertTrue(explained.getMessage().contains("record " + Point.class.getTypeName()), explained.getMessage());
        assertTrue(explained.getMessage().contains("-Djol.magicFieldOffset=true"), explained.getMessage());
        assertSame(jol, explained.getCause());

        // With the property set, or for an unrelated failure, JOL's own exception passes through.
        assertSame(jol, Layout.explain(Point.class, jol, true));
        RuntimeException other = new IllegalArgumentException("something else");
        assertSame(other, Layout.explain(PlainPoint.class, other, false));
    }

    @Test
    void vmDescribesItself() {
        Vm vm = new Vm("17.0.15", "OpenJDK 64-Bit Server VM", true, true, 12, 16, 8,
                "-XX:+UseCompressedOops -XX:+UseCompressedClassPointers -XX:ObjectAlignmentInBytes=8");
        assertEquals("OpenJDK 64-Bit Server VM 17.0.15, compressed oops, compressed class pointers, 12-byte object"
                + " header, 16-byte array header, 8-byte alignment", vm.describe());
        Vm compact = new Vm("25", "VM", true, true, 8, 12, 8, "-XX:+UseCompactObjectHeaders");
        assertTrue(compact.describe().contains(", compact object headers, 8-byte object header"), compact.describe());
        assertFalse(new Vm("25", "VM", false, false, 16, 20, 8, "").describe().contains("compact"));
        assertThrows(IllegalArgumentException.class, () -> new Vm("17", "VM", true, true, 0, 16, 8, ""));
    }

    @Test
    void currentVmMatchesJolAndTheFlags() {
        Vm vm = Vm.current();
        assertSame(vm, Vm.current());
        assertEquals(VM.current().objectHeaderSize(), vm.objectHeaderSize());
        assertEquals(VM.current().arrayHeaderSize(), vm.arrayHeaderSize());
        assertEquals(VM.current().objectAlignment(), vm.objectAlignment());
        assertEquals(System.getProperty("java.version"), vm.javaVersion());
        assertEquals(vm.compressedOops(), VM.current().sizeOfField("oop") < VM.current().addressSize());
        if (vm.vmName().contains("HotSpot") || vm.vmName().contains("OpenJDK")) {
            assertTrue(vm.flags().contains("-XX:ObjectAlignmentInBytes=" + vm.objectAlignment()), vm.flags());
            assertTrue(vm.flags().contains(vm.compressedOops() ? "-XX:+UseCompressedOops" : "-XX:-UseCompressedOops"),
                    vm.flags());
            assertEquals(Runtime.version().feature() >= 24, vm.flags().contains("UseCompactObjectHeaders"), vm.flags());
        }
        assertTrue(vm.describe().startsWith(vm.vmName() + " " + vm.javaVersion() + ", "), vm.describe());
        assertTrue(vm.describe().endsWith(", " + vm.objectAlignment() + "-byte alignment"), vm.describe());
    }
}

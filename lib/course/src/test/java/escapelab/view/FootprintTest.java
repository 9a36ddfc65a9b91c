package escapelab.view;

import escapelab.evidence.Numbers;

import escapelab.notebook.MimeBundle;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.view.Footprint.Row;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FootprintTest {

    private static final int MIB = 1 << 20;

    private static long roundUp(long n, int alignment) {
        return (n + alignment - 1) / alignment * alignment;
    }

    /** Task 4 in small: a 100-byte view keeps the whole backing array alive. */
    @Test
    void aWrappedViewRetainsTheWholeArray() {
        byte[] big = new byte[MIB];
        Footprint view = Footprint.of(ByteBuffer.wrap(big, 0, 100));
        assertTrue(view.totalBytes() > MIB, "total " + view.totalBytes());
        assertEquals(2, view.objectCount());
        Row array = view.rows().get(0);
        assertEquals("byte[]", array.type(), "the array is the biggest row");
        assertEquals(1, array.count());
        assertEquals(Layout.ofInstance(big).instanceSize(), array.bytes());
        assertEquals(view.totalBytes(), view.rows().stream().mapToLong(Row::bytes).sum());
        assertEquals(view.objectCount(), view.rows().stream().mapToLong(Row::count).sum());
    }

    @Test
    void aCopyRetainsOnlyTheCopiedBytes() {
        byte[] big = new byte[MIB];
        byte[] copy = Arrays.copyOfRange(big, 0, 100);
        Footprint copied = Footprint.of(copy);
        Vm vm = Vm.current();
        // Elements start at the array base offset, which can lie past the header (alignment).
        long base = org.openjdk.jol.vm.VM.current().arrayBaseOffset("byte");
        assertEquals(roundUp(base + 100L, vm.objectAlignment()), copied.totalBytes());
        assertTrue(copied.totalBytes() < 200, "total " + copied.totalBytes());
        assertEquals(1, copied.objectCount());

        Footprint wrappedCopy = Footprint.of(ByteBuffer.wrap(copy));
        assertTrue(wrappedCopy.totalBytes() < 200, "a buffer over the copy: " + wrappedCopy.totalBytes());
        assertEquals(2, wrappedCopy.objectCount());
    }

    @Test
    void anArrayRootIsOneRootNotManyRoots() {
        Object[] root = {new byte[1000], new byte[1000]};
        Footprint footprint = Footprint.of(root);
        assertEquals(3, footprint.objectCount());
        assertTrue(footprint.rows().contains(new Row("java.lang.Object[]", 1, Layout.ofInstance(root).instanceSize())),
                footprint.rows().toString());
        assertEquals(new Row("byte[]", 2, 2 * Layout.ofInstance(new byte[1000]).instanceSize()), footprint.rows().get(0));
    }

    @Test
    void rowsAreSortedLargestFirst() {
        Footprint footprint = Footprint.of(List.of("a", "bb", new int[100]));
        List<Long> bytes = footprint.rows().stream().map(Row::bytes).toList();
        for (int i = 1; i < bytes.size(); i++) {
            assertTrue(bytes.get(i - 1) >= bytes.get(i), bytes.toString());
        }
    }

    @Test
    void rendersHtmlAndText() {
        Footprint footprint = Footprint.of(ByteBuffer.wrap(new byte[MIB], 0, 100));
        Map<String, String> bundle = footprint.mimeBundle();
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(bundle.keySet()));
        String title = "java.nio.HeapByteBuffer retains " + String.format(java.util.Locale.ROOT, "%,d", footprint.totalBytes())
                + " bytes (1.0 MiB) in 2 objects";
        assertEquals(title, footprint.title());

        String text = bundle.get("text/plain");
        List<String> lines = text.lines().toList();
        assertEquals(title, lines.get(0));
        assertTrue(lines.get(2).endsWith("  byte[]"), lines.get(2));
        assertTrue(lines.get(lines.size() - 1).endsWith("(total)"), text);

        String html = bundle.get("text/html");
        assertTrue(html.contains(">byte[]</td>"), html);
        assertTrue(html.contains(">java.nio.HeapByteBuffer</td>"), html);
        assertTrue(html.replaceAll("\\s*\\n\\s*", "").contains("<tr style=\"font-weight:bold\">"
                + "<td style=\"text-align:right\">2</td><td style=\"text-align:right\">" + Numbers.count(footprint.totalBytes())
                + "</td><td style=\"text-align:left\">(total)</td></tr>"), html);
        assertTrue(html.contains(MimeBundle.escapeHtml(title)), html);
    }

    @Test
    void rejectsNull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Footprint.of(null));
        assertTrue(e.getMessage().contains("pass an object"), e.getMessage());
    }
}

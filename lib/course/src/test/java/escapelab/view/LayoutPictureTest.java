package escapelab.view;

import escapelab.view.Layout.Kind;
import escapelab.view.Layout.Row;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static escapelab.view.LayoutPicture.BYTES_PER_LINE;
import static escapelab.view.LayoutPicture.MARGIN;
import static escapelab.view.LayoutPicture.PX_PER_BYTE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The picture of a layout, read back pixel by pixel: boxes, colours, offset ticks, lines, legend. */
class LayoutPictureTest {

    /** A box, the offsets under it and the gap to the next line: 40 + 14 + 8 pixels. */
    private static final int LINE_HEIGHT = 62;
    private static final int BOX_HEIGHT = 40;
    /** Below the last line: the legend (22) and the margin (16). */
    private static final int BELOW_STRIP = 38;

    /** byte@12, boolean@13, a 2-byte gap, long@16, a reference@24, 4 bytes of padding: 32 bytes, one line. */
    static final class Mixed {
        byte b;
        long l;
        Object o;
        boolean z;
    }

    static final class Pair {
        int a;
        int b;
    }

    private static boolean defaultHotSpotLayout() {
        Vm vm = Vm.current();
        return vm.objectHeaderSize() == 12 && vm.arrayHeaderSize() == 16 && vm.objectAlignment() == 8;
    }

    /** The kind whose colour is nearest to a pixel's: antialiasing and hatching shift colours a little. */
    private static Kind nearestKind(int rgb) {
        Color c = new Color(rgb);
        Kind nearest = null;
        int best = Integer.MAX_VALUE;
        for (Kind kind : Kind.values()) {
            Color k = LayoutPicture.colour(kind);
            int distance = Math.abs(c.getRed() - k.getRed()) + Math.abs(c.getGreen() - k.getGreen())
                    + Math.abs(c.getBlue() - k.getBlue());
            if (distance < best) {
                best = distance;
                nearest = kind;
            }
        }
        assertTrue(best < 60, "pixel " + c + " is near no kind's colour");
        return nearest;
    }

    /** The top-left of byte {@code position}'s cell in the strip, as drawn to scale. */
    private static int cellX(long position) {
        return MARGIN + (int) (position % BYTES_PER_LINE) * PX_PER_BYTE;
    }

    private static int lineTop(long position) {
        return LayoutPicture.stripTop() + (int) (position / BYTES_PER_LINE) * LINE_HEIGHT;
    }

    private static void assertEveryByteHasItsRowsColour(Layout layout) {
        BufferedImage picture = layout.picture();
        for (Row row : layout.rows()) {
            for (long p = row.offset(); p < row.end(); p++) {
                // Just inside the cell's top-left, above the labels and beside the byte ticks.
                int rgb = picture.getRGB(cellX(p) + 3, lineTop(p) + 2);
                assertEquals(row.kind(), nearestKind(rgb), "byte " + p + " of " + row + " in " + layout.typeName());
            }
        }
    }

    @Test
    void everyByteIsDrawnInTheColourOfWhatItHolds() {
        Layout mixed = Layout.of(Mixed.class);
        assertEveryByteHasItsRowsColour(mixed);
        assertEveryByteHasItsRowsColour(Layout.of(Pair.class));
        if (defaultHotSpotLayout()) {
            Set<Kind> kinds = new TreeSet<>();
            mixed.rows().forEach(r -> kinds.add(r.kind()));
            assertEquals(Set.of(Kind.values()), kinds, "header, fields, a gap and padding: " + mixed.rows());
        }
    }

    @Test
    void aRowAcrossTheEndOfALineGoesOnAtTheStartOfTheNext() {
        Layout ints = Layout.ofInstance(new int[5]);
        Row elements = ints.rows().stream().filter(r -> r.kind() == Kind.FIELD).findFirst().orElseThrow();
        assertTrue(elements.offset() < BYTES_PER_LINE && elements.end() > BYTES_PER_LINE,
                "the 20 bytes of elements cross byte 32: " + elements);
        assertEveryByteHasItsRowsColour(ints);

        BufferedImage picture = ints.picture();
        assertEquals(LayoutPicture.stripTop() + 2 * LINE_HEIGHT + BELOW_STRIP, picture.getHeight(), "two lines");
        assertEquals(Kind.FIELD, nearestKind(picture.getRGB(MARGIN + 3, lineTop(BYTES_PER_LINE) + 2)));
        // The second line's box begins at the margin with its own border.
        assertTrue(new Color(picture.getRGB(MARGIN, lineTop(BYTES_PER_LINE) + BOX_HEIGHT / 2)).getRed() < 128,
                "a border at the start of the second line");
    }

    @Test
    void anOffsetIsTickedUnderTheStartOfEveryRowAndUnderTheEnd() {
        Layout mixed = Layout.of(Mixed.class);
        BufferedImage picture = mixed.picture();
        assertEquals(1, (mixed.instanceSize() + BYTES_PER_LINE - 1) / BYTES_PER_LINE, "one line");

        Set<Integer> expected = new TreeSet<>();
        mixed.rows().forEach(r -> expected.add(cellX(r.offset())));
        expected.add(MARGIN + (int) mixed.instanceSize() * PX_PER_BYTE);
        Set<Integer> ticked = new TreeSet<>();
        int y = LayoutPicture.stripTop() + BOX_HEIGHT + 2;
        for (int x = 0; x < picture.getWidth(); x++) {
            if (new Color(picture.getRGB(x, y)).getRed() < 128) {
                ticked.add(x);
            }
        }
        assertEquals(expected, ticked, "ticks under the boxes of " + mixed.rows());
    }

    @Test
    void bytesDrawnToScaleAreCountableByTheirTicks() {
        Layout pair = Layout.of(Pair.class);
        BufferedImage picture = pair.picture();
        Row field = pair.rows().stream().filter(r -> r.kind() == Kind.FIELD).findFirst().orElseThrow();
        int top = lineTop(field.offset());
        Color fill = LayoutPicture.colour(Kind.FIELD);
        // A 4-byte int: three light ticks inside its box, where its bytes meet, top and bottom.
        for (int b = 1; b < field.size(); b++) {
            int x = cellX(field.offset()) + b * PX_PER_BYTE;
            Color tick = new Color(picture.getRGB(x, top + 3));
            assertTrue(tick.getGreen() > fill.getGreen() && tick.getRed() > fill.getRed(), "tick at byte " + b + ": " + tick);
            assertTrue(new Color(picture.getRGB(x, top + BOX_HEIGHT - 3)).getRed() > fill.getRed());
            assertEquals(fill.getRGB(), picture.getRGB(x, top + 7), "a tick is short: below it is the fill");
        }
    }

    @Test
    void theImageHoldsTheStripTheTitleTheVmLineAndTheLegend() {
        Layout mixed = Layout.of(Mixed.class);
        BufferedImage picture = mixed.picture();
        int lines = (int) ((mixed.instanceSize() + BYTES_PER_LINE - 1) / BYTES_PER_LINE);
        assertEquals(LayoutPicture.stripTop() + lines * LINE_HEIGHT + BELOW_STRIP, picture.getHeight());

        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int vmWidth = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.PLAIN, 10))
                .stringWidth("VM: " + mixed.vm().describe());
        int titleWidth = g.getFontMetrics(new Font(Font.SANS_SERIF, Font.BOLD, 14)).stringWidth(mixed.title());
        g.dispose();
        int strip = (int) Math.min(mixed.instanceSize(), BYTES_PER_LINE) * PX_PER_BYTE;
        assertTrue(picture.getWidth() >= 2 * MARGIN + Math.max(strip, Math.max(vmWidth, titleWidth)),
                "width " + picture.getWidth() + " for a strip of " + strip + " px and a VM line of " + vmWidth);
        for (int y = 0; y < picture.getHeight(); y++) {
            assertEquals(Color.WHITE.getRGB(), picture.getRGB(picture.getWidth() - 1, y), "a white margin, y " + y);
        }
        assertTrue(darkPixels(picture, MARGIN, MARGIN + 16) > 20, "the title is written above the strip");
        assertTrue(darkPixels(picture, MARGIN + 20, MARGIN + 32) > 20, "so is the VM line");

        // The legend: a swatch of each kind, left to right in the order header, fields, gap, padding.
        int legendY = LayoutPicture.stripTop() + lines * LINE_HEIGHT + 4 + 6;
        List<Integer> swatches = new ArrayList<>();
        for (Kind kind : Kind.values()) {
            int rgb = LayoutPicture.colour(kind).getRGB();
            int x = 0;
            while (x < picture.getWidth() && picture.getRGB(x, legendY) != rgb) {
                x++;
            }
            assertTrue(x < picture.getWidth(), "no swatch of " + kind + " in the legend");
            swatches.add(x);
        }
        assertEquals(MARGIN + 1, swatches.get(0), "the header's swatch comes first, inside its border");
        List<Integer> sorted = new ArrayList<>(swatches);
        sorted.sort(null);
        assertEquals(sorted, swatches, "in the order of Kind: " + swatches);
    }

    private static int darkPixels(BufferedImage picture, int fromY, int toY) {
        int dark = 0;
        for (int y = fromY; y < toY; y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                if (new Color(picture.getRGB(x, y)).getRed() < 200) {
                    dark++;
                }
            }
        }
        return dark;
    }

    @Test
    void aHugeArrayIsDrawnSixtyFourBytesLongWithABreakMarkAndNoTicks() {
        Layout huge = Layout.ofInstance(new byte[1 << 20]);
        Layout small = Layout.ofInstance(new byte[LayoutPicture.MAX_DRAWN_BYTES]);
        BufferedImage hugePicture = huge.picture();
        BufferedImage smallPicture = small.picture();
        assertEquals(smallPicture.getHeight(), hugePicture.getHeight(), "a megabyte is drawn as 64 bytes");
        assertEveryByteHasItsRowsColour(small);
        if (!defaultHotSpotLayout()) {
            return;
        }
        // 16 header bytes, then 64 drawn bytes of elements: the whole of the second line is elements.
        assertEquals(LayoutPicture.stripTop() + 3 * LINE_HEIGHT + BELOW_STRIP, hugePicture.getHeight());
        int top = lineTop(BYTES_PER_LINE);
        int breakX = MARGIN + BYTES_PER_LINE * PX_PER_BYTE * 3 / 4 - 2;
        Color mark = new Color(hugePicture.getRGB(breakX, top + BOX_HEIGHT / 2));
        assertTrue(mark.getRed() > 240 && mark.getGreen() > 240 && mark.getBlue() > 240, "a white break mark: " + mark);
        assertEquals(LayoutPicture.colour(Kind.FIELD).getRGB(), smallPicture.getRGB(breakX, top + BOX_HEIGHT / 2),
                "64 bytes are drawn to scale, unbroken");

        int tickX = MARGIN + PX_PER_BYTE;
        assertEquals(LayoutPicture.colour(Kind.FIELD).getRGB(), hugePicture.getRGB(tickX, top + 3),
                "no byte ticks where bytes are not drawn to scale");
        assertNotEquals(LayoutPicture.colour(Kind.FIELD).getRGB(), smallPicture.getRGB(tickX, top + 3));
    }

    @Test
    void tableRowsAreThePicturesColoursLightenedHalfwayToWhite() {
        assertEquals("#cee2f3", LayoutPicture.cssColour(Kind.HEADER), "from #9ec5e8");
        assertEquals("#d3edcf", LayoutPicture.cssColour(Kind.FIELD), "from #a8dca0");
        assertEquals("#fae0c5", LayoutPicture.cssColour(Kind.GAP), "from #f6c28b");
        assertEquals("#ececec", LayoutPicture.cssColour(Kind.PADDING), "from #d9d9d9");
    }
}

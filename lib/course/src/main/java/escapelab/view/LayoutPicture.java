package escapelab.view;

import escapelab.evidence.Numbers;
import escapelab.view.Layout.Kind;
import escapelab.view.Layout.Row;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Draws a {@link Layout} as a strip of bytes with Java2D. */
final class LayoutPicture {

    static final int PX_PER_BYTE = 24;
    /** Lines wrap after this many bytes, so a 32-byte object is one 768-pixel line. */
    static final int BYTES_PER_LINE = 32;
    /** Runs longer than this (array elements) are drawn this long with a break mark, or a 1 MiB array would be a mile wide. */
    static final int MAX_DRAWN_BYTES = 64;

    static final int MARGIN = 16;
    private static final int BOX_HEIGHT = 40;
    private static final int OFFSET_HEIGHT = 14;
    private static final int LINE_GAP = 8;
    private static final int TITLE_HEIGHT = 20;
    private static final int VM_HEIGHT = 16;
    private static final int LEGEND_HEIGHT = 22;

    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    private static final Color INK = new Color(0x333333);
    private static final Color FAINT = new Color(0x888888);

    private static final Map<Kind, Color> COLOURS = new EnumMap<>(Map.of(
            Kind.HEADER, new Color(0x9EC5E8),
            Kind.FIELD, new Color(0xA8DCA0),
            Kind.GAP, new Color(0xF6C28B),
            Kind.PADDING, new Color(0xD9D9D9)));

    private LayoutPicture() {
    }

    /** A piece of a row on one line of the strip; a row that crosses a line end has two. */
    private record Piece(Rectangle box) {
    }

    /** Returns the fill colour of a kind's boxes. */
    static Color colour(Kind kind) {
        return COLOURS.get(kind);
    }

    /** Returns the y of the first line of boxes, below the title and the VM line. */
    static int stripTop() {
        return MARGIN + TITLE_HEIGHT + VM_HEIGHT + 6;
    }

    /** Returns the table-row colour for a kind: the picture's colour, lightened for text on top. */
    static String cssColour(Kind kind) {
        Color c = COLOURS.get(kind);
        return String.format(Locale.ROOT, "#%02x%02x%02x",
                (c.getRed() + 255) / 2, (c.getGreen() + 255) / 2, (c.getBlue() + 255) / 2);
    }

    static BufferedImage draw(Layout layout) {
        String title = layout.title();
        String vmLine = "VM: " + layout.vm().describe();
        String[] legend = {"header", layout.isArray() ? "elements" : "fields", "gap", "padding"};
        Kind[] legendKinds = {Kind.HEADER, Kind.FIELD, Kind.GAP, Kind.PADDING};

        long drawnBytes = 0;
        for (Row r : layout.rows()) {
            drawnBytes += drawn(r);
        }
        int lines = (int) Math.max(1, (drawnBytes + BYTES_PER_LINE - 1) / BYTES_PER_LINE);
        int stripWidth = (int) Math.min(drawnBytes, BYTES_PER_LINE) * PX_PER_BYTE;

        // Text widths decide the image width, so measure them on a scratch image first.
        Graphics2D scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        int titleWidth = scratch.getFontMetrics(TITLE).stringWidth(title);
        int vmWidth = scratch.getFontMetrics(SMALL).stringWidth(vmLine);
        int legendWidth = 0;
        for (String item : legend) {
            legendWidth += 14 + scratch.getFontMetrics(SMALL).stringWidth(item) + 16;
        }
        scratch.dispose();

        int width = 2 * MARGIN + Math.max(Math.max(stripWidth, titleWidth), Math.max(vmWidth, legendWidth));
        int stripTop = stripTop();
        int lineHeight = BOX_HEIGHT + OFFSET_HEIGHT + LINE_GAP;
        int height = stripTop + lines * lineHeight + LEGEND_HEIGHT + MARGIN;

        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);

            g.setColor(INK);
            g.setFont(TITLE);
            g.drawString(title, MARGIN, MARGIN + 14);
            g.setFont(SMALL);
            g.setColor(FAINT);
            g.drawString(vmLine, MARGIN, MARGIN + TITLE_HEIGHT + 10);

            long position = 0;
            Rectangle last = null;
            for (Row row : layout.rows()) {
                List<Piece> pieces = pieces(position, drawn(row), stripTop, lineHeight);
                drawRow(g, row, pieces);
                drawOffset(g, Long.toString(row.offset()), pieces.get(0).box().x, pieces.get(0).box(), width);
                last = pieces.get(pieces.size() - 1).box();
                position += drawn(row);
            }
            if (last != null) {
                drawOffset(g, Long.toString(layout.instanceSize()), last.x + last.width, last, width);
            }

            int x = MARGIN;
            int y = stripTop + lines * lineHeight + 4;
            g.setFont(SMALL);
            for (int i = 0; i < legend.length; i++) {
                g.setColor(COLOURS.get(legendKinds[i]));
                g.fillRect(x, y, 12, 12);
                g.setColor(INK);
                g.drawRect(x, y, 12, 12);
                g.drawString(legend[i], x + 16, y + 10);
                x += 14 + g.getFontMetrics().stringWidth(legend[i]) + 16;
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    private static long drawn(Row row) {
        return Math.min(row.size(), MAX_DRAWN_BYTES);
    }

    private static List<Piece> pieces(long position, long bytes, int stripTop, int lineHeight) {
        List<Piece> pieces = new ArrayList<>();
        long p = position;
        long remaining = bytes;
        do {
            int line = (int) (p / BYTES_PER_LINE);
            int column = (int) (p % BYTES_PER_LINE);
            long length = Math.min(remaining, BYTES_PER_LINE - column);
            pieces.add(new Piece(new Rectangle(MARGIN + column * PX_PER_BYTE, stripTop + line * lineHeight,
                    (int) length * PX_PER_BYTE, BOX_HEIGHT)));
            p += length;
            remaining -= length;
        } while (remaining > 0);
        return pieces;
    }

    private static void drawRow(Graphics2D g, Row row, List<Piece> pieces) {
        boolean elided = row.size() > MAX_DRAWN_BYTES;
        Piece widest = pieces.get(0);
        for (Piece piece : pieces) {
            Rectangle b = piece.box();
            g.setColor(COLOURS.get(row.kind()));
            g.fill(b);
            if (row.kind() == Kind.GAP || row.kind() == Kind.PADDING) {
                hatch(g, b);
            }
            if (!elided) {
                // Faint ticks between bytes make the strip countable.
                g.setColor(new Color(255, 255, 255, 140));
                for (int x = b.x + PX_PER_BYTE; x < b.x + b.width; x += PX_PER_BYTE) {
                    g.drawLine(x, b.y + 1, x, b.y + 5);
                    g.drawLine(x, b.y + b.height - 5, x, b.y + b.height - 1);
                }
            }
            g.setColor(INK);
            g.drawRect(b.x, b.y, b.width, b.height);
            if (b.width > widest.box().width) {
                widest = piece;
            }
        }
        Rectangle b = widest.box();
        if (elided) {
            breakMark(g, b);
        }
        String size = (elided ? Numbers.count(row.size()) : Long.toString(row.size())) + " B";
        g.setColor(INK);
        g.setFont(LABEL);
        String label = fit(label(row), g.getFontMetrics(), b.width - 4);
        if (label != null) {
            int w = g.getFontMetrics().stringWidth(label);
            g.drawString(label, b.x + (b.width - w) / 2, b.y + 17);
        }
        g.setFont(SMALL);
        g.setColor(FAINT);
        String fitted = fit(size, g.getFontMetrics(), b.width - 4);
        if (fitted != null && fitted.equals(size)) {
            int w = g.getFontMetrics().stringWidth(size);
            g.drawString(size, b.x + (b.width - w) / 2, b.y + 33);
        }
    }

    private static String label(Row row) {
        return switch (row.kind()) {
            case HEADER -> row.description().replace(" (compact header)", "");
            case FIELD -> row.description();
            case GAP -> "gap";
            case PADDING -> "padding";
        };
    }

    /** Centres an offset under the boundary it names, with a tick; kept inside the image. */
    private static void drawOffset(Graphics2D g, String text, int x, Rectangle box, int imageWidth) {
        g.setColor(INK);
        g.drawLine(x, box.y + box.height, x, box.y + box.height + 3);
        g.setFont(SMALL);
        g.setColor(FAINT);
        int w = g.getFontMetrics().stringWidth(text);
        int left = Math.max(1, Math.min(x - w / 2, imageWidth - w - 1));
        g.drawString(text, left, box.y + box.height + OFFSET_HEIGHT);
    }

    private static void hatch(Graphics2D g, Rectangle b) {
        Shape clip = g.getClip();
        g.clip(b);
        g.setColor(new Color(0, 0, 0, 40));
        for (int x = b.x - b.height; x < b.x + b.width; x += 8) {
            g.drawLine(x, b.y + b.height, x + b.height, b.y);
        }
        g.setClip(clip);
    }

    /** Two slanted white strokes through the box: "not drawn to scale". */
    private static void breakMark(Graphics2D g, Rectangle b) {
        int cx = b.x + b.width * 3 / 4;
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(4));
        g.drawLine(cx - 6, b.y + b.height, cx + 2, b.y);
        g.drawLine(cx + 2, b.y + b.height, cx + 10, b.y);
        g.setStroke(new BasicStroke(1));
    }

    /** The text, shortened with an ellipsis to fit {@code width}; null if not even one letter fits. */
    private static String fit(String text, FontMetrics metrics, int width) {
        if (metrics.stringWidth(text) <= width) {
            return text;
        }
        for (int n = text.length() - 1; n >= 1; n--) {
            String shorter = text.substring(0, n) + "…";
            if (metrics.stringWidth(shorter) <= width) {
                return shorter;
            }
        }
        return null;
    }
}

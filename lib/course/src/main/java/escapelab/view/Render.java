package escapelab.view;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.imageio.ImageIO;

/** Rendering helpers shared by the views: PNG encoding and aligned plain-text tables. */
final class Render {

    private Render() {
    }

    /** Encodes an image as PNG. */
    static byte[] png(BufferedImage image) {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            if (!ImageIO.write(image, "png", out)) {
                throw new IllegalStateException("this JVM has no PNG writer");
            }
            return out.toByteArray();
        } catch (IOException e) {
            // Writing to memory cannot fail for I/O reasons.
            throw new UncheckedIOException(e);
        }
    }

    /** Encodes an image as base64 PNG, as Jupyter's {@code image/png} and data URIs expect. */
    static String base64Png(BufferedImage image) {
        return Base64.getEncoder().encodeToString(png(image));
    }

    /**
     * Lays out rows of cells as aligned text columns separated by two spaces; columns whose
     * index is in {@code rightAligned} are right-aligned (numbers).
     */
    static String table(List<String> header, List<List<String>> rows, int... rightAligned) {
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        all.addAll(rows);
        int[] width = new int[header.size()];
        for (List<String> row : all) {
            for (int c = 0; c < row.size(); c++) {
                width[c] = Math.max(width[c], row.get(c).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = row.get(c);
                String pad = " ".repeat(width[c] - cell.length());
                line.append(isIn(c, rightAligned) ? pad + cell : cell + pad);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private static boolean isIn(int c, int[] columns) {
        for (int x : columns) {
            if (x == c) {
                return true;
            }
        }
        return false;
    }
}

package escapelab.kernel.display;

import escapelab.notebook.MimeBundle;
import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.internal.chartpart.Chart;
import tech.tablesaw.api.Table;

/**
 * Turns a value into the MIME bundle a front end shows: bundles as they are, images and XChart
 * charts as PNG, Tablesaw tables as HTML, anything else as its text.
 */
public final class Renderer {

    /** Tables longer than this show their first rows in HTML and count the rest. */
    static final int MAX_HTML_ROWS = 40;

    /**
     * Renders {@code value}. Bundles the kernel makes always hold {@code text/plain}; a
     * {@link MimeBundle} is taken as it is.
     *
     * @throws UncheckedIOException if an image cannot be encoded
     */
    public Map<String, String> render(Object value) {
        if (value instanceof MimeBundle bundle) {
            return bundle(bundle);
        }
        if (value instanceof RenderedImage image) {
            return image(image, image.getClass().getSimpleName() + " " + image.getWidth() + "x" + image.getHeight());
        }
        if (value instanceof Chart<?, ?> chart) {
            return image(BitmapEncoder.getBufferedImage(chart), chartText(chart));
        }
        if (value instanceof Table table) {
            Map<String, String> data = new LinkedHashMap<>();
            data.put("text/html", TableHtml.html(table, MAX_HTML_ROWS));
            data.put("text/plain", table.print());
            return data;
        }
        return Map.of("text/plain", String.valueOf(value));
    }

    /** A bundle's own map, as it is: the bundle knows best how it wants to be shown. */
    private static Map<String, String> bundle(MimeBundle bundle) {
        Map<String, String> own = bundle.mimeBundle();
        return own == null || own.isEmpty() ? Map.of("text/plain", "") : new LinkedHashMap<>(own);
    }

    private static Map<String, String> image(RenderedImage image, String text) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IOException("no PNG writer accepts this image");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the image as PNG", e);
        }
        Map<String, String> data = new LinkedHashMap<>();
        data.put("image/png", Base64.getEncoder().encodeToString(png.toByteArray()));
        data.put("text/plain", text);
        return data;
    }

    private static String chartText(Chart<?, ?> chart) {
        String title = chart.getTitle();
        String kind = chart.getClass().getSimpleName();
        return title == null || title.isBlank() ? kind : kind + " \"" + title + "\"";
    }
}

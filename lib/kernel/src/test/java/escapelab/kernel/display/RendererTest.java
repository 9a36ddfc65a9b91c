package escapelab.kernel.display;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.notebook.MimeBundle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class RendererTest {

    private static final byte[] PNG_MAGIC = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private final Renderer renderer = new Renderer();

    @BeforeAll
    static void headless() {
        System.setProperty("java.awt.headless", "true");
    }

    private static byte[] png(Map<String, String> bundle) {
        return Base64.getDecoder().decode(bundle.get("image/png"));
    }

    @Test
    void plainObjectsShowTheirText() {
        assertEquals(Map.of("text/plain", "[1, 2]"), renderer.render(List.of(1, 2)));
        assertEquals(Map.of("text/plain", "null"), renderer.render(null));
        assertEquals(Map.of("text/plain", "héllo"), renderer.render("héllo"));
    }

    @Test
    void mimeBundlesAreTakenAsTheyAre() {
        Map<String, String> own = new LinkedHashMap<>();
        own.put("text/html", "<b>x</b>");
        own.put("text/plain", "x");
        MimeBundle bundle = () -> own;
        Map<String, String> rendered = renderer.render(bundle);
        assertEquals(own, rendered);
        assertEquals(List.of("text/html", "text/plain"), List.copyOf(rendered.keySet()));
    }

    @Test
    void imagesBecomePngs() throws IOException {
        BufferedImage image = new BufferedImage(7, 3, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(2, 1, 0xffff0000);
        Map<String, String> bundle = renderer.render(image);
        byte[] png = png(bundle);
        assertArrayEquals(PNG_MAGIC, Arrays.copyOf(png, 8));
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(7, decoded.getWidth());
        assertEquals(0xffff0000, decoded.getRGB(2, 1));
        assertEquals("BufferedImage 7x3", bundle.get("text/plain"));
    }

    @Test
    void chartsBecomePngsOfTheirSize() throws IOException {
        XYChart chart = new XYChartBuilder().width(320).height(200).title("Allocation").build();
        chart.addSeries("bytes", new double[] {1, 2, 3}, new double[] {16, 32, 0});
        Map<String, String> bundle = renderer.render(chart);
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png(bundle)));
        assertEquals(320, decoded.getWidth());
        assertEquals(200, decoded.getHeight());
        assertEquals("XYChart \"Allocation\"", bundle.get("text/plain"));
    }

    @Test
    void tablesBecomeHtmlAndText() {
        Table table = Table.create("results",
                StringColumn.create("case", "escapes", "<scalar>"),
                DoubleColumn.create("ns", 12.5, 3.0));
        Map<String, String> bundle = renderer.render(table);
        String html = bundle.get("text/html");
        String compact = html.replaceAll(">\\s+<", "><");
        assertTrue(compact.startsWith("<table><caption>results (2 rows × 2 columns)</caption><thead>"), html);
        assertTrue(compact.contains("<tr><th>case</th><th>ns</th></tr>"), html);
        assertTrue(compact.contains("<tr><td>&lt;scalar&gt;</td><td>3</td></tr>"), html);
        assertFalse(html.contains("more rows"), html);
        assertEquals(table.print(), bundle.get("text/plain"));
    }

    @Test
    void longTablesShowTheirFirstRowsAndCountTheRest() {
        int[] values = new int[100];
        Arrays.setAll(values, i -> i);
        String html = TableHtml.html(Table.create("t", IntColumn.create("n", values)), 10);
        assertTrue(html.contains("<caption>t (100 rows × 1 columns)</caption>"), html);
        assertTrue(html.contains("<td>9</td>"), html);
        assertEquals(-1, html.indexOf("<td>10</td>"), html);
        assertEquals(10, html.split("<td>", -1).length - 1, html);
        assertTrue(html.endsWith("<p>… 90 more rows</p>"), html);
    }
}

package escapelab.evidence;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HtmlTablesTest {

    private static final Table TABLE = Table.create("t",
            StringColumn.create("why", "kept: <escapes>", "scalar-replaced"),
            DoubleColumn.create("B/op", 16.0, 0.0));

    @Test
    void numbersAreRightAlignedTextLeftAlignedAndEscaped() {
        String html = HtmlTables.html(TABLE).replaceAll("\\s*\\n\\s*", "");
        assertTrue(html.contains("<th style=\"text-align:left\">why</th><th style=\"text-align:right\">B/op</th>"), html);
        assertTrue(html.contains("<td style=\"text-align:left\">kept: &lt;escapes&gt;</td>"
                + "<td style=\"text-align:right\">16</td>"), html);
    }

    @Test
    void rowsTakeTheirStyle() {
        String html = HtmlTables.html(TABLE, row -> row == 1 ? "background:#eee" : null);
        assertEquals(1, html.split("<tr style=\"background:#eee\">", -1).length - 1, html);
        assertTrue(html.indexOf("scalar-replaced") > html.indexOf("<tr style=\"background:#eee\">"), html);
    }
}

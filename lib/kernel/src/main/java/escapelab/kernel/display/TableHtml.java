package escapelab.kernel.display;

import escapelab.notebook.MimeBundle;
import java.io.StringWriter;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

/**
 * A Tablesaw table as HTML, written by tablesaw-html: a caption with the table's name and shape,
 * and a long table cut to its first rows with a note of how many more it has, so that a
 * thousand-row table does not bury the notebook.
 */
final class TableHtml {

    private TableHtml() {
    }

    /** @param maxRows rows shown at most; the rest are only counted under the table */
    static String html(Table table, int maxRows) {
        int rows = table.rowCount();
        Table shown = rows <= maxRows ? table : table.first(maxRows);
        StringWriter html = new StringWriter();
        // tablesaw-html escapes cell text and column names itself (through jsoup).
        new HtmlWriter().write(shown, HtmlWriteOptions.builder(html).build());
        String captioned = html.toString().replaceFirst("<table>",
                "<table>\n <caption>" + MimeBundle.escapeHtml(caption(table)) + "</caption>");
        return rows <= maxRows ? captioned : captioned + "\n<p>… " + (rows - maxRows) + " more rows</p>";
    }

    private static String caption(Table table) {
        String shape = table.rowCount() + " rows × " + table.columnCount() + " columns";
        String name = table.name();
        return name == null || name.isBlank() ? shape : name + " (" + shape + ")";
    }
}

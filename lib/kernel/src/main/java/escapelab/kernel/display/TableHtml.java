package escapelab.kernel.display;

import escapelab.notebook.MimeBundle;
import tech.tablesaw.api.Table;

/** A Tablesaw table as an HTML table, keeping long tables short as Tablesaw's text form does. */
final class TableHtml {

    private TableHtml() {
    }

    /**
     * @param maxRows rows shown at most; a longer table shows its first and last
     *     {@code maxRows / 2} rows around a row of ellipses
     */
    static String html(Table table, int maxRows) {
        int rows = table.rowCount();
        int columns = table.columnCount();
        StringBuilder html = new StringBuilder("<table>\n");
        html.append("<caption>").append(MimeBundle.escapeHtml(caption(table))).append("</caption>\n");
        html.append("<thead><tr>");
        for (String name : table.columnNames()) {
            html.append("<th>").append(MimeBundle.escapeHtml(name)).append("</th>");
        }
        html.append("</tr></thead>\n<tbody>\n");
        int head = rows <= maxRows ? rows : maxRows / 2;
        for (int r = 0; r < head; r++) {
            row(html, table, r);
        }
        if (head < rows) {
            html.append("<tr>");
            for (int c = 0; c < columns; c++) {
                html.append("<td>…</td>");
            }
            html.append("</tr>\n");
            for (int r = rows - maxRows / 2; r < rows; r++) {
                row(html, table, r);
            }
        }
        return html.append("</tbody>\n</table>").toString();
    }

    private static String caption(Table table) {
        String shape = table.rowCount() + " rows × " + table.columnCount() + " columns";
        String name = table.name();
        return name == null || name.isBlank() ? shape : name + " (" + shape + ")";
    }

    private static void row(StringBuilder html, Table table, int row) {
        html.append("<tr>");
        for (int c = 0; c < table.columnCount(); c++) {
            html.append("<td>").append(MimeBundle.escapeHtml(table.getString(row, c))).append("</td>");
        }
        html.append("</tr>\n");
    }

}

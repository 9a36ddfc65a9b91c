package escapelab.bench;

import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

import java.io.StringWriter;

/** Results tables as HTML, written by Tablesaw's own HTML writer. */
public final class Tables {

    private Tables() {
    }

    public static String html(Table table) {
        StringWriter html = new StringWriter();
        new HtmlWriter().write(table, HtmlWriteOptions.builder(html).build());
        return html.toString();
    }
}

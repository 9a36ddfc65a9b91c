package escapelab.bench;

import org.jsoup.nodes.Element;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

import java.io.StringWriter;
import java.util.Set;

/** Results tables as HTML, written by Tablesaw's own HTML writer. */
public final class Tables {

    private Tables() {
    }

    public static String html(Table table) {
        return html(table, new String[0]);
    }

    /**
     * The table as HTML with these columns of prose aligned left: notebooks align every cell
     * right, which suits numbers and makes sentences hard to read.
     */
    public static String html(Table table, String... leftAligned) {
        Set<String> left = Set.of(leftAligned);
        StringWriter html = new StringWriter();
        new HtmlWriter().write(table, HtmlWriteOptions.builder(html).elementCreator((name, column, row) -> {
            Element element = new Element(name);
            if (column != null && left.contains(column.name())) {
                element.attr("style", "text-align: left");
            }
            return element;
        }).build());
        return html.toString();
    }
}

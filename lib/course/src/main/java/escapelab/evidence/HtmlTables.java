package escapelab.evidence;

import org.jsoup.nodes.Element;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.io.html.HtmlWriteOptions;
import tech.tablesaw.io.html.HtmlWriter;

import java.io.StringWriter;
import java.util.function.IntFunction;

/**
 * The one way a course view turns a Tablesaw table into HTML: Tablesaw's own writer (which
 * escapes the text), numbers right-aligned and text left-aligned. Notebook front ends
 * right-align every cell by default, which makes prose hard to read.
 */
public final class HtmlTables {

    private HtmlTables() {
    }

    /** Returns the table as an HTML {@code <table>}. */
    public static String html(Table table) {
        return html(table, row -> null);
    }

    /**
     * Returns the table as an HTML {@code <table>}, each body row with the CSS that
     * {@code rowStyle} gives for its index (null for none), such as a background colour.
     */
    public static String html(Table table, IntFunction<String> rowStyle) {
        StringWriter html = new StringWriter();
        new HtmlWriter().write(table, HtmlWriteOptions.builder(html)
                .elementCreator((name, column, row) -> element(name, column, row, rowStyle)).build());
        return html.toString();
    }

    private static Element element(String name, Column<?> column, Integer row, IntFunction<String> rowStyle) {
        Element element = new Element(name);
        if (column != null && (name.equals("td") || name.equals("th"))) {
            element.attr("style", column instanceof NumericColumn ? "text-align:right" : "text-align:left");
        } else if (row != null && name.equals("tr")) {
            String style = rowStyle.apply(row);
            if (style != null) {
                element.attr("style", style);
            }
        }
        return element;
    }
}

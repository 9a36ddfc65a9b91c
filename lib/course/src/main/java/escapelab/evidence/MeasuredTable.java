package escapelab.evidence;

import escapelab.notebook.MimeBundle;
import tech.tablesaw.api.Table;

import java.util.Map;

/**
 * A measurement that is shown as one table under one sentence: in the notebook as HTML (and
 * text), in the README as the sentence and the printed table, under "Other measurements".
 * An implementation gives its name, the sentence and the table; a kind that says something
 * else in the README (such as the name of a data file) overrides {@link #markdown()}.
 */
public interface MeasuredTable extends MimeBundle, Evidence {

    /** Returns the measurement as a table. */
    Table table();

    /** Returns the sentence that says what the table holds, without a final full stop. */
    String caption();

    @Override
    default Map<String, String> mimeBundle() {
        return MimeBundle.htmlAndText("<p>" + MimeBundle.escapeHtml(caption()) + "</p>" + HtmlTables.html(table()),
                caption() + "\n" + table().printAll());
    }

    @Override
    default Section section() {
        return Section.MEASUREMENTS;
    }

    @Override
    default String markdown() {
        return "### " + name() + "\n\n" + caption() + ".\n\n```\n" + table().printAll().strip() + "\n```\n";
    }

    @Override
    default boolean isMeasurement() {
        return true;
    }
}

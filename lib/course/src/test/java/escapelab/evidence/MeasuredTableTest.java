package escapelab.evidence;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MeasuredTableTest {

    record Rounds(String name, String caption) implements MeasuredTable {
        @Override
        public Table table() {
            return Table.create(name).addColumns(IntColumn.create("round", 1, 2), IntColumn.create("B", 480, 496));
        }
    }

    private final Rounds rounds = new Rounds("bytes per request", "3 rounds <of> requests");

    @Test
    void showsTheCaptionEscapedAboveTheTable() {
        String html = rounds.mimeBundle().get("text/html");
        assertTrue(html.startsWith("<p>3 rounds &lt;of&gt; requests</p><table"), html);
        assertTrue(html.contains("496"), html);
        String text = rounds.mimeBundle().get("text/plain");
        assertTrue(text.startsWith("3 rounds <of> requests\n") && text.contains("496"), text);
    }

    @Test
    void goesToOtherMeasurementsWithItsCaptionAndTable() {
        assertEquals(Evidence.Section.MEASUREMENTS, rounds.section());
        assertTrue(rounds.isMeasurement());
        String markdown = rounds.markdown();
        assertTrue(markdown.startsWith("### bytes per request\n\n3 rounds <of> requests.\n\n```\n"), markdown);
        assertTrue(markdown.contains("480") && markdown.endsWith("```\n"), markdown);
    }
}

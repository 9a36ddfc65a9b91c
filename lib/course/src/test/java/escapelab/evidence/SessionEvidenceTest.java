package escapelab.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SessionEvidenceTest {

    /** Two kinds of evidence, one a measurement. */
    record Note(String name, String text) implements Evidence {
        @Override
        public Section section() {
            return Section.CODE;
        }

        @Override
        public String markdown() {
            return text;
        }
    }

    record Measured(String name, double value) implements Evidence {
        @Override
        public Section section() {
            return Section.MEASUREMENTS;
        }

        @Override
        public String markdown() {
            return name + " " + value;
        }

        @Override
        public boolean isMeasurement() {
            return true;
        }
    }

    @Test
    void aRerunReplacesTheResultOfTheSameKindAndNameInItsPlace() {
        SessionEvidence session = new SessionEvidence();
        Note first = session.record(new Note("a", "first"));
        session.record(new Measured("a", 1));
        session.record(new Note("b", "other"));
        Note again = session.record(new Note("a", "second"));

        assertSame(again, session.all().get(0));
        assertEquals(List.of(new Note("a", "second"), new Measured("a", 1), new Note("b", "other")), session.all());
        assertEquals("first", first.text());
    }

    @Test
    void onlyMeasurementsMoveTheLastMeasuredTime() {
        SessionEvidence session = new SessionEvidence();
        session.record(new Note("a", "text"));
        assertNull(session.lastMeasured());
        session.record(new Measured("m", 2));
        assertNotNull(session.lastMeasured());
    }

    @Test
    void fileNamesKeepLettersDigitsAndDashes() {
        assertEquals("heap-over-iterations", Evidence.fileName(" heap over iterations "));
        assertEquals("FirstEscape-jdk21", Evidence.fileName("FirstEscape/jdk21"));
        assertEquals("unnamed", Evidence.fileName("///"));
        assertEquals(Map.of(), new Note("n", "t").files());
    }
}

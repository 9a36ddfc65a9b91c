package escapelab.evidence;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

class SessionEvidenceTest {

    /** Evidence of one kind: a note, with a name and whether it is a measurement. */
    record Note(String name, boolean isMeasurement) implements Evidence {
        @Override
        public Section section() {
            return Section.CODE;
        }

        @Override
        public String markdown() {
            return name;
        }
    }

    /** Evidence of another kind. */
    record Other(String name) implements Evidence {
        @Override
        public Section section() {
            return Section.MEASUREMENTS;
        }

        @Override
        public String markdown() {
            return name;
        }
    }

    @Test
    void aRerunReplacesTheResultOfTheSameKindAndNameInItsPlace() {
        SessionEvidence session = new SessionEvidence();
        session.record(new Note("a", false));
        session.record(new Other("a"));
        session.record(new Note("b", false));
        Note again = session.record(new Note("a", true));

        assertSame(again, session.all().get(0));
        assertEquals(List.of(new Note("a", true), new Other("a"), new Note("b", false)), session.all());
    }

    @Test
    void onlyMeasurementsMoveTheLastMeasuredTime() {
        SessionEvidence session = new SessionEvidence();
        session.record(new Note("a", false));
        assertNull(session.lastMeasured());
        session.record(new Note("m", true));
        assertNotNull(session.lastMeasured());
    }

    @Test
    void fileNamesKeepLettersDigitsAndDashes() {
        assertEquals("heap-over-iterations", Evidence.fileName(" heap over iterations "));
        assertEquals("FirstEscape-jdk21", Evidence.fileName("FirstEscape/jdk21"));
        assertEquals("unnamed", Evidence.fileName("///"));
        assertEquals(Map.of(), new Other("n").files());
    }
}

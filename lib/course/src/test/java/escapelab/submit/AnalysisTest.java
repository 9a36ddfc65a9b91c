package escapelab.submit;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AnalysisTest {

    @Test
    void theReferenceAnswerIsNotTheLearnersWords() {
        Analysis analysis = Analysis.of(List.of("**Reference answer.** C2 scalar-replaces it.\nSecond line."));
        assertTrue(analysis.hasReferenceAnswer());
        assertEquals(List.of(), analysis.ownLines());
    }

    @Test
    void linesAboveTheReferenceAnswerAreTheLearners() {
        Analysis analysis = Analysis.of(List.of("The Point never leaves valueReturn.\n\nSo C2 removes it.\n\n"
                + "**Reference answer.** C2 scalar-replaces it."));
        assertEquals(List.of("The Point never leaves valueReturn.", "So C2 removes it."), analysis.ownLines());
    }

    @Test
    void promptsInItalicsAndHeadingsDoNotCount() {
        Analysis analysis = Analysis.of(List.of("## Analysis\n_Write your analysis here._\n", "Only this line."));
        assertFalse(analysis.hasReferenceAnswer());
        assertEquals(List.of("Only this line."), analysis.ownLines());
    }
}

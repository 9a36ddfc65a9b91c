package escapelab.submit;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

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

    private static final String REFERENCE = "In `valueReturn` the Point never leaves the method. "
            + "C2 scalar-replaces it!\nSo nothing is allocated.";

    private static Set<String> digestsOf(String reference) {
        return Analysis.sentences(reference).stream().map(Analysis::digest).collect(Collectors.toSet());
    }

    @Test
    void sentencesAreNormalizedAndSplitAtTheirEnds() {
        assertEquals(List.of("in valuereturn the point never leaves the method.", "c2 scalar-replaces it!",
                "so nothing is allocated."), Analysis.sentences(REFERENCE));
    }

    @Test
    void theReferenceAnswerPastedIntoALearnerCopyIsNotTheLearnersWords() {
        // Pasted with other line breaks and without the code marks: still the reference's sentences.
        String pasted = "In valueReturn the Point never leaves\nthe method.  C2 scalar-replaces it!\n"
                + "So nothing is allocated.";
        Analysis analysis = Analysis.of(List.of(pasted), digestsOf(REFERENCE));
        assertTrue(analysis.copiedReference());
        assertEquals(List.of(), analysis.ownLines());
    }

    @Test
    void aSentenceOfTheLearnersOwnMakesTheTextTheirs() {
        String text = "C2 scalar-replaces it!\nI measured 0 B/op with escape analysis on and 16 with it off.";
        Analysis analysis = Analysis.of(List.of(text), digestsOf(REFERENCE));
        assertFalse(analysis.copiedReference());
        assertEquals(2, analysis.ownLines().size());
    }

    @Test
    void anUntouchedPromptIsNoTextAtAll() {
        Analysis analysis = Analysis.of(List.of("_Write your answer here._"), digestsOf(REFERENCE));
        assertFalse(analysis.copiedReference());
        assertEquals(List.of(), analysis.ownLines());
    }
}

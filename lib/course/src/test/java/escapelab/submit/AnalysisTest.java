package escapelab.submit;

import escapelab.check.Check;
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

    @Test
    void onlyAReferenceAnswerLeavesTheCheckOpen() {
        Check check = Analysis.of(List.of("_Write your analysis here._\n\n**Reference answer.** C2 scalar-replaces it."))
                .check();
        assertEquals(Check.Verdict.OPEN, check.verdict());
        assertFalse(check.passed());
        assertFalse(check.failed());
        assertTrue(check.expectation().startsWith("only the reference answer is there: write yours above it"),
                check.expectation());
        assertTrue(check.toString().startsWith("[OPEN] you explain it in your own words"), check::toString);
    }

    @Test
    void theReferenceAnswersSentencesPastedBackFailTheCheck() {
        Analysis pasted = Analysis.of(List.of("C2 scalar-replaces it!\nSo nothing is allocated."), digestsOf(REFERENCE));
        assertTrue(pasted.copiedReference());
        Check check = pasted.check();
        assertTrue(check.failed());
        assertTrue(check.expectation().contains("holds the reference answer's sentences"), check.expectation());
    }

    @Test
    void oneSentenceOfYourOwnIsNotEnoughAndTwoAre() {
        Check one = Analysis.of(List.of("The Point never leaves valueReturn.")).check();
        assertTrue(one.failed(), one::toString);
        assertEquals(1, one.measured());
        assertEquals("sentences of your own", one.unit());
        assertEquals("≥ 2 sentences of your own", one.expectation());

        Check two = Analysis.of(List.of("The Point never leaves valueReturn.", "So C2 removes it.")).check();
        assertTrue(two.passed(), two::toString);
        assertEquals(2, two.measured());

        Check aboveTheReference = Analysis.of(List.of("The Point never leaves valueReturn.\nSo C2 removes it.\n"
                + "**Reference answer.** C2 scalar-replaces it.")).check();
        assertTrue(aboveTheReference.passed(), "your lines count beside a reference answer: " + aboveTheReference);
    }

    @Test
    void nothingWrittenAndNoReferenceAnswerFails() {
        Check check = Analysis.of(List.of("_Write your analysis here._")).check();
        assertTrue(check.failed(), check::toString);
        assertEquals(0, check.measured());
    }

    @Test
    void fourSentencesTypedAsOneParagraphMeetTheCheck() {
        // One source line, as a learner types in a soft-wrapping notebook.
        String paragraph = "The Point never leaves valueReturn, so C2 proves it does not escape. It replaces the fields "
                + "by locals, e.g. x and y stay in registers. With -XX:-DoEscapeAnalysis it allocated 16 B/op! "
                + "Does the DONT_INLINE helper hide the object from C2?";
        Analysis analysis = Analysis.of(List.of(paragraph));
        assertEquals(1, analysis.ownLines().size());
        assertEquals(4, analysis.ownSentences().size(), analysis.ownSentences()::toString);
        Check check = analysis.check();
        assertTrue(check.passed(), check::toString);
        assertEquals("[PASS] you explain it in your own words (the analysis cell, as saved): measured 4 sentences of "
                + "your own, expected ≥ 2 sentences of your own", check.toString());
    }

    @Test
    void oneSentenceWrappedOverLinesIsOneSentence() {
        Check check = Analysis.of(List.of("The Point never leaves valueReturn\nso C2 removes it\nand nothing is allocated."))
                .check();
        assertTrue(check.failed(), check::toString);
        assertEquals(1.0, check.measured());
    }

    @Test
    void listItemsAreSentencesAndFragmentsAreNot() {
        Analysis listed = Analysis.of(List.of("- the Point stays in registers\n- the helper is not inlined\n\nYes. OK."));
        assertEquals(List.of("- the Point stays in registers", "- the helper is not inlined"), listed.ownSentences());
    }
}

package escapelab.check;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpenCheckTest {

    private final Check open = Check.open("you explain it in your own words", "only the reference answer is there");

    @Test
    void anOpenCheckIsNeitherMetNorFailed() {
        assertFalse(open.passed());
        assertFalse(open.failed());
        assertEquals("[OPEN] you explain it in your own words: only the reference answer is there", open.toString());
    }

    @Test
    void aChecklistCountsItAsOpenNotAsFailed() {
        Checklist list = Checklist.of("Task 1", Check.of("a", true, "seen"), open);
        assertTrue(list.failed().isEmpty());
        assertFalse(list.allPassed());
        assertTrue(list.toString().startsWith("Task 1: 1 of 2 criteria met, 1 open\n"), list.toString());
        assertTrue(list.markdown().contains("- [ ] you explain it in your own words — only the reference answer is"
                + " there — **OPEN**"), list.markdown());
        assertTrue(list.mimeBundle().get("text/html").contains("title=\"open\">○</span>"));
    }
}

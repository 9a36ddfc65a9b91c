package escapelab.view;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class NoteTest {

    @Test
    void readsNumbersBackRoundedAsMarkdown() {
        Note note = Note.of("`pointerReturn` allocates %s B/op, %d bytes a Point.", 24.000012, 24);
        assertEquals("`pointerReturn` allocates 24 B/op, 24 bytes a Point.", note.markdown());
        assertEquals(note.markdown(), note.mimeBundle().get("text/markdown"));
        assertEquals(note.markdown(), note.mimeBundle().get("text/plain"));
    }

    @Test
    void aFormatThatDoesNotFitItsArgumentsIsAMistake() {
        assertThrows(Mistake.class, () -> Note.of("%d bytes", "twenty"));
        assertThrows(Mistake.class, () -> Note.of(" "));
    }
}

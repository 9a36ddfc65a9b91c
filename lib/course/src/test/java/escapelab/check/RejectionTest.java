package escapelab.check;

import escapelab.notebook.Mistake;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RejectionTest {

    @Test
    void passesAnExceptionWhoseMessageNamesTheField() {
        Check check = Rejection.of("wrong magic", "magic", () -> {
            throw new IllegalArgumentException("magic: expected 0x454C4142, found 0x00000000");
        });

        assertEquals("[PASS] wrong magic: IllegalArgumentException: magic: expected 0x454C4142, found 0x00000000",
                check.toString());
    }

    @Test
    void failsAnOutOfBoundsReadWhateverItsMessage() {
        Check check = Rejection.of("short input", "length", () -> {
            throw new ArrayIndexOutOfBoundsException("Index 8 out of bounds for length 8");
        });

        assertEquals("[FAIL] short input: an out-of-bounds read, not a rejection: "
                + "java.lang.ArrayIndexOutOfBoundsException: Index 8 out of bounds for length 8", check.toString());
    }

    @Test
    void failsAMessageThatNamesAnotherFieldOrNoExceptionAtAll() {
        Check other = Rejection.of("impossible length", "length", () -> {
            throw new IllegalArgumentException("lengthy input");
        });
        Check none = Rejection.of("impossible length", "length", () -> { });

        assertEquals("[FAIL] impossible length: IllegalArgumentException: lengthy input "
                + "(the message does not name 'length')", other.toString());
        assertEquals("[FAIL] impossible length: accepted: no exception", none.toString());
    }

    @Test
    void refusesABlankField() {
        assertThrows(Mistake.class, () -> Rejection.of("x", " ", () -> { }));
    }
}

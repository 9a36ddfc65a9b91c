package escapelab.notebook;

/**
 * A learner's mistake in how a cell calls a library (a class that is not a benchmark, a null
 * profile, an unsaved notebook): the message says what is wrong and what to do. A kernel shows
 * the message and the cell line the call came from, never the library's stack frames, which
 * would only bury the message.
 */
public class Mistake extends IllegalArgumentException {

    /** @param message what is wrong and what to do, in the learner's terms */
    public Mistake(String message) {
        super(message);
    }

    /** @param cause what the library saw go wrong, kept for who debugs the library */
    public Mistake(String message, Throwable cause) {
        super(message, cause);
    }
}

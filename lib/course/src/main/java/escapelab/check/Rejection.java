package escapelab.check;

import escapelab.notebook.Mistake;

import java.util.regex.Pattern;

/**
 * The check that a parser rejects one malformed input clearly: it throws, the exception is not
 * an out-of-bounds read ({@link IndexOutOfBoundsException}, which says the parser read before
 * checking), and its message names the field that is wrong.
 */
public final class Rejection {

    private Rejection() {
    }

    /**
     * Runs {@code call} once and checks how it fails.
     *
     * @param criterion what must hold, e.g. "a wrong magic is rejected by name"
     * @param field the field the message must name as a word, e.g. {@code magic}
     * @param call the parser on the malformed input
     * @throws Mistake if the field is blank or the call is null
     */
    public static Check of(String criterion, String field, Runnable call) {
        if (field == null || field.isBlank() || call == null) {
            throw new Mistake("name the field and give the call, e.g. rejects(\"…\", \"magic\", () -> parse(bad, h))");
        }
        try {
            call.run();
        } catch (IndexOutOfBoundsException e) {
            return Check.of(criterion, false, "an out-of-bounds read, not a rejection: " + e);
        } catch (RuntimeException e) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            boolean named = Pattern.compile("\\b" + Pattern.quote(field) + "\\b").matcher(message).find();
            return Check.of(criterion, named, e.getClass().getSimpleName() + ": " + message
                    + (named ? "" : " (the message does not name '" + field + "')"));
        }
        return Check.of(criterion, false, "accepted: no exception");
    }
}

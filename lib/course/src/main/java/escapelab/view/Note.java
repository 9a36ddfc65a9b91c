package escapelab.view;

import escapelab.evidence.Numbers;
import escapelab.notebook.MimeBundle;
import escapelab.notebook.Mistake;

import java.util.IllegalFormatException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sentence that reads measured numbers back, shown as Markdown: the prose after a run, built
 * from the run, so that it stays true whatever this JVM measured. Numbers given as
 * {@code double} are rounded as everywhere else in the course.
 *
 * @param markdown the sentence, formatted
 */
public record Note(String markdown) implements MimeBundle {

    /**
     * Formats a sentence as {@link String#format} does; {@code double} arguments are rounded
     * for people first ({@code %s} of {@code 0.9999} reads {@code 1}).
     *
     * @throws Mistake if the format and the arguments do not match
     */
    public static Note of(String format, Object... args) {
        if (format == null || format.isBlank()) {
            throw new Mistake("write the sentence, e.g. note(\"valueReturn %s.\", run.allocation(\"valueReturn\"))");
        }
        Object[] shown = args == null ? new Object[0] : args.clone();
        for (int i = 0; i < shown.length; i++) {
            if (shown[i] instanceof Double d) {
                shown[i] = Numbers.format(d);
            }
        }
        try {
            return new Note(String.format(Locale.ROOT, format, shown));
        } catch (IllegalFormatException e) {
            throw new Mistake("the note's format does not fit its arguments: " + e.getMessage()
                    + " (use %s for numbers and allocations)", e);
        }
    }

    @Override
    public Map<String, String> mimeBundle() {
        Map<String, String> bundle = new LinkedHashMap<>();
        bundle.put("text/markdown", markdown);
        bundle.put("text/plain", markdown);
        return bundle;
    }

    @Override
    public String toString() {
        return markdown;
    }
}

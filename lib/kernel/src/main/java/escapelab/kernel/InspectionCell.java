package escapelab.kernel;

import escapelab.kernel.errors.ErrorReport;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cell that asks about a name, as in IPython: {@code Math.max?} or {@code ?Math.max}. Java has
 * no such syntax, so no cell of code is taken for one.
 */
final class InspectionCell {

    private static final String NAME = "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*";
    private static final Pattern QUESTION = Pattern.compile(
            "\\s*(?:\\?\\s*(" + NAME + "(?:\\." + NAME + ")*)|(" + NAME + "(?:\\." + NAME + ")*)\\s*\\?)\\s*");

    private InspectionCell() {
    }

    /** The name the cell asks about, if it is such a question. */
    static Optional<String> name(String cell) {
        Matcher matcher = QUESTION.matcher(cell);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    static ErrorReport notFound(String name) {
        String message = "Nothing is known about " + name + ": not a type, member or declaration of this notebook.";
        return new ErrorReport("NameNotFound", message, List.of(message));
    }
}

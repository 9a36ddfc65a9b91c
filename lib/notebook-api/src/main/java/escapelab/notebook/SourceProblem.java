package escapelab.notebook;

import java.util.ArrayList;
import java.util.List;

/**
 * A compile error placed in the source a learner wrote: a cell, or a file a cell loaded. The one
 * way this project shows where an error is, with the source line and a caret under the column,
 * used by the kernel for JShell's errors and by libraries that compile a cell themselves.
 *
 * @param sourceName what the line numbers count in, such as {@code cell}
 * @param line 1-based line, or 0 if unknown
 * @param column 1-based column, or 0 if unknown
 * @param message the compiler's message, possibly several lines
 * @param sourceLine the text of the line, or {@code null} if unknown
 */
public record SourceProblem(String sourceName, int line, int column, String message, String sourceLine) {

    private static final String INDENT = "    ";

    /** Checks the parts; a null message becomes empty. */
    public SourceProblem {
        sourceName = sourceName == null || sourceName.isBlank() ? "cell" : sourceName;
        message = message == null ? "" : message;
    }

    /** A problem in a cell. */
    public static SourceProblem inCell(int line, int column, String message, String sourceLine) {
        return new SourceProblem("cell", line, column, message, sourceLine);
    }

    /** "cell line 7, column 18", or only the source's name when the line is unknown. */
    public String location() {
        if (line <= 0) {
            return sourceName;
        }
        String where = sourceName + " line " + line;
        return column > 0 ? where + ", column " + column : where;
    }

    /**
     * The lines a learner reads: the location and the message, then the source line with a
     * caret under the column.
     */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        List<String> messageLines = List.of(message.split("\\R", -1));
        lines.add(location() + ": " + messageLines.get(0));
        lines.addAll(messageLines.subList(1, messageLines.size()));
        if (sourceLine != null && line > 0) {
            lines.add(INDENT + sourceLine);
            if (column > 0) {
                lines.add(INDENT + caretUnder(sourceLine, column));
            }
        }
        return lines;
    }

    /** {@link #lines()} joined by newlines. */
    @Override
    public String toString() {
        return String.join("\n", lines());
    }

    /** A caret at {@code column} (1-based), keeping the line's tabs so it lines up in any tab width. */
    public static String caretUnder(String sourceLine, int column) {
        StringBuilder caret = new StringBuilder();
        for (int i = 0; i < column - 1; i++) {
            caret.append(i < sourceLine.length() && sourceLine.charAt(i) == '\t' ? '\t' : ' ');
        }
        return caret.append('^').toString();
    }
}

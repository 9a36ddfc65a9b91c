package escapelab.bench;

/**
 * One compile error, placed in the learner's cell.
 *
 * @param line the line in the cell, 1-based (0 when javac names no line)
 * @param column the column in that line, 1-based (0 when unknown)
 * @param message javac's message
 * @param sourceLine the text of that line, empty when unknown
 */
public record CellDiagnostic(long line, long column, String message, String sourceLine) {

    /** "cell line 7, column 18: message", then the source line with a caret under the column. */
    @Override
    public String toString() {
        if (line <= 0) {
            return message;
        }
        StringBuilder text = new StringBuilder("cell line ").append(line);
        if (column > 0) {
            text.append(", column ").append(column);
        }
        text.append(": ").append(message);
        if (!sourceLine.isEmpty()) {
            text.append('\n').append("    ").append(sourceLine);
            if (column > 0) {
                text.append('\n').append("    ").append(" ".repeat((int) column - 1)).append('^');
            }
        }
        return text.toString();
    }
}

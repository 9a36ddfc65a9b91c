package escapelab.notebook;

/**
 * The cell a cell magic runs on.
 *
 * @param args the text after {@code %%name} on the first line
 * @param body the rest of the cell
 * @param bodyLine the line number in the cell (1-based) where {@code body} starts, so that
 *     errors can point at the learner's line
 */
public record Cell(String args, String body, int bodyLine) {
}

package escapelab.kernel.shell;

/**
 * The value a cell produced, which may itself be {@code null}: a cell that ends in an expression
 * has one, a cell that ends in a statement or declaration has none.
 */
public record CellValue(Object value) {
}

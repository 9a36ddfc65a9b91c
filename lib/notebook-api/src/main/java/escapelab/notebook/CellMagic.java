package escapelab.notebook;

/** A cell magic ({@code %%name} on a cell's first line) provided by a library. */
@FunctionalInterface
public interface CellMagic {

    /**
     * Runs the magic on a cell.
     *
     * @return the cell's result, shown like a returned value, or {@code null} for none
     * @throws Exception shown to the learner as the cell's error
     */
    Object run(Cell cell) throws Exception;
}

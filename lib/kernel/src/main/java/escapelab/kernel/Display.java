package escapelab.kernel;

import escapelab.notebook.Notebook;

/**
 * What cells call by simple name, as in IJava: the kernel imports these statically into every
 * session ({@code import static escapelab.kernel.Display.*;}).
 */
public final class Display {

    private Display() {
    }

    /**
     * Shows {@code value} as a new output of the running cell.
     *
     * @return the id that {@link #updateDisplay(String, Object)} takes to replace the output
     */
    public static String display(Object value) {
        return Notebook.host().display(value);
    }

    /** Replaces the output shown under {@code id} with {@code value}. */
    public static void updateDisplay(String id, Object value) {
        Notebook.host().updateDisplay(id, value);
    }
}

package escapelab.kernel.display;

import escapelab.notebook.Notebook;

/**
 * What cells call by simple name, as in IJava: the kernel imports these statically into every
 * session ({@code import static escapelab.kernel.display.Display.*;}).
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

    /**
     * Clears the running cell's output. With {@code wait}, the front end clears it only when the
     * next output arrives, which keeps an animation from flickering.
     */
    public static void clearOutput(boolean wait) {
        if (Notebook.host() instanceof KernelHost kernel) {
            kernel.clearOutput(wait);
        }
    }

    /** Clears the running cell's output at once. */
    public static void clearOutput() {
        clearOutput(false);
    }
}

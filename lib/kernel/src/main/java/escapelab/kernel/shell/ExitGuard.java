package escapelab.kernel.shell;

/**
 * What the classes of cells call instead of {@code System.exit}, {@code Runtime.exit} and
 * {@code Runtime.halt} ({@link ExitCallRewriter} redirects the calls): ending the JVM would end
 * the kernel and every variable of the notebook, so the cell fails instead. Public because cell
 * classes, in another class loader, call it.
 */
public final class ExitGuard {

    private ExitGuard() {
    }

    /** Instead of {@link System#exit(int)}. */
    public static void exit(int status) {
        throw new CellExitException("System.exit(" + status + ")");
    }

    /** Instead of {@link Runtime#exit(int)}. */
    public static void exit(Runtime runtime, int status) {
        throw new CellExitException("Runtime.exit(" + status + ")");
    }

    /** Instead of {@link Runtime#halt(int)}. */
    public static void halt(Runtime runtime, int status) {
        throw new CellExitException("Runtime.halt(" + status + ")");
    }

    /** Thrown where a cell would have ended the JVM. */
    public static final class CellExitException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CellExitException(String call) {
            super(call + " would end the kernel and lose every variable of this notebook, so the cell stops here"
                    + " instead. To start afresh, restart the kernel.");
        }
    }
}

package escapelab.kernel.shell;

/** Lets code in a test's cell call back into the session, as a library would through Host. */
public final class JShellSessionTestHook {

    static volatile JShellSession session;

    private JShellSessionTestHook() {
    }

    /** Declares source from inside a running cell; returns a marker for the cell's value. */
    public static String declare(String source) {
        session.declare(source);
        return "nested";
    }

    /** Tries a warm-up evaluation from inside a running cell, which holds the session. */
    public static boolean warmUp() {
        return session.evalAndForgetIfIdle("1 + 1");
    }
}

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

    /** A library call a learner got wrong: it throws a {@link escapelab.notebook.Mistake} a few frames down. */
    public static void misuse(String what) {
        checkArgument(what);
    }

    private static void checkArgument(String what) {
        throw new escapelab.notebook.Mistake(what + " is not a benchmark class: pass one with @Benchmark methods.",
                new IllegalStateException("the library's own detail"));
    }
}

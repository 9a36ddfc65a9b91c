package escapelab.kernel.shell;

/**
 * Evaluates small expressions in the session while the kernel is idle, after the start-up
 * scripts. javac runs interpreted at first and the JIT compiles it only after many cells:
 * each of the first hundred cells takes twice as long as later ones. A learner reading the
 * notebook's prose leaves the kernel idle long enough to do that work in advance.
 *
 * <p>It yields to real work: an expression is evaluated only when the session has not been
 * used for {@link #QUIET_MILLIS} and nobody waits for it, so a cell waits for at most one such
 * evaluation. It stops for good after {@link #EVALS} evaluations, when more no longer make
 * cells faster.
 */
public final class SessionWarmUp {

    /** How many evaluations; see LATENCY.md for how cells sped up with more. */
    static final int EVALS = 150;

    static final long QUIET_MILLIS = 200;

    /** Expressions only: they declare no names, so none of the learner's can be replaced. */
    private static final String[] EXPRESSIONS = {
        "1 + 1",
        "\"warm\".length() * 2",
        "java.util.List.of(3, 1, 2).size()",
        "java.util.stream.IntStream.range(0, 4).map(i -> i * i).sum()",
        "new StringBuilder(\"a\").append(1).toString()",
    };

    private SessionWarmUp() {
    }

    /** Starts warming on a thread of its own once {@code startup} has finished. */
    public static void begin(JShellSession session, SessionStartup startup) {
        Thread thread = new Thread(() -> {
            startup.await();
            warm(session);
        }, "session-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    private static void warm(JShellSession session) {
        int done = 0;
        while (done < EVALS) {
            long quietFor = session.millisSinceLastUse();
            try {
                if (quietFor < QUIET_MILLIS) {
                    Thread.sleep(QUIET_MILLIS - quietFor);
                } else if (session.evalAndForgetIfIdle(EXPRESSIONS[done % EXPRESSIONS.length])) {
                    done++;
                } else {
                    Thread.sleep(QUIET_MILLIS);
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                return; // warming is an optimization: never a reason to disturb the session
            }
        }
    }
}

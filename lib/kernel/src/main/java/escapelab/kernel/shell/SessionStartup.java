package escapelab.kernel.shell;

import java.util.concurrent.CountDownLatch;

/**
 * The session's start-up evaluations (imports, start-up scripts), run off the thread that
 * answers the front end: javac's first compilation takes about a second, and the kernel should
 * be ready to talk meanwhile. Cells wait for it, so they still see everything it declares.
 */
public final class SessionStartup {

    private final CountDownLatch done = new CountDownLatch(1);

    private SessionStartup() {
    }

    /** Starts {@code work} on a thread of its own. */
    public static SessionStartup begin(Runnable work) {
        SessionStartup startup = new SessionStartup();
        Thread thread = new Thread(() -> {
            try {
                work.run();
            } finally {
                startup.done.countDown();
            }
        }, "session-startup");
        thread.setDaemon(true);
        thread.start();
        return startup;
    }

    /** A start-up that has already finished, for runners built without one. */
    public static SessionStartup finished() {
        SessionStartup startup = new SessionStartup();
        startup.done.countDown();
        return startup;
    }

    /** Waits until the start-up has finished, however it ended. */
    public void await() {
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}

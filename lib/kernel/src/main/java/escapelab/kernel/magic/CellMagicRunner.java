package escapelab.kernel.magic;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellFailure;
import escapelab.notebook.Cell;
import escapelab.notebook.CellMagic;
import escapelab.notebook.Notebook;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs cell magics ({@code %%name} cells) that libraries register with {@link Notebook}.
 *
 * <p>A magic runs on a thread of its own, like JShell runs cell code, so that an interrupt can
 * reach it: first as {@link Thread#interrupt()}, then, if it does not end within
 * {@value #GRACE_MILLIS} ms, by stopping its threads as JShell's own stop does.
 */
public final class CellMagicRunner {

    static final long GRACE_MILLIS = 2000;

    /** Cell magics of the kernel itself, which the kernel runs without this class; listed ahead of libraries' own. */
    public static final List<String> KERNEL_MAGICS = List.of("time");

    private final ClassLoader contextLoader;
    private volatile Thread running;
    private volatile boolean interrupted;

    /** @param contextLoader the context class loader magics run with: the session's */
    public CellMagicRunner(ClassLoader contextLoader) {
        this.contextLoader = contextLoader;
    }

    /**
     * Runs the magic the call names.
     *
     * @return the magic's result, {@code null} for none
     * @throws CellFailure for an unknown magic, a failing or an interrupted one
     */
    public Object run(CellSource.CellMagicCall call) throws CellFailure {
        if (!call.name().matches("[A-Za-z][A-Za-z0-9_]*")) {
            throw new CellFailure(CellErrors.magicUsage(
                    "A cell magic is %% and a name, e.g. %%name args, not %%" + call.name() + ".",
                    LineMagics.known()));
        }
        Optional<CellMagic> magic = Notebook.cellMagic(call.name());
        if (magic.isEmpty()) {
            throw new CellFailure(CellErrors.magicUsage("Unknown cell magic %%" + call.name() + ".", LineMagics.known()));
        }
        return runOnOwnThread(call.name(), call.bodyLine() - 1, magic.get(), new Cell(call.args(), call.body(), call.bodyLine()));
    }

    /** Interrupts the running magic, if any; safe to call from any thread. */
    public void interrupt() {
        Thread thread = running;
        if (thread == null) {
            return;
        }
        interrupted = true;
        thread.interrupt();
        Thread stopper = new Thread(() -> stopIfStillRunning(thread), "cell-magic-stopper");
        stopper.setDaemon(true);
        stopper.start();
    }

    private Object runOnOwnThread(String name, int magicLine, CellMagic magic, Cell cell) throws CellFailure {
        AtomicReference<Object> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ThreadGroup group = new ThreadGroup("cell-magic-" + name);
        Thread thread = new Thread(group, () -> {
            try {
                result.set(magic.run(cell));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "cell-magic-" + name);
        thread.setContextClassLoader(contextLoader);
        interrupted = false;
        running = thread;
        thread.start();
        try {
            joinUninterruptibly(thread);
        } finally {
            running = null;
        }
        Throwable thrown = failure.get();
        if (thrown != null) {
            throw new CellFailure(interrupted ? CellErrors.interrupted() : CellErrors.magicFailure(name, magicLine, thrown));
        }
        return result.get();
    }

    private static void joinUninterruptibly(Thread thread) {
        boolean wasInterrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                wasInterrupted = true;
            }
        }
        if (wasInterrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Thread.stop is deprecated, but it is what JShell's stop() uses for cell code too: the only
     * way to end code that ignores interrupts without ending the kernel.
     */
    @SuppressWarnings({"deprecation", "removal"})
    private void stopIfStillRunning(Thread thread) {
        try {
            thread.join(GRACE_MILLIS);
        } catch (InterruptedException e) {
            return;
        }
        if (thread.isAlive() && running == thread) {
            ThreadGroup group = thread.getThreadGroup();
            Thread[] threads = new Thread[Math.max(16, group == null ? 1 : group.activeCount() * 2)];
            int count = group == null ? 0 : group.enumerate(threads);
            try {
                for (int i = 0; i < count; i++) {
                    threads[i].stop();
                }
                thread.stop();
            } catch (UnsupportedOperationException newerJdk) {
                // JDK 20+ cannot stop threads; the interrupt is all a magic gets there.
            }
        }
    }
}

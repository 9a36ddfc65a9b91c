package escapelab.kernel.shell;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import jdk.jshell.execution.LocalExecutionControl;

/**
 * JShell's execution in this JVM ({@link LocalExecutionControl}: a cell runs on a thread of its
 * own thread group, which {@code stop()} stops), with six additions the kernel needs.
 *
 * <ul>
 *   <li>The objects cells return: JShell itself only passes their {@code toString()} around, so
 *       {@link #varValue} keeps the variable's object and answers a key that
 *       {@link #takeValue} redeems.</li>
 *   <li>Whether the last run was stopped, which JShell does not report.</li>
 *   <li>What the last run threw, as the object it was: JShell passes on its class name, message
 *       and frames only, and the kernel shows a library's {@code Mistake} differently.</li>
 *   <li>Whether cell code is running now, so that calls from it into the session can tell.</li>
 *   <li>Cells cannot end the JVM: their calls to {@code System.exit} throw instead.</li>
 *   <li>Cell classes load without JShell's own weaving of stop checks, which fails on newer JDKs (25)
 *       for some cells; {@link StopChecks} weaves them instead.</li>
 * </ul>
 */
final class SessionExecutionControl extends LocalExecutionControl {

    /** Wraps values because the map does not take {@code null}, a value like any other here. */
    private record Held(Object value) {
    }

    private final Map<String, Held> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicBoolean stopped = new AtomicBoolean();
    private final AtomicBoolean stopAsked = new AtomicBoolean();
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();
    private final CellClassLoading loading;

    /**
     * Runs {@link #cellMethod} for JShell's {@code invoke}, which turns the value into text by
     * listing every element of an array: seconds and megabytes for a large one, on every run of
     * the cell, and the kernel never reads that text (it renders the object itself).
     */
    private static final Method BRIEF_VALUE_RUN;
    /** Read by {@link #runBriefly} as its thread starts (a nested run starts after the outer read it). */
    private static volatile Method cellMethod;

    static {
        try {
            BRIEF_VALUE_RUN = SessionExecutionControl.class.getDeclaredMethod("runBriefly");
            BRIEF_VALUE_RUN.setAccessible(true); // JShell's execution control calls it from its package
        } catch (NoSuchMethodException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Runs the cell's method, rethrowing what it throws as it is, and gives an array as its size only. */
    @SuppressWarnings("unused") // called through BRIEF_VALUE_RUN
    private static Object runBriefly() throws Throwable {
        Object value;
        try {
            value = cellMethod.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
        if (value == null || !value.getClass().isArray() || Array.getLength(value) <= BRIEF_ARRAY_LENGTH) {
            return value;
        }
        String text = value.getClass().getComponentType().getSimpleName() + "[" + Array.getLength(value) + "] { ... }";
        return new Object() {
            @Override
            public String toString() {
                return text;
            }
        };
    }

    private static final int BRIEF_ARRAY_LENGTH = 100;

    SessionExecutionControl() {
        this(new CellClassLoading());
    }

    private SessionExecutionControl(CellClassLoading loading) {
        super(loading);
        this.loading = loading;
    }

    @Override
    protected String invoke(Method doitMethod) throws Exception {
        // LocalExecutionControl installs a JVM-wide uncaught-exception handler that silently drops
        // what it does not expect; put the previous one back so that exceptions of threads a cell
        // leaves running are still printed.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        running.incrementAndGet();
        thrown.set(null);
        stopAsked.set(false);
        try {
            cellMethod = doitMethod;
            return super.invoke(BRIEF_VALUE_RUN);
        } catch (InvocationTargetException e) {
            thrown.set(e.getCause());
            // Where threads cannot be stopped, stop() interrupts them: a sleeping cell then ends in
            // the InterruptedException it did not catch, which is the learner's interrupt all the same.
            if (stopAsked.get()) {
                stopped.set(true);
            }
            throw e;
        } catch (StoppedException e) {
            stopped.set(true);
            throw e;
        } finally {
            running.decrementAndGet();
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
    }

    /** Stops the running cell, and notes that it was asked to: see {@link #invoke}. */
    @Override
    public void stop() throws EngineTerminationException, InternalException {
        stopAsked.set(true);
        super.stop();
    }

    /**
     * Loads cell classes with their calls that would end the JVM redirected ({@link ExitCallRewriter})
     * and, on JDKs that need them, the checks that stop them ({@link StopChecks}), past
     * {@code LocalExecutionControl.load}, whose own weaving of those checks fails on cells that
     * merge two of their classes (see {@link StopChecks}).
     */
    @Override
    public void load(ClassBytecodes[] classes) throws ClassInstallException, EngineTerminationException {
        loading.load(guarded(classes));
    }

    @Override
    public void redefine(ClassBytecodes[] classes) throws ClassInstallException, NotImplementedException,
            EngineTerminationException {
        super.redefine(guarded(classes));
    }

    private static ClassBytecodes[] guarded(ClassBytecodes[] classes) {
        ClassBytecodes[] rewritten = new ClassBytecodes[classes.length];
        for (int i = 0; i < classes.length; i++) {
            byte[] guarded = ExitCallRewriter.rewrite(classes[i].bytecodes());
            rewritten[i] = new ClassBytecodes(classes[i].name(), StopChecks.woven(guarded));
        }
        return rewritten;
    }

    @Override
    public String varValue(String className, String varName) throws InternalException {
        try {
            Field field = findClass(className).getDeclaredField(varName);
            field.setAccessible(true);
            String key = Long.toString(keys.incrementAndGet());
            values.put(key, new Held(field.get(null)));
            return key;
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new InternalException("cannot read variable " + varName + ": " + e);
        }
    }

    /**
     * Returns (once) the object behind a key that {@link #varValue} answered.
     *
     * @throws IllegalArgumentException for an unknown key
     */
    Object takeValue(String key) {
        Held held = values.remove(key);
        if (held == null) {
            throw new IllegalArgumentException("no value under key " + key);
        }
        return held.value();
    }

    /** Whether cell code runs now (JShell is waiting for it). */
    boolean isRunningUserCode() {
        return running.get() > 0;
    }

    /** What the last run threw, once; {@code null} if it threw nothing or this was asked already. */
    Throwable takeThrown() {
        return thrown.getAndSet(null);
    }

    /** Whether a run was stopped since the last call. */
    boolean takeStopped() {
        return stopped.getAndSet(false);
    }
}

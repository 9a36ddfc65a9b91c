package escapelab.kernel.errors;

import escapelab.notebook.Mistake;
import escapelab.notebook.SourceCompileException;
import escapelab.notebook.SourceProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Formats the ways a cell can fail into {@link ErrorReport}s that point at the learner's lines
 * rather than at JShell's generated wrapper classes or at the kernel.
 */
public final class CellErrors {

    static final String COMPILATION_ERROR = "CompilationException";
    /** The error name of code that needs something the session does not declare (yet). */
    public static final String UNRESOLVED = "UnresolvedReference";
    static final String INTERRUPTED = "Interrupted";
    static final String MAGIC_ERROR = "MagicError";

    private static final String INDENT = "    ";
    /** The kernel's packages, all under this room's parent: their frames are never the learner's business. */
    private static final String KERNEL_PACKAGES =
            CellErrors.class.getPackageName().substring(0, CellErrors.class.getPackageName().lastIndexOf('.') + 1);
    static final int MAX_FRAME_LINES = 60;

    /**
     * One exception of a cause chain, as JShell reports it from the running cell.
     *
     * @param frames already translated by JShell: its wrapper frames carry the file name
     *     {@code #<snippet id>} and a line within that snippet
     */
    public record ThrownLink(String className, String message, StackTraceElement[] frames) {
    }

    private CellErrors() {
    }

    /** The cell did not compile: every error, each with its line, column, source and a caret. */
    public static ErrorReport compile(List<SourceProblem> problems) {
        List<String> lines = new ArrayList<>();
        problems.forEach(problem -> lines.addAll(problem.lines()));
        String value = problems.isEmpty() ? "the cell did not compile" : lines.get(0);
        return new ErrorReport(COMPILATION_ERROR, value, lines);
    }

    /**
     * The cell threw: the exception, its causes, and their frames, where {@code frameText} names
     * each frame (JShell's wrapper frames as cell lines).
     */
    public static ErrorReport runtime(List<ThrownLink> chain, Function<StackTraceElement, String> frameText) {
        List<String> lines = new ArrayList<>();
        StackTraceElement[] enclosing = new StackTraceElement[0];
        for (int i = 0; i < chain.size(); i++) {
            ThrownLink link = chain.get(i);
            lines.add((i == 0 ? "" : "Caused by: ") + header(link));
            StackTraceElement[] frames = link.frames();
            int unique = i == 0 ? frames.length : framesNotIn(frames, enclosing);
            addFrames(lines, frames, unique, frameText);
            if (unique < frames.length) {
                lines.add(INDENT + "... " + (frames.length - unique) + " more");
            }
            enclosing = frames;
        }
        ThrownLink top = chain.get(0);
        return new ErrorReport(top.className(), top.message() == null ? "" : top.message(), lines);
    }

    /**
     * Adds the first {@code count} frames. Runs of one frame (deep recursion) show once with
     * their count, and past {@value #MAX_FRAME_LINES} lines the rest is only counted: a stack
     * overflow's thousand frames would bury the cell line that matters.
     */
    private static void addFrames(List<String> lines, StackTraceElement[] frames, int count,
            Function<StackTraceElement, String> frameText) {
        int shown = 0;
        int f = 0;
        while (f < count && shown < MAX_FRAME_LINES) {
            String text = frameText.apply(frames[f]);
            int run = 1;
            while (f + run < count && frames[f + run].equals(frames[f])) {
                run++;
            }
            lines.add(INDENT + "at " + text);
            if (run > 1) {
                lines.add(INDENT + "... the frame above " + (run - 1) + " more times");
            }
            shown++;
            f += run;
        }
        if (f < count) {
            lines.add(INDENT + "... " + (count - f) + " more frames");
        }
    }

    /** A declaration or a call that needs something the session does not (yet) declare. */
    public static ErrorReport unresolved(String message) {
        return new ErrorReport(UNRESOLVED, message, List.of(message));
    }

    /** The learner interrupted the cell. */
    public static ErrorReport interrupted() {
        String message = "The cell was interrupted.";
        return new ErrorReport(INTERRUPTED, message, List.of(INTERRUPTED + ": " + message));
    }

    /** Misuse of a magic: unknown name, missing arguments, missing files. */
    public static ErrorReport magicUsage(String message, List<String> details) {
        List<String> lines = new ArrayList<>();
        lines.add(message);
        lines.addAll(details);
        return new ErrorReport(MAGIC_ERROR, message, lines);
    }

    /**
     * A cell magic threw. Source it compiled and found wrong reads as JShell's compile errors; a
     * learner's {@link Mistake} as its message at the magic's line. Otherwise the learner sees the
     * message (libraries word them for learners) and the causes; library frames only when there
     * is no message to go by, and never the kernel's.
     *
     * @param magicLine the cell line of {@code %%name}
     */
    public static ErrorReport magicFailure(String magicName, int magicLine, Throwable thrown) {
        if (thrown instanceof SourceCompileException compile) {
            return compile(compile.problems());
        }
        String message = thrown.getMessage();
        boolean hasMessage = message != null && !message.isBlank();
        if (thrown instanceof Mistake) {
            return new ErrorReport(thrown.getClass().getName(), hasMessage ? message : "", List.of(
                    thrown.getClass().getName() + (hasMessage ? ": " + message : ""),
                    INDENT + "at %%" + magicName + " (cell line " + magicLine + ")"));
        }
        List<String> lines = new ArrayList<>();
        lines.add("%%" + magicName + ": " + (hasMessage ? message : thrown.getClass().getName()));
        if (!hasMessage) {
            for (StackTraceElement frame : thrown.getStackTrace()) {
                if (isKernelFrame(frame)) {
                    break;
                }
                lines.add(INDENT + "at " + frame);
            }
        }
        Throwable cause = thrown.getCause();
        for (int depth = 0; cause != null && cause != thrown && depth < 10; depth++) {
            lines.add("Caused by: " + cause.getClass().getName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()));
            cause = cause.getCause();
        }
        return new ErrorReport(thrown.getClass().getName(), hasMessage ? message : "", lines);
    }

    /** Whether {@code frame} is the kernel's own (an exception a library's Host call throws passes through them). */
    public static boolean isKernelFrame(StackTraceElement frame) {
        return frame.getClassName().startsWith(KERNEL_PACKAGES);
    }

    private static String header(ThrownLink link) {
        return link.message() == null ? link.className() : link.className() + ": " + link.message();
    }

    /** How many leading frames of {@code frames} are not the tail it shares with {@code enclosing}. */
    private static int framesNotIn(StackTraceElement[] frames, StackTraceElement[] enclosing) {
        int m = frames.length - 1;
        int n = enclosing.length - 1;
        while (m >= 0 && n >= 0 && frames[m].equals(enclosing[n])) {
            m--;
            n--;
        }
        return m + 1;
    }
}

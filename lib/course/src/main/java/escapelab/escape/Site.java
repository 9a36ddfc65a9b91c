package escapelab.escape;

/**
 * A place in the bytecode where an object may be allocated or locked: what the report judges.
 *
 * @param method the method holding it
 * @param bci its bytecode index
 * @param line its source line, -1 if the class has no line table
 * @param sourceFile the class's source file, e.g. {@code FirstEscape.java}
 * @param kind what happens there
 * @param what how the report names it: {@code new Point}, {@code new int[16]}, {@code box Integer},
 *             {@code capturing lambda}, {@code string concatenation}, {@code lock StringBuffer.append}
 * @param nthOnLine 1, 2, … when its class has several sites named {@code what} on the same line
 *                  (e.g. {@code c ? new Point(a, b) : new Point(b, a)}), in bytecode order; 0 when
 *                  it is the only one
 */
public record Site(MethodRef method, int bci, int line, String sourceFile, Kind kind, String what, int nthOnLine) {

    /** The only site of its name on its line. */
    public Site(MethodRef method, int bci, int line, String sourceFile, Kind kind, String what) {
        this(method, bci, line, sourceFile, kind, what, 0);
    }

    /** The kinds of site. */
    public enum Kind {
        /** {@code new T}: an object. */
        NEW,
        /** {@code new T[n]}: an array. */
        ARRAY,
        /** A call to {@code Integer.valueOf} and the like, which autoboxing compiles to. */
        BOX,
        /**
         * A lambda or method reference that captures values (local variables, {@code this}): its
         * {@code invokedynamic} makes a new object of a hidden class each time it runs.
         */
        CAPTURING_LAMBDA,
        /**
         * A lambda or method reference that captures nothing: its {@code invokedynamic} returns the
         * one instance made when the call site was first linked, and allocates nothing.
         */
        NON_CAPTURING_LAMBDA,
        /** A string concatenation ({@code "x=" + x}), an {@code invokedynamic} that builds a new String. */
        CONCAT,
        /** A {@code synchronized} block, or a call to a {@code synchronized} method. */
        LOCK;

        /** Whether the site allocates each time it runs (objects, arrays, boxes, captures, strings). */
        public boolean allocates() {
            return this != LOCK && this != NON_CAPTURING_LAMBDA;
        }
    }

    /** The site's name, told apart from others of the same name on its line: {@code new Point (2nd on the line)}. */
    public String label() {
        return nthOnLine == 0 ? what : what + " (" + ordinal(nthOnLine) + " on the line)";
    }

    /** {@code FirstEscape.java:12}, as the Go tool writes positions. */
    public String position() {
        return sourceFile + ":" + (line < 0 ? "?" : line);
    }

    Frame frame() {
        return new Frame(method, bci);
    }

    private static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }
}

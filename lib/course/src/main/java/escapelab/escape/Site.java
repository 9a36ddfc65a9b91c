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
 *             {@code lock StringBuffer.append}
 */
public record Site(MethodRef method, int bci, int line, String sourceFile, Kind kind, String what) {

    /** The kinds of site. */
    public enum Kind {
        /** {@code new T}: an object. */
        NEW,
        /** {@code new T[n]}: an array. */
        ARRAY,
        /** A call to {@code Integer.valueOf} and the like, which autoboxing compiles to. */
        BOX,
        /** A {@code synchronized} block, or a call to a {@code synchronized} method. */
        LOCK;

        /** Whether the site allocates (objects, arrays, boxes), as opposed to locking. */
        public boolean allocates() {
            return this != LOCK;
        }
    }

    /** {@code FirstEscape.java:12}, as the Go tool writes positions. */
    public String position() {
        return sourceFile + ":" + (line < 0 ? "?" : line);
    }

    Frame frame() {
        return new Frame(method, bci);
    }
}

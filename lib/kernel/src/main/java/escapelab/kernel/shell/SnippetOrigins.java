package escapelab.kernel.shell;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers where each JShell snippet came from, so that a stack frame of JShell's generated
 * code ({@code #<snippet id>:<line in snippet>}) can be told as a line of the learner's cell.
 */
final class SnippetOrigins {

    /**
     * Where a snippet starts.
     *
     * @param executionCount the cell's execution count, or 0 for source not typed in a cell
     * @param sourceName what to call source that is not a cell, such as a startup script
     * @param firstLine the line (1-based) of that source on which the snippet starts
     */
    record Origin(int executionCount, String sourceName, int firstLine) {

        static Origin cell(int executionCount, int firstLine) {
            return new Origin(executionCount, "cell", firstLine);
        }

        static Origin source(String sourceName, int firstLine) {
            return new Origin(0, sourceName, firstLine);
        }

        /** Names line {@code snippetLine} of the snippet, seen from cell {@code currentCount}. */
        String describe(int snippetLine, int currentCount) {
            int line = firstLine + Math.max(snippetLine, 1) - 1;
            if (executionCount == 0) {
                return sourceName + " line " + line;
            }
            return (executionCount == currentCount ? "cell" : "cell [" + executionCount + "]") + " line " + line;
        }
    }

    private final Map<String, Origin> origins = new ConcurrentHashMap<>();

    void record(String snippetId, Origin origin) {
        origins.put(snippetId, origin);
    }

    /**
     * Names a frame: a frame of a snippet as {@code method (cell line N)}, or {@code cell line N}
     * for a cell's top level; any other frame as Java prints it.
     */
    String describe(StackTraceElement frame, int currentCount) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return frame.toString();
        }
        Origin origin = origins.get(file.substring(1));
        String where = origin == null
                ? "snippet " + file + " line " + frame.getLineNumber()
                : origin.describe(frame.getLineNumber(), currentCount);
        String who = member(frame.getClassName(), frame.getMethodName());
        return who.isEmpty() ? where : who + " (" + where + ")";
    }

    /** JShell names a cell's top level with empty class and method names; lambdas get javac's names. */
    private static String member(String className, String methodName) {
        String method = methodName.startsWith("lambda$") ? "lambda" : methodName;
        if (className.isEmpty()) {
            return method;
        }
        return method.isEmpty() ? className : className + "." + method;
    }
}

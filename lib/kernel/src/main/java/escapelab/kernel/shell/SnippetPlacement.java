package escapelab.kernel.shell;

import escapelab.kernel.shell.SnippetOrigins.Origin;
import escapelab.notebook.SourceProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import jdk.jshell.Diag;

/**
 * Where a snippet sits in the source being evaluated, so that positions JShell gives relative
 * to the snippet become lines and columns of the learner's cell (or script).
 *
 * @param text the source the snippet was cut from
 * @param offset where in {@code text} the snippet starts
 * @param base where {@code text} itself starts
 */
record SnippetPlacement(SourceText text, int offset, Origin base) {

    /** The line, in the numbering of {@code base}, of a position in the snippet. */
    int lineOf(int position) {
        return base.firstLine() + text.lineOf(offset + position) - 1;
    }

    /** Where the snippet starts, for mapping its stack frames later. */
    Origin snippetOrigin() {
        return new Origin(base.executionCount(), base.sourceName(), lineOf(0));
    }

    /** A compiler diagnostic on the snippet, placed in the source. */
    SourceProblem problem(Diag diag) {
        String message = learnersMessage(diag.getMessage(Locale.ROOT));
        long position = diag.getPosition();
        if (position < 0) {
            return new SourceProblem(base.sourceName(), lineOf(0), 0, message, null);
        }
        int inSource = offset + (int) position;
        return new SourceProblem(base.sourceName(), lineOf((int) position), text.columnOf(inSource),
                message, text.line(text.lineOf(inSource)));
    }

    /**
     * javac's message without its "location: class" line, which names JShell's nameless wrapper
     * class and would only puzzle the learner, and with JShell's names of the learner's types
     * as the learner wrote them.
     */
    static String learnersMessage(String message) {
        List<String> lines = new ArrayList<>();
        for (String line : message.split("\\R")) {
            if (!line.strip().equals("location: class")) {
                lines.add(WrapperNames.asWritten(line));
            }
        }
        return lines.isEmpty() ? message.strip() : String.join("\n", lines);
    }
}

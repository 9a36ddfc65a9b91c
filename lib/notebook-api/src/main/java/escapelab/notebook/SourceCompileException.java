package escapelab.notebook;

import java.util.List;

/**
 * Source a library compiled for a cell (a cell magic's body, say) was rejected. A kernel shows
 * it as it shows its own compile errors: each problem at its line, with a caret, and no stack.
 */
public class SourceCompileException extends Exception {

    private final List<SourceProblem> problems;

    /**
     * @param what what was compiled, for the first line: {@code "FirstEscape"}
     * @param problems the errors, at least one
     */
    public SourceCompileException(String what, List<SourceProblem> problems) {
        super(what + ": " + problems.size() + " compile error" + (problems.size() == 1 ? "" : "s") + "\n"
                + String.join("\n", problems.stream().map(SourceProblem::toString).toList()));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a compile exception needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** The errors, each placed in the source. */
    public List<SourceProblem> problems() {
        return problems;
    }
}

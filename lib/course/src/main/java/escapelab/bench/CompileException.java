package escapelab.bench;

import java.util.List;

/** A benchmark cell that javac (or JMH's annotation processor) rejected. */
public final class CompileException extends Exception {

    private final List<CellDiagnostic> diagnostics;

    CompileException(String className, List<CellDiagnostic> diagnostics) {
        super(className + ": " + diagnostics.size() + " compile error" + (diagnostics.size() == 1 ? "" : "s")
                + "\n" + String.join("\n", diagnostics.stream().map(CellDiagnostic::toString).toList()));
        this.diagnostics = List.copyOf(diagnostics);
    }

    /** The errors, each with its line and column in the cell. */
    public List<CellDiagnostic> diagnostics() {
        return diagnostics;
    }
}

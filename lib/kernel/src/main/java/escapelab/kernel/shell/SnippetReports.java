package escapelab.kernel.shell;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellErrors.ThrownLink;
import escapelab.kernel.errors.ErrorReport;
import escapelab.kernel.shell.SnippetOrigins.Origin;
import escapelab.notebook.Mistake;
import escapelab.notebook.SourceProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Turns JShell's verdicts on a snippet (rejected, threw, needs something undeclared) into
 * reports on the learner's lines.
 */
final class SnippetReports {

    private final JShell shell;
    private final SnippetOrigins origins;

    SnippetReports(JShell shell, SnippetOrigins origins) {
        this.shell = shell;
        this.origins = origins;
    }

    /** The snippet did not compile: its errors, placed in the source. */
    ErrorReport rejected(Snippet snippet, SnippetPlacement at) {
        List<SourceProblem> problems = shell.diagnostics(snippet)
                .filter(Diag::isError)
                .map(at::problem)
                .collect(Collectors.toList());
        if (problems.isEmpty()) {
            problems = List.of(new SourceProblem(at.base().sourceName(), at.lineOf(0), 0,
                    "JShell rejected this code without saying why", null));
        }
        return CellErrors.compile(problems);
    }

    /** A declaration that compiled but cannot be used until something else is declared. */
    ErrorReport notDefined(DeclarationSnippet snippet, Origin origin, int currentCount) {
        return CellErrors.unresolved(origin.describe(1, currentCount) + ": " + needs(snippet));
    }

    /**
     * The snippet threw (or called a method that needs something undeclared). A learner's
     * {@link Mistake} shows as its message and the cell lines it came from only: the library's
     * frames under it would bury the message.
     *
     * @param thrown what the cell threw, as the execution control caught it; {@code null} if unknown
     */
    ErrorReport thrown(JShellException exception, Throwable thrown, int currentCount) {
        List<ThrownLink> chain = new ArrayList<>();
        if (exception instanceof UnresolvedReferenceException unresolved) {
            chain.add(new ThrownLink(CellErrors.UNRESOLVED, needs(unresolved.getSnippet()), unresolved.getStackTrace()));
        } else if (thrown instanceof Mistake && exception instanceof EvalException mistake) {
            chain.add(new ThrownLink(WrapperNames.asWritten(mistake.getExceptionClassName()),
                    WrapperNames.asWritten(mistake.getMessage()), snippetFrames(mistake.getStackTrace())));
        } else {
            Throwable link = exception;
            while (link != null && chain.size() < 20) {
                String className = link instanceof EvalException e ? e.getExceptionClassName() : link.getClass().getName();
                chain.add(new ThrownLink(WrapperNames.asWritten(className), WrapperNames.asWritten(link.getMessage()),
                        withoutKernelFrames(link.getStackTrace())));
                link = link.getCause() == link ? null : link.getCause();
            }
        }
        return CellErrors.runtime(chain, frame -> origins.describe(frame, currentCount));
    }

    /** The frames of JShell's snippets, the learner's own code: JShell names their file {@code #<snippet id>}. */
    static StackTraceElement[] snippetFrames(StackTraceElement[] frames) {
        return Arrays.stream(frames)
                .filter(frame -> frame.getFileName() != null && frame.getFileName().startsWith("#"))
                .toArray(StackTraceElement[]::new);
    }

    /**
     * The frames without the kernel's own (an exception a library's Host call throws passes
     * through them): the learner reads their cell's frames and the libraries' they called.
     */
    static StackTraceElement[] withoutKernelFrames(StackTraceElement[] frames) {
        return Arrays.stream(frames)
                .filter(frame -> !CellErrors.isKernelFrame(frame))
                .toArray(StackTraceElement[]::new);
    }

    private String needs(DeclarationSnippet snippet) {
        String missing = shell.unresolvedDependencies(snippet).collect(Collectors.joining(", "));
        return describe(snippet) + " cannot be used until " + missing + " is declared";
    }

    private static String describe(DeclarationSnippet snippet) {
        switch (snippet.kind()) {
            case TYPE_DECL:
                return "type " + snippet.name();
            case METHOD:
                return "method " + snippet.name();
            case VAR:
                return "variable " + snippet.name();
            default:
                return snippet.name();
        }
    }
}

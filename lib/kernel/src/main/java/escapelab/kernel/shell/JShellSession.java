package escapelab.kernel.shell;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellFailure;
import escapelab.kernel.shell.SnippetOrigins.Origin;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ExpressionSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.VarSnippet;

/**
 * The JShell session that runs cells in this JVM, so that objects cells return can be rendered
 * and library state lives from cell to cell. It splits source into snippets, evaluates them, and
 * turns what goes wrong into reports that point at the learner's lines.
 *
 * <p>JShell is not thread-safe, and libraries may call in (declare source, extend the class
 * path) from any thread, so calls are serialized, except those made by the running cell's own
 * code, which must not wait for the evaluation that waits for them.
 */
public final class JShellSession implements AutoCloseable {

    /** How {@link #isComplete} judges source; the kernel maps these to the protocol's words. */
    public enum Completion { COMPLETE, INCOMPLETE, INVALID }

    private static final String DECLARED_SOURCE = "declared source";

    private final JShell shell;
    private final SessionExecutionControl control;
    private final ClassLoader classLoader;
    private final SnippetOrigins origins = new SnippetOrigins();
    private final SnippetReports reports;
    private final ReentrantLock lock = new ReentrantLock();
    /** Where source declared now comes from: the cell magic running (a {@code %%jmh} cell's body), if any. */
    private volatile Origin declaring;
    /** When a caller (not the warm-up) last used the session, by {@link System#nanoTime()}. */
    private volatile long lastUsed = System.nanoTime();
    /** Whether the code running now is a warm-up expression's rather than a cell's. */
    private volatile boolean warming;

    /** A session whose compile class path is this JVM's class path. */
    public JShellSession() {
        SessionExecutionControlProvider provider = new SessionExecutionControlProvider();
        // -g keeps local variable tables, which helpful NullPointerException messages name
        // variables and parameters by ("text" is null, not "<parameter1>" is null).
        shell = JShell.builder().executionEngine(provider, Map.of()).fileManager(IndexKeepingFileManager::new)
                .compilerOptions("-g", "-parameters").build();
        control = provider.control();
        // Building JShell created the execution control, whose class loader made itself the
        // context loader of this thread.
        classLoader = Thread.currentThread().getContextClassLoader();
        reports = new SnippetReports(shell, origins);
        for (Path entry : ClassPath.expand(System.getProperty("java.class.path"), Path.of(""))) {
            shell.addToClasspath(entry.toString());
        }
    }

    /** The loader of classes declared in the session; its parent is the JVM's class path loader. */
    public ClassLoader classLoader() {
        return classLoader;
    }

    /** Adds a folder or jar to the session's class path and to {@code java.class.path}. */
    public void addToClasspath(Path entry) {
        String path = entry.toAbsolutePath().normalize().toString();
        withShellUnchecked(() -> {
            shell.addToClasspath(path);
            return null;
        });
        ClassPath.appendToSystemProperty(entry);
    }

    /**
     * Evaluates code typed in a cell.
     *
     * @param firstLine the line of the cell on which {@code code} starts
     * @return the value of the last snippet if it is an expression
     * @throws CellFailure if a snippet does not compile, throws, or is interrupted; the snippets
     *     before it stay evaluated
     */
    public Optional<CellValue> evalCell(String code, int firstLine, int executionCount) throws CellFailure {
        return withShell(() -> evalSource(code, Origin.cell(executionCount, firstLine), executionCount));
    }

    /** Evaluates a file's code in a cell's place ({@code %load}); its errors name the file and its lines. */
    public Optional<CellValue> evalFile(String code, String fileName, int executionCount) throws CellFailure {
        return withShell(() -> evalSource(code, Origin.source(fileName, 1), executionCount));
    }

    /** Evaluates a start-up script; its errors name the script and its lines. */
    public void evalScript(String code, String scriptName) throws CellFailure {
        withShell(() -> evalSource(code, Origin.source("startup script " + scriptName, 1), 0));
    }

    /**
     * Declares types and imports for later cells.
     *
     * @throws IllegalStateException with the compiler's diagnostics if JShell rejects the source
     */
    public void declare(String javaSource) {
        try {
            Origin from = declaring;
            withShell(() -> evalSource(javaSource, from == null ? Origin.source(DECLARED_SOURCE, 1) : from, 0));
        } catch (CellFailure failure) {
            throw new IllegalStateException("The session rejected the declared source:\n"
                    + String.join("\n", failure.report().traceback()));
        }
    }

    /**
     * Says that source declared until {@link #declaredElsewhere()} is the body of a cell magic
     * starting on {@code firstLine} of cell {@code executionCount}, so that its stack frames name
     * that cell's lines (a {@code %%jmh} cell's classes are declared from its body).
     */
    public void declaringFrom(int executionCount, int firstLine) {
        declaring = Origin.cell(executionCount, firstLine);
    }

    /** Source declared from now on is not a cell's. */
    public void declaredElsewhere() {
        declaring = null;
    }

    /** Completions at {@code cursor}: what to put between the returned anchor and the cursor. */
    public Completions complete(String code, int cursor) {
        return withShellUnchecked(() -> {
            int[] anchor = new int[1];
            List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                    .sorted(Comparator.comparing((SourceCodeAnalysis.Suggestion s) -> !s.matchesType()))
                    .map(SourceCodeAnalysis.Suggestion::continuation)
                    .distinct()
                    .collect(Collectors.toList());
            return new Completions(options, anchor[0], cursor);
        });
    }

    /** Replacement options for completion. */
    public record Completions(List<String> options, int start, int end) {
    }

    /**
     * JShell's documentation of what {@code code} names just before {@code cursor}: signatures
     * with their javadoc (the JDK's when its {@code src.zip} is installed, else none).
     */
    public List<SourceCodeAnalysis.Documentation> documentation(String code, int cursor) {
        return withShellUnchecked(() -> shell.sourceCodeAnalysis().documentation(code, cursor, true));
    }

    /**
     * The session's own declarations named {@code name}, as the learner wrote them (the text up
     * to a body), with a variable's current value.
     */
    public List<String> declarationsNamed(String name) {
        return withShellUnchecked(() -> {
            List<String> found = new ArrayList<>();
            shell.variables().filter(v -> v.name().equals(name) && shell.status(v).isActive())
                    .forEach(v -> found.add(v.typeName() + " " + v.name() + " = " + shortText(fetch(v).value())));
            shell.methods().filter(m -> m.name().equals(name) && shell.status(m).isActive())
                    .forEach(m -> found.add(header(m.source())));
            shell.types().filter(t -> t.name().equals(name) && shell.status(t).isActive())
                    .forEach(t -> found.add(header(t.source())));
            return found;
        });
    }

    private static String shortText(Object value) {
        String text;
        try {
            text = String.valueOf(value);
        } catch (RuntimeException e) {
            text = "(toString() threw " + e.getClass().getName() + ")";
        }
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }

    /** A declaration's source up to its body: comments, annotations and signature. */
    private static String header(String source) {
        int body = source.indexOf('{');
        return (body < 0 ? source : source.substring(0, body)).strip();
    }

    /** Whether {@code code} is ready to run, needs more lines, or cannot be parsed. */
    public Completion isComplete(String code) {
        return withShellUnchecked(() -> {
            String rest = code;
            while (true) {
                CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                switch (info.completeness()) {
                    case EMPTY:
                        return Completion.COMPLETE;
                    case COMPLETE:
                    case COMPLETE_WITH_SEMI:
                        if (cannotParse(info.source())) {
                            return Completion.INVALID;
                        }
                        if (info.remaining().isBlank() || info.remaining().equals(rest)) {
                            return Completion.COMPLETE;
                        }
                        rest = info.remaining();
                        break;
                    case DEFINITELY_INCOMPLETE:
                    case CONSIDERED_INCOMPLETE:
                        return Completion.INCOMPLETE;
                    default:
                        return Completion.INVALID;
                }
            }
        });
    }

    /** Whether a snippet JShell calls complete is still no Java at all ({@code int 3x = 4;}). */
    private static boolean cannotParse(String snippet) {
        return snippet != null && !SnippetSyntax.parses(snippet);
    }

    /** Notes that a cell is about to use the session, so that no warm-up evaluation starts now. */
    public void noteUse() {
        lastUsed = System.nanoTime();
    }

    /** Milliseconds since a cell or request last used the session (warm-up evaluations aside). */
    long millisSinceLastUse() {
        return (System.nanoTime() - lastUsed) / 1_000_000;
    }

    /**
     * Evaluates {@code expression} and drops it again, unless someone uses the session or waits
     * for it, for {@link SessionWarmUp}. Nothing of it remains visible to cells, except that
     * JShell's numbering of temporary variables ({@code $1}, {@code $2}, ...) advances.
     *
     * @return whether it was evaluated
     */
    boolean evalAndForgetIfIdle(String expression) {
        if (lock.hasQueuedThreads() || !lock.tryLock()) {
            return false;
        }
        try {
            warming = true;
            for (SnippetEvent event : shell.eval(expression)) {
                if (event.causeSnippet() == null) {
                    shell.drop(event.snippet());
                }
            }
            control.takeStopped();
            return true;
        } finally {
            warming = false;
            lock.unlock();
        }
    }

    /** Stops the running cell's code (its threads); safe to call from any thread. */
    public void stop() {
        shell.stop();
    }

    @Override
    public void close() {
        shell.close();
    }

    private Optional<CellValue> evalSource(String code, Origin base, int currentCount) throws CellFailure {
        SourceText text = new SourceText(code);
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Optional<CellValue> value = Optional.empty();
        // A declaration may name one that comes later in the same source (a class and the
        // record it uses): it is judged once the whole source is in.
        Map<DeclarationSnippet, Origin> waiting = new LinkedHashMap<>();
        int offset = 0;
        while (offset < code.length()) {
            String remaining = code.substring(offset);
            CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == Completeness.EMPTY) {
                break;
            }
            // An incomplete rest goes to JShell as it is, which then says what is missing.
            boolean whole = info.completeness().isComplete() && info.source() != null;
            String source = whole ? info.source() : remaining;
            int consumed = whole ? remaining.length() - info.remaining().length() : remaining.length();
            // JShell maps stack frames to snippet lines wrongly when a snippet starts with blank
            // lines, so the snippet starts at its first non-blank character.
            int lead = leadingWhitespace(source);
            if (lead < source.length()) {
                value = evalSnippet(source.substring(lead), new SnippetPlacement(text, offset + lead, base),
                        currentCount, waiting);
            }
            offset += Math.max(consumed, 1);
        }
        for (Map.Entry<DeclarationSnippet, Origin> declared : waiting.entrySet()) {
            if (shell.status(declared.getKey()) == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                throw new CellFailure(reports.notDefined(declared.getKey(), declared.getValue(), currentCount));
            }
        }
        return value;
    }

    private static int leadingWhitespace(String source) {
        int lead = 0;
        while (lead < source.length() && Character.isWhitespace(source.charAt(lead))) {
            lead++;
        }
        return lead;
    }

    private Optional<CellValue> evalSnippet(String source, SnippetPlacement at, int currentCount,
                                            Map<DeclarationSnippet, Origin> waiting) throws CellFailure {
        List<SnippetEvent> events = shell.eval(source);
        if (control.takeStopped()) {
            throw new CellFailure(CellErrors.interrupted());
        }
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue; // an update of an earlier snippet that depends on this one
            }
            Snippet snippet = event.snippet();
            origins.record(snippet.id(), at.snippetOrigin());
            if (event.exception() != null) {
                throw new CellFailure(reports.thrown(event.exception(), control.takeThrown(), currentCount));
            }
            if (event.status() == Snippet.Status.REJECTED) {
                throw new CellFailure(reports.rejected(snippet, at));
            }
            if (event.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED && snippet instanceof DeclarationSnippet d) {
                waiting.put(d, at.snippetOrigin());
            }
            return valueOf(event);
        }
        return Optional.empty();
    }

    /** The value of an expression snippet: a temporary variable or an existing variable's. */
    private Optional<CellValue> valueOf(SnippetEvent event) {
        Snippet snippet = event.snippet();
        if (snippet instanceof VarSnippet variable
                && snippet.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
            return Optional.of(fetch(variable));
        }
        if (snippet instanceof ExpressionSnippet expression) {
            Optional<VarSnippet> named = shell.variables()
                    .filter(v -> v.name().equals(expression.name()))
                    .filter(v -> shell.status(v) == Snippet.Status.VALID)
                    .reduce((first, second) -> second);
            return Optional.of(named.map(this::fetch).orElseGet(() -> new CellValue(event.value())));
        }
        return Optional.empty();
    }

    private CellValue fetch(VarSnippet variable) {
        return new CellValue(control.takeValue(shell.varValue(variable)));
    }

    private <T> T withShell(ShellAction<T> action) throws CellFailure {
        // Code of the running cell that calls back into the session (Host.declare, say) runs while
        // the cell's evaluation holds the lock and waits for that very code: join that
        // evaluation rather than wait for it forever.
        if (control.isRunningUserCode() && !warming && !lock.isHeldByCurrentThread()) {
            return action.run();
        }
        lock.lock();
        try {
            lastUsed = System.nanoTime();
            return action.run();
        } finally {
            lastUsed = System.nanoTime();
            lock.unlock();
        }
    }

    private <T> T withShellUnchecked(Supplier<T> action) {
        try {
            return withShell(action::get);
        } catch (CellFailure impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    @FunctionalInterface
    private interface ShellAction<T> {
        T run() throws CellFailure;
    }
}

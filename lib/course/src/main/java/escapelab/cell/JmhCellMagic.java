package escapelab.cell;

import escapelab.evidence.SessionEvidence;
import escapelab.notebook.Cell;
import escapelab.notebook.Mistake;
import escapelab.notebook.Notebook;

/**
 * The {@code %%jmh} cell magic: the cell holds a whole Java file with JMH annotations; it is
 * compiled for JMH and declared in the session, so that later cells name its classes by their
 * simple names. The kernel's start-up script registers it.
 */
public final class JmhCellMagic {

    private JmhCellMagic() {
    }

    /**
     * Registers {@code %%jmh} with the notebook and warms javac for the first such cell; called
     * once, by the start-up script.
     */
    public static void register() {
        Notebook.registerCellMagic("jmh", JmhCellMagic::run);
        CellWarmup.start();
    }

    private static Object run(Cell cell) throws Exception {
        if (!cell.args().isBlank()) {
            throw new Mistake("%%jmh takes no arguments; found '" + cell.args().strip()
                    + "'. Put the options in the cell that runs the benchmark, e.g. bench(MyBench.class).profile(THOROUGH)");
        }
        return compile(cell.body(), cell.bodyLine());
    }

    /**
     * Compiles a benchmark source (what a {@code %%jmh} cell holds), declares it in the
     * session and records its source for the submission.
     *
     * @param firstLine the cell line the source starts on, for error positions
     * @throws escapelab.notebook.SourceCompileException with the errors placed in the cell
     * @throws Mistake if the source declares no class, or none with a {@code @Benchmark} method
     */
    public static BenchClass compile(String source, int firstLine) throws Exception {
        BenchClass compiled = new BenchCompiler(CellClasses.shared()).compile(source, firstLine);
        try {
            Notebook.host().declare(forSession(source));
        } catch (IllegalStateException e) {
            System.err.println("Compiled for JMH, but later cells cannot name " + compiled.simpleName()
                    + ": " + e.getMessage());
        }
        return SessionEvidence.current().record(compiled);
    }

    /** JMH's {@code Runner}, as the session names it: it waits for JMH's lock and keeps the kernel's flags out of forks. */
    private static final String SESSION_RUNNER = "escapelab.bench.Runner";

    /**
     * The source as the session declares it: without its package line, and with JMH's
     * {@code Runner} imported as the session's own, so that a pasted {@code main()} that runs
     * {@code new Runner(opt).run()} behaves like {@code bench(...)} when a later cell calls it.
     */
    static String forSession(String source) {
        return BenchCompiler.withoutPackage(source)
                .replaceAll("(?m)^(\\s*)import\\s+org\\.openjdk\\.jmh\\.runner\\.Runner\\s*;", "$1import " + SESSION_RUNNER + ";");
    }
}

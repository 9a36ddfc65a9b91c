package escapelab.kernel;

import escapelab.kernel.errors.CellErrors;
import escapelab.kernel.errors.CellFailure;
import escapelab.kernel.magic.CellMagicRunner;
import escapelab.kernel.magic.CellSource;
import escapelab.kernel.magic.CellTimer;
import escapelab.kernel.magic.LineMagics;
import escapelab.kernel.shell.CellValue;
import escapelab.kernel.shell.JShellSession;
import escapelab.kernel.shell.SessionStartup;
import java.util.List;
import java.util.Optional;

/**
 * Runs one cell: its cell magic, or its code and line magics in order. The cell's value is the
 * magic's result, or the value of the last snippet if the cell ends in an expression.
 */
final class CellRunner {

    private final JShellSession session;
    private final LineMagics lineMagics;
    private final CellMagicRunner cellMagics;
    private final SessionStartup startup;

    /** @param startup what cells wait for before they run */
    CellRunner(JShellSession session, LineMagics lineMagics, CellMagicRunner cellMagics, SessionStartup startup) {
        this.session = session;
        this.lineMagics = lineMagics;
        this.cellMagics = cellMagics;
        this.startup = startup;
    }

    /**
     * @return the value to show, if any
     * @throws CellFailure with the report to show instead
     */
    Optional<CellValue> run(String cell, int executionCount) throws CellFailure {
        startup.await();
        return run(cell, 0, executionCount);
    }

    /** @param lineOffset how many lines of the notebook cell come before {@code cell} */
    private Optional<CellValue> run(String cell, int lineOffset, int executionCount) throws CellFailure {
        Optional<CellSource.CellMagicCall> magicCall = CellSource.cellMagic(cell);
        if (magicCall.isPresent()) {
            CellSource.CellMagicCall call = magicCall.get();
            if (call.name().equals("time")) {
                return time(call, lineOffset, executionCount);
            }
            int bodyLine = call.bodyLine() + lineOffset;
            Object result;
            session.declaringFrom(executionCount, bodyLine);
            try {
                result = cellMagics.run(new CellSource.CellMagicCall(call.name(), call.args(), call.body(), bodyLine));
            } finally {
                session.declaredElsewhere();
            }
            return result == null ? Optional.empty() : Optional.of(new CellValue(result));
        }
        Optional<CellValue> value = Optional.empty();
        for (CellSource.Part part : CellSource.parts(cell)) {
            if (part instanceof CellSource.LineMagic magic) {
                Optional<LineMagics.LoadedFile> loaded = lineMagics.run(magic.name(), magic.args());
                value = loaded.isPresent()
                        ? session.evalFile(loaded.get().code(), loaded.get().path().getFileName().toString(), executionCount)
                        : Optional.empty();
            } else if (part instanceof CellSource.Code code) {
                value = session.evalCell(code.text(), code.firstLine() + lineOffset, executionCount);
            }
        }
        return value;
    }

    /** {@code %%time}: runs the rest of the cell, then prints how long it took. */
    private Optional<CellValue> time(CellSource.CellMagicCall call, int lineOffset, int executionCount) throws CellFailure {
        if (!call.args().isEmpty()) {
            throw new CellFailure(CellErrors.magicUsage("%%time takes no arguments: put the code to time on the "
                    + "lines below it, not after %%time.", List.of()));
        }
        if (call.body().isBlank()) {
            throw new CellFailure(CellErrors.magicUsage("%%time needs code to time on the lines below it.", List.of()));
        }
        CellTimer timer = new CellTimer();
        Optional<CellValue> value = run(call.body(), call.bodyLine() - 1 + lineOffset, executionCount);
        System.out.println(timer.report());
        return value;
    }

    /** Interrupts whatever the cell runs: its code or its magic. */
    void interrupt() {
        session.stop();
        cellMagics.interrupt();
    }
}

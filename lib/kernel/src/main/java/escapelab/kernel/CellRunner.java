package escapelab.kernel;

import java.util.Optional;

/**
 * Runs one cell: its cell magic, or its code and line magics in order. The cell's value is the
 * magic's result, or the value of the last snippet if the cell ends in an expression.
 */
final class CellRunner {

    private final Session session;
    private final LineMagics lineMagics;
    private final CellMagicRunner cellMagics;
    private final SessionStartup startup;

    /** @param startup what cells wait for before they run */
    CellRunner(Session session, LineMagics lineMagics, CellMagicRunner cellMagics, SessionStartup startup) {
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
        Optional<CellSource.CellMagicCall> magicCall = CellSource.cellMagic(cell);
        if (magicCall.isPresent()) {
            Object result = cellMagics.run(magicCall.get());
            return result == null ? Optional.empty() : Optional.of(new CellValue(result));
        }
        Optional<CellValue> value = Optional.empty();
        for (CellSource.Part part : CellSource.parts(cell)) {
            if (part instanceof CellSource.LineMagic magic) {
                lineMagics.run(magic.name(), magic.args());
                value = Optional.empty();
            } else if (part instanceof CellSource.Code code) {
                value = session.evalCell(code.text(), code.firstLine(), executionCount);
            }
        }
        return value;
    }

    /** Interrupts whatever the cell runs: its code or its magic. */
    void interrupt() {
        session.stop();
        cellMagics.interrupt();
    }
}

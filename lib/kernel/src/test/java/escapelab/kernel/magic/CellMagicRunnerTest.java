package escapelab.kernel.magic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import escapelab.kernel.errors.CellFailure;
import escapelab.notebook.Cell;
import escapelab.notebook.Notebook;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CellMagicRunnerTest {

    private final CellMagicRunner runner = new CellMagicRunner(getClass().getClassLoader());

    private static CellSource.CellMagicCall call(String cell) {
        return CellSource.cellMagic(cell).orElseThrow();
    }

    @Test
    void runsTheMagicWithArgsBodyAndBodyLine() throws Exception {
        AtomicReference<Cell> seen = new AtomicReference<>();
        Notebook.registerCellMagic("echoTest", cell -> {
            seen.set(cell);
            return cell.body().toUpperCase();
        });
        assertEquals("HELLO", runner.run(call("%%echoTest -n 3\nhello")));
        assertEquals(new Cell("-n 3", "hello", 2), seen.get());
    }

    @Test
    void unknownMagicListsTheRegisteredOnes() {
        Notebook.registerCellMagic("alphaTest", cell -> null);
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(call("%%nosuch\nx")));
        assertEquals("Unknown cell magic %%nosuch.", failure.report().value());
        String cellMagics = failure.report().traceback().get(2);
        assertTrue(cellMagics.startsWith("Cell magics: %%"), cellMagics);
        assertTrue(cellMagics.contains("%%alphaTest"), cellMagics);
    }

    @Test
    void aMagicsExceptionBecomesTheCellsError() {
        Notebook.registerCellMagic("failTest", cell -> {
            throw new IllegalStateException("no benchmark method in the cell");
        });
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(call("%%failTest")));
        assertEquals("no benchmark method in the cell", failure.report().value());
        assertEquals("%%failTest: no benchmark method in the cell", failure.report().traceback().get(0));
    }

    @Test
    void interruptEndsAMagicThatIgnoresInterrupts() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Notebook.registerCellMagic("spinTest", cell -> {
            started.countDown();
            while (true) {
                Thread.onSpinWait();
            }
        });
        Thread interrupter = new Thread(() -> {
            try {
                started.await();
                runner.interrupt();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        });
        interrupter.start();
        long start = System.nanoTime();
        CellFailure failure = assertThrows(CellFailure.class, () -> runner.run(call("%%spinTest")));
        assertEquals("Interrupted", failure.report().name());
        assertTrue(System.nanoTime() - start < 10_000_000_000L);
    }
}

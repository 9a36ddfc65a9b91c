package escapelab.measure;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JolVmTest {

    @Test
    void startsJolWithoutPrintingAndKeepsWhatItWouldHavePrinted() {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try {
            assertTrue(JolVm.current().objectHeaderSize() >= 8);
        } finally {
            System.setOut(out);
        }
        assertEquals("", printed.toString(StandardCharsets.UTF_8));
        // Without ptrace, JOL says it could not attach the Serviceability Agent; kept, not shown.
        assertTrue(JolVm.warnings().isEmpty() || JolVm.warnings().contains("WARNING"), JolVm.warnings());
    }
}

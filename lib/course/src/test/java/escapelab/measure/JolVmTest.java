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
        // JOL says what it skipped or could not attach; kept, not shown. The Serviceability
        // Agent's attempt (a second JVM through ptrace, 1.4 s) is not made.
        assertTrue(JolVm.warnings().isEmpty() || JolVm.warnings().contains("WARNING")
                || JolVm.warnings().contains("skipped"), JolVm.warnings());
        assertTrue(!JolVm.warnings().contains("Serviceability Agent")
                || JolVm.warnings().contains("attach skipped due to " + JolVm.SKIP_SA), JolVm.warnings());
        assertEquals("true", System.getProperty(JolVm.SKIP_SA));
    }
}

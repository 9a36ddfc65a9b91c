package escapelab.kernel.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import escapelab.kernel.protocol.IOPublisher;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class KernelHostTest {

    private final ByteArrayOutputStream kernelOut = new ByteArrayOutputStream();
    private final IOPublisher publisher = new IOPublisher(
            new PrintStream(kernelOut, true, StandardCharsets.UTF_8), System.err);
    private final KernelHost host = new KernelHost(publisher, new Renderer(), null);

    @Test
    void displaysGetFreshIdsThatUpdatesAccept() {
        String first = host.display("one");
        String second = host.display("two");
        assertNotEquals(first, second);
        host.updateDisplay(first, "one, updated");
        assertEquals(3, kernelOut.toString(StandardCharsets.UTF_8).lines().count());
    }

    @Test
    void updatingAnUnknownDisplayIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> host.updateDisplay("never-shown", "x"));
    }

    @Test
    void outputWithoutAFrontEndGoesToTheKernelsOwnStreamInOrder() {
        publisher.stdout().print("text before ");
        host.display("shown");
        publisher.stdout().println("and after");
        publisher.flushStreams();
        assertEquals("text before [display_data published without a front end]\nand after\n",
                kernelOut.toString(StandardCharsets.UTF_8));
    }
}

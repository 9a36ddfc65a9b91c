package escapelab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.publish.PublishClearOutput;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

class IOPublisherTest {

    private final ZMQ.Context context = ZMQ.context(1);
    private final List<Message<?>> sent = new CopyOnWriteArrayList<>();
    private final ByteArrayOutputStream kernelOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream kernelErr = new ByteArrayOutputStream();
    private final IOPublisher publisher = new IOPublisher(new PrintStream(kernelOut, true, StandardCharsets.UTF_8),
            new PrintStream(kernelErr, true, StandardCharsets.UTF_8));

    /** An iopub socket that is never bound: it keeps what the publisher sends. */
    private final JupyterSocket iopub = new JupyterSocket(context, SocketType.PUB, HMACGenerator.NO_AUTH_INSTANCE,
            Logger.getLogger("test")) {
        @Override
        public void bind(KernelConnectionProperties properties) {
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            sent.add(message);
        }
    };

    @AfterEach
    void close() {
        iopub.close();
        context.close();
    }

    private static Message<?> request() {
        return new Message<>(null, MessageType.EXECUTE_REQUEST, null);
    }

    private List<String> streamTexts() {
        return sent.stream().filter(m -> m.getContent() instanceof PublishStream)
                .map(m -> ((PublishStream) m.getContent()).getText()).toList();
    }

    @Test
    void withoutAFrontEndOutputGoesToTheKernelsOwnStreams() {
        publisher.stdout().print("to out");
        publisher.stderr().print("to err");
        publisher.flushStreams();
        publisher.publish(PublishClearOutput.NOW);
        assertEquals("to out[clear_output published without a front end]\n", kernelOut.toString(StandardCharsets.UTF_8));
        assertEquals("to err", kernelErr.toString(StandardCharsets.UTF_8));
        assertTrue(sent.isEmpty());
    }

    @Test
    void textWrittenBeforeADisplayIsSentBeforeItAndParentedToTheCell() {
        publisher.attach(iopub);
        Message<?> cell = request();
        publisher.setParent(cell);
        publisher.stdout().print("first ");
        publisher.stderr().print("warning");
        publisher.publish(PublishClearOutput.BEFORE_NEXT_OUTPUT);
        publisher.stdout().print("after");
        publisher.flushStreams();
        assertEquals(List.of("stream", "stream", "clear_output", "stream"),
                sent.stream().map(m -> m.getHeader().getType().getName()).toList());
        assertEquals(List.of("first ", "warning", "after"), streamTexts());
        for (Message<?> message : sent) {
            assertEquals(cell.getHeader().getId(), message.getParentHeader().getId());
        }
    }

    @Test
    void aCellsTextIsCutAtTheLimitAndTheNextCellStartsAfresh() {
        publisher.attach(iopub);
        publisher.setParent(request());
        String line = "x".repeat(999) + "\n";
        for (int i = 0; i < IOPublisher.CELL_TEXT_LIMIT / line.length() + 10; i++) {
            publisher.stdout().print(line);
            publisher.flushStreams();
        }
        String shown = String.join("", streamTexts());
        assertTrue(shown.endsWith("[output truncated: this cell printed more than " + IOPublisher.CELL_TEXT_LIMIT
                + " characters; the rest is not shown]\n"), shown.substring(shown.length() - 200));
        assertEquals(IOPublisher.CELL_TEXT_LIMIT, shown.indexOf("\n[output truncated"));
        sent.clear();
        publisher.setParent(request());
        publisher.stdout().print("next cell");
        publisher.flushStreams();
        assertEquals(List.of("next cell"), streamTexts());
    }

    @Test
    void outputOfOtherThreadsIsSentWithoutAFlushByTheCell() throws InterruptedException {
        publisher.attach(iopub);
        publisher.setParent(request());
        publisher.startFlushing();
        Thread thread = new Thread(() -> publisher.stdout().print("from a thread"));
        thread.start();
        thread.join();
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (streamTexts().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(IOPublisher.FLUSH_MILLIS);
        }
        assertEquals(List.of("from a thread"), streamTexts());
    }
}

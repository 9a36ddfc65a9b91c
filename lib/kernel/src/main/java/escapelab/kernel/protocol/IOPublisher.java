package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterSocket;
import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Publishes on the iopub channel for any thread: the kernel's own messages, rich output that
 * libraries show while a cell runs, and everything the JVM writes to {@code System.out} and
 * {@code System.err}.
 *
 * <p>Messages are parented to the cell that runs, or else to the last cell that ran, so output
 * of threads a cell left running still lands in that notebook. Streams are sent every
 * {@value #FLUSH_MILLIS} ms, and always before any other message, so that text and displays
 * keep the order in which they were produced.
 */
public final class IOPublisher {

    static final long FLUSH_MILLIS = 50;

    /**
     * How much text of {@code System.out} and {@code System.err} one cell may send: more would
     * swamp the front end and the saved notebook, and nobody reads it.
     */
    static final int CELL_TEXT_LIMIT = 1_000_000;

    private final PrintStream kernelOut;
    private final PrintStream kernelErr;
    private final StreamBuffer out = new StreamBuffer();
    private final StreamBuffer err = new StreamBuffer();
    private final PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    private final PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);
    private volatile JupyterSocket iopub;
    private volatile MessageContext parent;
    private int sentForCell;
    private long droppedForCell;
    private ScheduledExecutorService flusher;

    /**
     * @param kernelOut where output goes while no front end is attached (the kernel's own stdout)
     * @param kernelErr the same for stderr
     */
    public IOPublisher(PrintStream kernelOut, PrintStream kernelErr) {
        this.kernelOut = kernelOut;
        this.kernelErr = kernelErr;
    }

    /** The stream to install as {@code System.out}. */
    public PrintStream stdout() {
        return outStream;
    }

    /** The stream to install as {@code System.err}. */
    public PrintStream stderr() {
        return errStream;
    }

    /** Publishes on {@code iopubSocket} from now on; before, output goes to the kernel's own streams. */
    public void attach(JupyterSocket iopubSocket) {
        this.iopub = iopubSocket;
    }

    /** Makes the request {@code cell} the parent of what is published from now on. */
    public synchronized void setParent(MessageContext cell) {
        flushStreams();
        this.parent = cell;
        sentForCell = 0;
        droppedForCell = 0;
    }

    /** Starts sending buffered output periodically, so that it reaches the front end live. */
    public synchronized void startFlushing() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "stream-flusher");
                thread.setDaemon(true);
                return thread;
            });
            flusher.scheduleWithFixedDelay(this::flushQuietly, FLUSH_MILLIS, FLUSH_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** Sends what {@code System.out} and {@code System.err} hold now. */
    public synchronized void flushStreams() {
        sendStream(PublishStream.StreamType.OUT, out.drain());
        sendStream(PublishStream.StreamType.ERR, err.drain());
    }

    /** Publishes {@code content}, after the output written before it. */
    public synchronized <T extends ContentType<T>> void publish(T content) {
        flushStreams();
        JupyterSocket socket = iopub;
        MessageContext context = parent;
        if (socket == null || context == null) {
            kernelOut.println("[" + content.getType().getName() + " published without a front end]");
            return;
        }
        socket.sendMessage(new Message<>(context, content.getType(), content));
    }

    private void sendStream(PublishStream.StreamType type, String text) {
        if (text.isEmpty() || (text = withinLimit(text)).isEmpty()) {
            return;
        }
        JupyterSocket socket = iopub;
        MessageContext context = parent;
        if (socket == null || context == null) {
            (type == PublishStream.StreamType.OUT ? kernelOut : kernelErr).print(text);
            return;
        }
        socket.sendMessage(new Message<>(context, PublishStream.MESSAGE_TYPE, new PublishStream(type, text)));
    }

    /** The part of {@code text} the cell may still send, with a note where the limit cuts it. */
    private String withinLimit(String text) {
        if (droppedForCell > 0) {
            droppedForCell += text.length();
            return "";
        }
        int room = CELL_TEXT_LIMIT - sentForCell;
        if (text.length() <= room) {
            sentForCell += text.length();
            return text;
        }
        droppedForCell = text.length() - room;
        sentForCell = CELL_TEXT_LIMIT;
        return text.substring(0, room) + "\n[output truncated: this cell printed more than "
                + CELL_TEXT_LIMIT + " characters; the rest is not shown]\n";
    }

    /** Keeps the periodic task alive: an exception would cancel it for good. */
    private void flushQuietly() {
        try {
            flushStreams();
        } catch (RuntimeException e) {
            kernelErr.println("escapelab kernel: could not send output: " + e);
        }
    }
}

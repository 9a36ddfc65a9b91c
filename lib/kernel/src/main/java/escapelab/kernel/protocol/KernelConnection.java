package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.publish.PublishStatus;
import java.io.PrintStream;
import java.security.GeneralSecurityException;
import java.util.function.BooleanSupplier;
import org.zeromq.ZMQ;

/**
 * basekernel's connection with {@link GuardedShellChannel}s for shell and control, and iopub and
 * stdin channels that date messages precisely ({@link MessageDates}). basekernel creates its own
 * four in its constructor; they are never bound, only closed.
 */
public final class KernelConnection extends JupyterConnection {

    private final KernelConnectionProperties properties;
    private final ZMQ.Context context = ZMQ.context(1);
    private final GuardedShellChannel guardedShell;
    private final GuardedShellChannel guardedControl;
    private final MessageDates.IOPub datedIOPub;
    private final MessageDates.Stdin datedStdin;
    private boolean connected;

    /**
     * @param log where dropped messages are reported: the kernel's own stderr
     * @param stopAfterError true once after a cell failed with {@code stop_on_error} (see {@link GuardedShellChannel})
     */
    public KernelConnection(KernelConnectionProperties properties, PrintStream log, BooleanSupplier stopAfterError)
            throws GeneralSecurityException {
        super(properties);
        this.properties = properties;
        guardedShell = new GuardedShellChannel(context, properties.createHMACGenerator(), false, this, log,
                stopAfterError);
        guardedControl = new GuardedShellChannel(context, properties.createHMACGenerator(), true, this, log,
                () -> false);
        datedIOPub = new MessageDates.IOPub(context, properties.createHMACGenerator());
        datedStdin = new MessageDates.Stdin(context, properties.createHMACGenerator());
    }

    @Override
    public IOPubChannel getIOPub() {
        return datedIOPub;
    }

    @Override
    public ShellReplyEnvironment prepareReplyEnv(ShellChannel shell, MessageContext context) {
        return new ShellReplyEnvironment(shell, datedStdin, datedIOPub, context) {
        };
    }

    /** Binds every socket to the connection file's address and ports, and announces the kernel. */
    @Override
    public synchronized void connect() {
        if (connected) {
            return;
        }
        heartbeat.bind(properties);
        guardedShell.bind(properties);
        guardedControl.bind(properties);
        datedStdin.bind(properties);
        datedIOPub.bind(properties);
        datedIOPub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
        connected = true;
    }

    @Override
    public void close() {
        guardedShell.close();
        guardedControl.close();
        datedIOPub.close();
        datedStdin.close();
        super.close();
        context.close();
    }

    @Override
    public void waitUntilClose() {
        super.waitUntilClose();
        guardedShell.waitUntilClose();
        guardedControl.waitUntilClose();
        datedIOPub.waitUntilClose();
        datedStdin.waitUntilClose();
    }
}

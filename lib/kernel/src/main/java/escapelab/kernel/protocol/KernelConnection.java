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
import java.util.List;
import java.util.function.BooleanSupplier;
import org.zeromq.ZMQ;
import org.zeromq.ZMQException;
import zmq.ZError;

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

    /** @param log where dropped messages are reported: the kernel's own stderr */
    public KernelConnection(KernelConnectionProperties properties, PrintStream log) throws GeneralSecurityException {
        super(properties);
        this.properties = properties;
        guardedShell = new GuardedShellChannel(context, properties.createHMACGenerator(), false, this, log);
        guardedControl = new GuardedShellChannel(context, properties.createHMACGenerator(), true, this, log);
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

    /**
     * Binds every socket to the connection file's address and ports. A kernel does this first:
     * the front end picked ports that were free a moment ago, and until they are bound another
     * process may take one. What arrives waits in the sockets until {@link #serve}.
     *
     * @throws PortTakenException when another process holds one of the ports
     */
    public synchronized void bindPorts() throws PortTakenException {
        claim("heartbeat", properties.getHbPort(), () -> heartbeat.bind(properties));
        for (GuardedShellChannel channel : List.of(guardedShell, guardedControl)) {
            claim(channel.channelName(), channel.port(properties), () -> channel.bind(properties));
        }
        claim("stdin", properties.getStdinPort(), () -> datedStdin.bind(properties));
        claim("iopub", properties.getIopubPort(), () -> datedIOPub.bind(properties));
    }

    private void claim(String channel, int port, Runnable bind) throws PortTakenException {
        try {
            bind.run();
        } catch (ZMQException e) {
            if (e.getErrorCode() == ZError.EADDRINUSE) {
                throw new PortTakenException(channel + " port " + properties.getIp() + ":" + port
                        + " is taken by another process");
            }
            throw e;
        }
    }

    /**
     * Handles what arrives on the bound sockets and announces the kernel.
     *
     * @param stopAfterError true once after a cell failed with {@code stop_on_error} (see {@link GuardedShellChannel})
     */
    public synchronized void serve(BooleanSupplier stopAfterError) {
        guardedShell.serve(stopAfterError);
        guardedControl.serve(() -> false);
        datedIOPub.sendMessage(new Message<>(null, PublishStatus.MESSAGE_TYPE, PublishStatus.STARTING));
    }

    /** basekernel's connect binds the channels this connection replaces: {@link #bindPorts}, then {@link #serve}. */
    @Override
    public void connect() {
        throw new UnsupportedOperationException("bindPorts(), then serve(...)");
    }

    /** Another process holds a port of the connection file. */
    public static final class PortTakenException extends Exception {
        PortTakenException(String message) {
            super(message);
        }
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

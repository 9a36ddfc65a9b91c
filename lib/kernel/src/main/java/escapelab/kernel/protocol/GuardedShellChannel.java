package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that keeps serving whatever arrives. basekernel's own loop dies on
 * the first message it cannot read (a wrong signature, say), leaving the kernel deaf; this one
 * drops such a message, logs it and goes on. It also waits on the socket instead of sleeping
 * between polls, so back-to-back requests are not each delayed. After a cell fails with
 * {@code stop_on_error}, the execute requests already queued are answered {@code aborted}, as
 * the Python kernel does: "Run All" stops at the first error.
 */
final class GuardedShellChannel extends ShellChannel {

    private static final long POLL_MILLIS = 100;

    private final boolean isControl;
    private final JupyterConnection connection;
    private final PrintStream log;
    private BooleanSupplier stopAfterError;
    private volatile boolean serving;
    private Thread loop;

    GuardedShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean isControl, JupyterConnection connection,
            PrintStream log) {
        super(context, hmac, isControl, connection);
        this.isControl = isControl;
        this.connection = connection;
        this.log = log;
    }

    String channelName() {
        return isControl ? "control" : "shell";
    }

    int port(KernelConnectionProperties properties) {
        return isControl ? properties.getControlPort() : properties.getShellPort();
    }

    /** Binds the socket; what arrives waits in it until {@link #serve}. */
    @Override
    public void bind(KernelConnectionProperties properties) {
        bind(formatAddress(properties.getTransport(), properties.getIp(), port(properties)));
    }

    /**
     * Starts reading and handling what arrives.
     *
     * @param stopAfterError asked after each request: true once when a cell failed and the
     *                       requests queued behind it must be aborted
     */
    void serve(BooleanSupplier stopAfterError) {
        if (loop != null) {
            throw new IllegalStateException("the " + channelName() + " channel is served already");
        }
        this.stopAfterError = stopAfterError;
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        serving = true;
        loop = new Thread(() -> readUntilClosed(poller), "escapelab-" + channelName());
        loop.start();
    }

    private void readUntilClosed(ZMQ.Poller poller) {
        try {
            while (serving) {
                if (poller.poll(POLL_MILLIS) > 0 && serving) {
                    Message<?> message = readOrDrop();
                    if (message != null) {
                        dispatch(message, poller);
                    }
                }
            }
        } catch (RuntimeException e) {
            if (serving) { // a socket closed under the poll is how shutting down looks
                log.println("escapelab kernel: the " + channelName() + " channel stopped: " + e);
            }
        } finally {
            poller.close();
        }
    }

    /**
     * Answers the execute requests waiting in the socket {@code aborted}; serves the others. All
     * waiting requests are read before the first answer goes out, as ipykernel flushes its queue
     * first: a client that sends its next cell on seeing the last aborted reply is not aborted too.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void abortQueued(ZMQ.Poller poller) {
        List<Message<?>> queued = new ArrayList<>();
        while (serving && poller.poll(0) > 0) {
            Message<?> message = readOrDrop();
            if (message != null) {
                queued.add(message);
            }
        }
        for (Message<?> message : queued) {
            if (message.getHeader().getType() != MessageType.EXECUTE_REQUEST) {
                dispatch(message, poller);
                continue;
            }
            ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
            env.setBusyDeferIdle();
            env.reply(new Message(message, MessageType.EXECUTE_REPLY, new AbortedReply()));
            env.resolveDeferrals();
        }
    }

    /** The next message, or {@code null} if it was unreadable (all of its frames are consumed). */
    private Message<?> readOrDrop() {
        try {
            return readMessage();
        } catch (SecurityException e) {
            log.println("escapelab kernel: dropped a message on the " + channelName()
                    + " channel: its signature does not match the connection key");
        } catch (RuntimeException e) {
            log.println("escapelab kernel: dropped an unreadable message on the " + channelName() + " channel: " + e);
        }
        return null;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void dispatch(Message message, ZMQ.Poller poller) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            log.println("escapelab kernel: no handler for " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception | StackOverflowError e) {
            log.println("escapelab kernel: handling " + message.getHeader().getType().getName() + " failed: " + e);
        } finally {
            // Abort what was queued before this request's idle status goes out: a front end that
            // waits for idle before sending the next cell must not see that cell aborted.
            if (stopAfterError.getAsBoolean()) {
                abortQueued(poller);
            }
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            serving = false;
            connection.close();
        }
    }

    @Override
    public synchronized void sendMessage(Message<?> message) {
        super.sendMessage(MessageDates.dated(message));
    }

    /**
     * Stops serving, then closes the socket. From another thread it first waits (a few polls at
     * most) for the loop to end: a ZeroMQ socket must not be closed while another thread polls it,
     * and its context would then wait forever for it to close.
     */
    @Override
    public void close() {
        serving = false;
        Thread running = loop;
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join(5 * POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Thread running = loop;
        if (running != null && running != Thread.currentThread()) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

package escapelab.kernel;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.channels.Loop;
import io.github.spencerpark.jupyter.channels.ShellChannel;
import io.github.spencerpark.jupyter.channels.ShellHandler;
import io.github.spencerpark.jupyter.channels.ShellReplyEnvironment;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Message;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import org.zeromq.ZMQ;

/**
 * A shell or control channel that handles a request as soon as it arrives. basekernel's own
 * polls every 50 ms and sleeps in between, which adds 25 ms to every request on average and
 * more than the rest of a trivial cell's round trip.
 */
final class PromptShellChannel extends ShellChannel {

    /** How long one poll blocks; bounds how late the channel notices that it was closed. */
    static final long POLL_MILLIS = 100;

    private static final AtomicInteger IDS = new AtomicInteger();

    private final boolean control;
    private final JupyterConnection connection;
    private volatile Loop loop;

    PromptShellChannel(ZMQ.Context context, HMACGenerator hmac, boolean control, JupyterConnection connection) {
        super(context, hmac, control, connection, 0);
        this.control = control;
        this.connection = connection;
    }

    @Override
    public void bind(KernelConnectionProperties properties) {
        if (loop != null) {
            throw new IllegalStateException("channel already bound");
        }
        int port = control ? properties.getControlPort() : properties.getShellPort();
        String name = (control ? "Control-" : "Shell-") + IDS.getAndIncrement();
        super.bind(formatAddress(properties.getTransport(), properties.getIp(), port));
        ZMQ.Poller poller = ctx.poller(1);
        poller.register(this, ZMQ.Poller.POLLIN);
        loop = new Loop(name, 0, () -> {
            if (poller.poll(POLL_MILLIS) > 0) {
                handle(readMessage());
            }
        });
        // A malformed or wrongly signed message must not end the channel.
        loop.onError(failure -> {
            logger.log(Level.WARNING, name + " dropped a message: " + failure);
            return 0;
        });
        loop.onClose(() -> loop = null);
        loop.start();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void handle(Message message) {
        ShellHandler handler = connection.getHandler(message.getHeader().getType());
        if (handler == null) {
            logger.log(Level.WARNING, "Unhandled message: " + message.getHeader().getType().getName());
            return;
        }
        ShellReplyEnvironment env = connection.prepareReplyEnv(this, message);
        try {
            handler.handle(env, message);
        } catch (Exception e) {
            logger.log(Level.SEVERE, "Handling " + message.getHeader().getType().getName() + " failed: " + e);
        } finally {
            env.resolveDeferrals();
        }
        if (env.isMarkedForShutdown()) {
            connection.close();
        }
    }

    @Override
    public void close() {
        Loop running = loop;
        if (running != null) {
            running.shutdown();
        }
        super.close();
    }

    @Override
    public void waitUntilClose() {
        Loop running = loop;
        if (running != null) {
            try {
                running.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}

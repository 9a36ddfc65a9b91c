package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.channels.IOPubChannel;
import io.github.spencerpark.jupyter.channels.StdinChannel;
import io.github.spencerpark.jupyter.messages.HMACGenerator;
import io.github.spencerpark.jupyter.messages.Header;
import io.github.spencerpark.jupyter.messages.KernelTimestamp;
import io.github.spencerpark.jupyter.messages.Message;
import io.github.spencerpark.jupyter.messages.MessageContext;
import io.github.spencerpark.jupyter.messages.reply.InputReply;
import io.github.spencerpark.jupyter.messages.request.InputRequest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.zeromq.ZMQ;

/**
 * Dates every message the kernel sends to the microsecond, in UTC, as ipykernel does. basekernel
 * dates headers to the minute ({@code 2026-11-28T06:06+0000}), which jupyter_client cannot parse,
 * so front ends could not time cells (JupyterLab's cell timing, nbclient's {@code record_timing}).
 */
final class MessageDates {

    private static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private MessageDates() {
    }

    /** The same message, its header dated now. */
    static <T> Message<T> dated(Message<T> message) {
        Header<T> old = message.getHeader();
        Header<T> header = new Header<>(old.getId(), old.getUsername(), old.getSessionId(),
                new KernelTimestamp(FORMAT.format(Instant.now())), old.getType(), old.getVersion());
        return new Message<>(message.getIdentities(), header, message.getParentHeader(), message.getMetadata(),
                message.getContent(), message.getBlobs());
    }

    /** basekernel's iopub channel, dating what it publishes. */
    static final class IOPub extends IOPubChannel {

        IOPub(ZMQ.Context context, HMACGenerator hmac) {
            super(context, hmac);
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            super.sendMessage(dated(message));
        }
    }

    /** basekernel's stdin channel, dating its input requests. */
    static final class Stdin extends StdinChannel {

        Stdin(ZMQ.Context context, HMACGenerator hmac) {
            super(context, hmac);
        }

        @Override
        public synchronized void sendMessage(Message<?> message) {
            super.sendMessage(dated(message));
        }

        // basekernel's own getInput sends through super.sendMessage, past the dating above.
        @Override
        public synchronized String getInput(MessageContext context, String prompt, boolean isPasswordRequest) {
            sendMessage(new Message<>(context, InputRequest.MESSAGE_TYPE, new InputRequest(prompt, isPasswordRequest)));
            return readMessage(InputReply.MESSAGE_TYPE).getContent().getValue() + System.lineSeparator();
        }
    }
}

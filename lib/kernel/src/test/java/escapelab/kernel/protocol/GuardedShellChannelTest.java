package escapelab.kernel.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.messages.MessageType;
import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zeromq.SocketType;
import org.zeromq.ZMQ;

/** The shell channel over real sockets, with a client that writes the wire protocol by hand. */
class GuardedShellChannelTest {

    private static final String KEY = "a-test-key";

    private final ByteArrayOutputStream log = new ByteArrayOutputStream();
    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failed = new AtomicBoolean();
    private KernelConnectionProperties properties;
    private KernelConnection connection;
    private ZMQ.Context clientContext;
    private ZMQ.Socket client;

    @BeforeAll
    static void quietBaseLibrary() {
        Logger.getLogger("").setLevel(Level.WARNING); // basekernel logs every socket at INFO, as Main knows
    }

    @BeforeEach
    void connect() throws Exception {
        String ports = String.format("\"shell_port\": %d, \"iopub_port\": %d, \"stdin_port\": %d, "
                + "\"control_port\": %d, \"hb_port\": %d", freePort(), freePort(), freePort(), freePort(), freePort());
        properties = KernelConnectionProperties.parse("{" + ports + ", \"ip\": \"127.0.0.1\", "
                + "\"transport\": \"tcp\", \"signature_scheme\": \"hmac-sha256\", \"key\": \"" + KEY + "\"}");
        connection = new KernelConnection(properties, new PrintStream(log, true, StandardCharsets.UTF_8));
        connection.setHandler(MessageType.EXECUTE_REQUEST, (env, message) -> {
            String code = message.getContent().getCode();
            handled.add(code);
            if (code.startsWith("fail")) {
                pause(400); // the requests sent meanwhile queue up in the socket
                failed.set(true);
            }
            env.reply(new ExecuteReply(handled.size(), Map.of()));
        });
        connection.bindPorts();
        connection.serve(() -> failed.getAndSet(false));
        clientContext = ZMQ.context(1);
        client = clientContext.socket(SocketType.DEALER);
        client.setReceiveTimeOut(10_000);
        client.connect("tcp://127.0.0.1:" + properties.getShellPort());
    }

    @AfterEach
    void close() {
        client.close();
        clientContext.close();
        connection.close();
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Sends an execute request of {@code code}, signed with {@code key}; returns its msg_id. */
    private String execute(String code, String key) throws Exception {
        String id = UUID.randomUUID().toString();
        String header = "{\"msg_id\": \"" + id + "\", \"username\": \"test\", \"session\": \"s\", "
                + "\"date\": \"2026-01-01T00:00:00.000000Z\", \"msg_type\": \"execute_request\", \"version\": \"5.3\"}";
        String content = "{\"code\": \"" + code + "\", \"silent\": false, \"store_history\": true, "
                + "\"user_expressions\": {}, \"allow_stdin\": false, \"stop_on_error\": true}";
        List<String> parts = List.of(header, "{}", "{}", content);
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        parts.forEach(part -> mac.update(part.getBytes(StandardCharsets.UTF_8)));
        client.sendMore("<IDS|MSG>");
        client.sendMore(HexFormat.of().formatHex(mac.doFinal()));
        for (int i = 0; i < parts.size(); i++) {
            if (i < parts.size() - 1) {
                client.sendMore(parts.get(i));
            } else {
                client.send(parts.get(i));
            }
        }
        return id;
    }

    /** The next reply: the msg_id it answers and its status. */
    private String[] reply() {
        List<String> frames = new ArrayList<>();
        do {
            String frame = client.recvStr();
            assertTrue(frame != null, "no reply within the timeout; kernel log: " + log);
            frames.add(frame);
        } while (client.hasReceiveMore());
        int delimiter = frames.indexOf("<IDS|MSG>");
        return new String[] {field(frames.get(delimiter + 3), "msg_id"), field(frames.get(delimiter + 5), "status")};
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        assertTrue(matcher.find(), json);
        return matcher.group(1);
    }

    @Test
    void aSecondKernelOnTheSamePortsNamesThePortItFoundTaken() throws Exception {
        KernelConnection second = new KernelConnection(properties, new PrintStream(log, true, StandardCharsets.UTF_8));
        try {
            KernelConnection.PortTakenException taken = assertThrows(KernelConnection.PortTakenException.class,
                    second::bindPorts);
            assertEquals("heartbeat port 127.0.0.1:" + properties.getHbPort() + " is taken by another process",
                    taken.getMessage());
        } finally {
            second.close();
        }
    }

    @Test
    void aMessageWithABadSignatureIsDroppedAndTheChannelServesOn() throws Exception {
        execute("forged", "not-the-key");
        String good = execute("good", KEY);
        String[] reply = reply();
        assertEquals(good, reply[0]);
        assertEquals("ok", reply[1]);
        assertEquals(List.of("good"), handled);
        assertTrue(log.toString(StandardCharsets.UTF_8).contains("signature does not match"), log.toString());
    }

    @Test
    void requestsQueuedBehindAFailureAreAbortedButOneSentOnSeeingTheLastAbortRuns() throws Exception {
        String failing = execute("fail", KEY);
        Thread.sleep(100); // the failing request is being handled now
        String second = execute("second", KEY);
        String third = execute("third", KEY);
        assertEquals(failing, reply()[0]);
        String[] aborted = reply();
        assertEquals(second, aborted[0]);
        assertEquals("aborted", aborted[1]);
        String[] lastAborted = reply();
        assertEquals(third, lastAborted[0]);
        assertEquals("aborted", lastAborted[1]);
        String next = execute("next", KEY);
        String[] ran = reply();
        assertEquals(next, ran[0]);
        assertEquals("ok", ran[1]);
        assertEquals(List.of("fail", "next"), handled);
    }
}

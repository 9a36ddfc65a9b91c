package escapelab.serve;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class JsonServerTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void answersTheStatisticsOfTheValues() throws Exception {
        try (JsonServer server = JsonServer.start(ScratchPool.capped(64 * 1024))) {
            Answer answer = server.post(utf8("{\"id\": \"a\", \"values\": [3, -1, 7]}"));
            assertEquals(200, answer.status());
            assertEquals("{\"count\":3,\"sum\":9,\"min\":-1,\"max\":7}", answer.body());
            assertEquals(1, server.borrowed());
            assertEquals(1, server.returned());
        }
    }

    @Test
    void badInputGetsAClearAnswerAndLosesNoBuffer() throws Exception {
        ScratchPool pool = ScratchPool.unbounded();
        try (JsonServer server = JsonServer.start(pool)) {
            Answer malformed = server.post(utf8("{\"values\": [1, 2,"));
            Answer notJsonAtAll = server.post(utf8("values=1,2"));
            Answer wrongShape = server.post(utf8("{\"values\": [1, \"two\"]}"));
            Answer noValues = server.post(utf8("{\"items\": [1]}"));
            Answer trailing = server.post(utf8("{\"values\": [1]} {}"));
            Answer tooLarge = server.post(new byte[JsonServer.BODY_LIMIT + 1]);
            Answer get = server.send("GET", null);
            Answer delete = server.send("DELETE", null);
            Answer fine = server.post(RequestBodies.ofSize(1000));

            assertEquals(400, malformed.status(), malformed.body());
            assertTrue(malformed.body().contains("malformed JSON"), malformed.body());
            assertEquals(400, notJsonAtAll.status(), notJsonAtAll.body());
            assertEquals(400, wrongShape.status(), wrongShape.body());
            assertTrue(wrongShape.body().contains("expected {\\\"values\\\": [integers]}"), wrongShape.body());
            assertEquals(400, noValues.status(), noValues.body());
            assertEquals(400, trailing.status(), trailing.body());
            assertEquals(413, tooLarge.status(), tooLarge.body());
            assertEquals(405, get.status(), get.body());
            assertEquals(405, delete.status(), delete.body());
            assertEquals(200, fine.status(), fine.body());
            // Every request that got as far as a buffer gave it back: the 405s and the declared
            // 413 never borrow one.
            assertEquals(6, server.borrowed());
            assertEquals(server.borrowed(), server.returned());
        }
    }

    @Test
    void aBodyOfUnknownLengthGrowsWithPooledBuffersAndIsCappedToo() throws Exception {
        try (JsonServer server = JsonServer.start(ScratchPool.unbounded())) {
            byte[] body = RequestBodies.ofSize(100_000);
            assertEquals(200, chunked(server, body));
            assertTrue(server.borrowed() > 1, "grew from " + StatsHandler.UNKNOWN_LENGTH_START + " bytes: "
                    + server.borrowed() + " buffers");
            assertEquals(server.borrowed(), server.returned());

            assertEquals(413, chunked(server, new byte[JsonServer.BODY_LIMIT + 10]));
            assertEquals(server.borrowed(), server.returned());
        }
    }

    /** A POST without Content-Length (chunked), written by hand: HttpClient always declares the length. */
    private static int chunked(JsonServer server, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(utf8("POST " + JsonServer.PATH + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"));
            try {
                for (int off = 0; off < body.length; off += 8192) {
                    int n = Math.min(8192, body.length - off);
                    out.write(utf8(Integer.toHexString(n) + "\r\n"));
                    out.write(body, off, n);
                    out.write(utf8("\r\n"));
                }
                out.write(utf8("0\r\n\r\n"));
                out.flush();
            } catch (IOException closedEarly) {
                // The server may answer 413 and close before the whole body is written.
            }
            String status = new String(socket.getInputStream().readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(status.substring(9, 12));
        }
    }

    @Test
    void aBrokenPoolIsAServerFaultThatSaysWhy() throws Exception {
        ScratchPool tooSmall = new ScratchPool() {
            public byte[] borrow(int size) {
                return new byte[0];
            }

            public void release(byte[] buffer) {
            }

            public long retainedBytes() {
                return 0;
            }
        };
        try (JsonServer server = JsonServer.start(tooSmall)) {
            Answer answer = server.post(RequestBodies.ofSize(100));
            assertEquals(500, answer.status());
            assertTrue(answer.body().contains("borrow must return at least the size asked"), answer.body());
        }
    }

    @Test
    void closeFreesThePortAndEndsTheThreads() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        JsonServer server = JsonServer.start(ScratchPool.none());
        Load.to(server.uri()).requests(20).clients(4).run();
        List<Thread> threads = server.threads();
        assertTrue(threads.size() >= 2, "handler threads and a dispatcher: " + threads);
        server.close();
        assertPortFree(server.port());
        threads.forEach(t -> assertFalse(t.isAlive(), t.getName() + " still runs"));
        assertNoNewThreads(before);
    }

    @Test
    void theServerStopsWhenTheLoadThrows() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        int port;
        List<Thread> threads;
        JsonServer started = null;
        try (JsonServer server = JsonServer.start(ScratchPool.capped(1024))) {
            started = server;
            port = server.port();
            Load failing = Load.to(server.uri()).requests(100).clients(3).body(i -> {
                if (i == 30) {
                    throw new IllegalStateException("the load fails at request 30");
                }
                return RequestBodies.ofSize(500);
            });
            IllegalStateException thrown = assertThrows(IllegalStateException.class, failing::run);
            assertEquals("the load fails at request 30", thrown.getMessage());
            threads = server.threads();
        }
        assertPortFree(port);
        threads.forEach(t -> assertFalse(t.isAlive(), t.getName() + " still runs"));
        assertEquals(started.borrowed(), started.returned());
        assertNoNewThreads(before);
    }

    @Test
    void anInterruptedLoadStopsAndTheServerWithIt() throws Exception {
        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        int[] port = new int[1];
        Throwable[] thrown = new Throwable[1];
        Thread cell = new Thread(() -> {
            try (JsonServer server = JsonServer.start(ScratchPool.unbounded())) {
                port[0] = server.port();
                Load.to(server.uri()).requests(1_000_000).clients(2).run();
            } catch (Throwable t) {
                thrown[0] = t;
            }
        }, "interrupted-cell");
        cell.start();
        Thread.sleep(500);
        cell.interrupt();
        cell.join(15_000);
        assertFalse(cell.isAlive(), "the load did not stop on interrupt");
        assertTrue(thrown[0] instanceof InterruptedException, "thrown: " + thrown[0]);
        assertPortFree(port[0]);
        assertNoNewThreads(before);
    }

    private static void assertPortFree(int port) {
        assertThrows(ConnectException.class, () -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 2000);
            }
        }, "something still listens on port " + port);
    }

    /**
     * No thread started since {@code before} is alive, but for JDK 17's HttpClient selector
     * thread, which ends only when its client is collected (JDK 21 ends it on shutdownNow).
     */
    private static void assertNoNewThreads(Set<Thread> before) throws InterruptedException {
        Set<Thread> left = Set.of();
        for (int attempt = 0; attempt < 50; attempt++) {
            left = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.isAlive())
                    .filter(t -> Runtime.version().feature() >= 21 || !t.getName().endsWith("SelectorManager"))
                    .collect(Collectors.toSet());
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        }
        assertEquals(Set.of(), left.stream().map(Thread::getName).collect(Collectors.toSet()), "threads left running");
    }

    @Test
    void aLoadFromTheServerGoesToThatServer() throws Exception {
        try (JsonServer server = JsonServer.start(ScratchPool.unbounded());
             JsonServer other = JsonServer.start(ScratchPool.unbounded())) {
            LoadResult result = server.load().requests(30).clients(3).bodiesOf(2048).run();

            assertTrue(result.allOk(), result::toString);
            assertEquals(30, server.borrowed(), "one scratch buffer per request");
            assertEquals(30, server.returned());
            assertEquals(0, other.borrowed(), "nothing went to the other server");
        }
    }
}

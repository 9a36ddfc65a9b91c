package escapelab.serve;

import com.sun.net.httpserver.HttpServer;
import escapelab.notebook.Mistake;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loads on a counting server of the test's own: it keeps every body and answers 418 to "teapot". */
class LoadTest {

    private HttpServer server;
    private ExecutorService handlers;
    private final List<byte[]> bodies = Collections.synchronizedList(new ArrayList<>());
    private URI uri;

    @BeforeEach
    void startACountingServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            bodies.add(body);
            int status = new String(body, StandardCharsets.US_ASCII).equals("teapot") ? 418 : 200;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        handlers = Executors.newFixedThreadPool(4);
        server.setExecutor(handlers);
        server.start();
        uri = URI.create("http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort() + "/");
    }

    @AfterEach
    void stopIt() throws InterruptedException {
        server.stop(0);
        handlers.shutdownNow();
        handlers.awaitTermination(5, TimeUnit.SECONDS);
    }

    @Test
    void eachRequestCarriesExactlyTheBytesAskedFor() throws Exception {
        LoadResult result = Load.to(uri).requests(25).clients(3).bodiesOf(777).run();

        assertTrue(result.allOk(), result::toString);
        assertEquals(25, bodies.size());
        byte[] expected = RequestBodies.ofSize(777);
        for (byte[] body : bodies) {
            assertArrayEquals(expected, body);
        }
        assertThrows(Mistake.class, () -> Load.to(uri).bodiesOf(13), "a body is at least 14 bytes");
    }

    @Test
    void theRunCountsTheAnswersByStatus() throws Exception {
        byte[] teapot = "teapot".getBytes(StandardCharsets.US_ASCII);
        LoadResult result = Load.to(uri).requests(10).clients(2)
                .body(i -> i % 3 == 0 ? teapot : RequestBodies.ofSize(100)).run();

        assertEquals(10, result.requests());
        assertEquals(Map.of(200, 6, 418, 4), result.statuses(), "requests 0, 3, 6 and 9 are teapots");
        assertEquals(4, result.answered(418));
        assertEquals(0, result.answered(500));
        assertFalse(result.allOk());
        assertTrue(result.toString().startsWith("10 requests in "), result::toString);
        assertTrue(result.toString().endsWith("answered {200=6, 418=4}"), result::toString);
    }

    @Test
    void eachRequestIsSentOnceAndEachAnswerCountedInTurn() throws Exception {
        List<Integer> counts = Collections.synchronizedList(new ArrayList<>());
        List<Integer> indexes = Collections.synchronizedList(new ArrayList<>());
        LoadResult result = Load.to(uri).requests(40).clients(4).afterEach(counts::add)
                .body(i -> {
                    indexes.add(i);
                    return RequestBodies.ofSize(64);
                }).run();

        assertTrue(result.allOk(), result::toString);
        assertEquals(IntStream.rangeClosed(1, 40).boxed().toList(), counts);
        assertEquals(IntStream.range(0, 40).boxed().toList(), indexes.stream().sorted().toList());
        assertEquals(40, bodies.size());
    }

    @Test
    void theDefaultsAreAThousandRequestsOfOneKibibyte() throws Exception {
        LoadResult result = Load.to(uri).run();
        assertEquals(1000, result.requests());
        assertTrue(result.allOk(), result::toString);
        assertEquals(1000, bodies.size());
        assertTrue(bodies.stream().allMatch(b -> Arrays.equals(RequestBodies.ofSize(1024), b)));
    }

    @Test
    void requestsAndClientsHaveBoundsAndABodyIsNeeded() throws Exception {
        assertThrows(Mistake.class, () -> Load.to(null));
        assertThrows(Mistake.class, () -> Load.to(uri).requests(0));
        assertThrows(Mistake.class, () -> Load.to(uri).clients(0));
        Mistake tooMany = assertThrows(Mistake.class, () -> Load.to(uri).clients(65));
        assertEquals("a load has 1 to 64 clients; got 65", tooMany.getMessage());
        assertThrows(Mistake.class, () -> Load.to(uri).body(null));

        assertEquals(1, Load.to(uri).requests(1).clients(1).run().answered(200), "one request, one client");
        LoadResult many = Load.to(uri).requests(64).clients(64).bodiesOf(14).run();
        assertTrue(many.allOk(), many::toString);
        assertEquals(65, bodies.size());
    }

    @Test
    void aRequestThatFindsNoServerFailsTheRun() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Load nobody = Load.to(URI.create("http://127.0.0.1:" + port + "/")).requests(5).clients(2);
        assertThrows(IOException.class, nobody::run);
    }
}

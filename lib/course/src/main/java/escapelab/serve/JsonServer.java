package escapelab.serve;

import com.sun.net.httpserver.HttpServer;
import escapelab.notebook.Mistake;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The lesson's service on the JDK's {@code HttpServer}, on the loopback address at a free port:
 * {@code POST /stats} with {@code {"values": [1, 2, 3]}} answers {@code {"count":3,"sum":6,"min":1,"max":3}}.
 * Each body is read into a scratch buffer from the given {@link ScratchPool}; the server counts
 * the buffers borrowed and returned. Its handler runs on a fixed number of its own threads, whose
 * allocated bytes it reads. Start it in try-with-resources: {@link #close()} frees the port and
 * ends its threads.
 *
 * <pre>{@code
 * try (JsonServer server = JsonServer.start(ScratchPool.capped(64 * 1024))) {
 *     Answer answer = server.post(RequestBodies.values(3));
 * }
 * }</pre>
 */
public final class JsonServer implements AutoCloseable {

    /** The largest body the server reads; a longer one is answered 413. */
    public static final int BODY_LIMIT = 1 << 20;

    /** The number of threads the handler runs on. */
    public static final int THREADS = 4;

    /** The path the service answers on. */
    public static final String PATH = "/stats";

    static {
        // The JDK's server leaves Nagle's algorithm on unless told otherwise: a response written
        // as headers then body waits for the client's delayed ACK, some 40 ms per request. Read
        // once, when the first server of this JVM starts.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final ServerThreads threads;
    private final CountingPool pool;
    private final URI uri;
    private final Thread dispatcher;

    private JsonServer(HttpServer server, ExecutorService executor, ServerThreads threads, CountingPool pool,
                       Thread dispatcher) {
        this.server = server;
        this.executor = executor;
        this.threads = threads;
        this.pool = pool;
        this.dispatcher = dispatcher;
        InetSocketAddress address = server.getAddress();
        this.uri = URI.create("http://" + address.getAddress().getHostAddress() + ":" + address.getPort() + PATH);
    }

    /**
     * Starts a server on the loopback address, at a port the system picks, with its scratch
     * buffers from {@code pool}.
     *
     * @throws Mistake if the pool is null
     * @throws IOException if no port can be bound
     */
    public static JsonServer start(ScratchPool pool) throws IOException {
        if (pool == null) {
            throw new Mistake("give the server a pool, e.g. JsonServer.start(ScratchPool.none())");
        }
        CountingPool counting = new CountingPool(pool);
        ServerThreads threads = new ServerThreads("json-server");
        ExecutorService executor = Executors.newFixedThreadPool(THREADS, threads);
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        try {
            server.createContext(PATH, new StatsHandler(counting, BODY_LIMIT));
            server.setExecutor(executor);
            List<Thread> before = List.copyOf(Thread.getAllStackTraces().keySet());
            server.start();
            Thread dispatcher = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> !before.contains(t) && t.getName().startsWith("HTTP-Dispatcher"))
                    .findFirst().orElse(null);
            return new JsonServer(server, executor, threads, counting, dispatcher);
        } catch (RuntimeException | Error e) {
            server.stop(0);
            executor.shutdownNow();
            throw e;
        }
    }

    /** Returns the service's address, such as {@code http://127.0.0.1:41234/stats}. */
    public URI uri() {
        return uri;
    }

    /** A bounded load on this server: {@code server.load().requests(200).bodiesOf(16 * 1024).run()}. */
    public Load load() {
        return Load.to(uri);
    }

    /** Returns the port the server listens on. */
    public int port() {
        return uri.getPort();
    }

    /** Returns the pool the server was started with. */
    public ScratchPool pool() {
        return pool.pool();
    }

    /** Returns how many scratch buffers the handler has borrowed so far. */
    public long borrowed() {
        return pool.borrowed();
    }

    /** Returns how many scratch buffers the handler has given back so far. */
    public long returned() {
        return pool.returned();
    }

    /**
     * Returns the bytes allocated so far by the threads the handler runs on: read before and
     * after a load, the difference divided by the requests is the bytes per request.
     */
    public long allocatedBytes() {
        return threads.allocatedBytes();
    }

    /** The threads' name prefix, to tell their events in a JFR recording. */
    String threadPrefix() {
        return threads.prefix();
    }

    /** Returns the threads the server has started so far: its handler's and its dispatcher. */
    public List<Thread> threads() {
        List<Thread> all = new java.util.ArrayList<>(threads.threads());
        if (dispatcher != null) {
            all.add(dispatcher);
        }
        return List.copyOf(all);
    }

    /**
     * Sends one POST with this body and returns the answer.
     *
     * @throws IOException if the request fails
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Answer post(byte[] body) throws IOException, InterruptedException {
        return send("POST", body);
    }

    /**
     * Sends one request with any method (a body for POST and PUT only) and returns the answer.
     *
     * @throws IOException if the request fails
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    public Answer send(String method, byte[] body) throws IOException, InterruptedException {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                .timeout(Duration.ofSeconds(30)).method(method, publisher).build();
        ExecutorService clientThreads = Executors.newSingleThreadExecutor(new ServerThreads("json-probe"));
        HttpClient client = Load.client(clientThreads);
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(response.statusCode(), response.body());
        } finally {
            Load.close(client, clientThreads);
        }
    }

    /**
     * Stops the server: the port is closed and its threads end (it waits up to five seconds for
     * them). Calling it again does nothing.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
            // A terminated executor's workers may still be on their way out: wait for them.
            for (Thread thread : threads()) {
                thread.join(5000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public String toString() {
        return "JSON server at " + uri + " with " + pool.pool();
    }
}

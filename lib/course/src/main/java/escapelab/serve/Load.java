package escapelab.serve;

import escapelab.notebook.Mistake;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * A bounded load on loopback: a fixed number of POST requests from a few concurrent clients,
 * each client sending its next request when the last one is answered; it stops by itself when
 * all are answered, and its threads end with it, also when it fails or is interrupted.
 *
 * <pre>{@code
 * LoadResult result = Load.to(server.uri()).requests(2000).clients(4)
 *         .body(i -> RequestBodies.ofSize(16 * 1024)).run();
 * }</pre>
 */
public final class Load {

    private final URI uri;
    private int requests = 1000;
    private int clients = 4;
    private IntFunction<byte[]> body = i -> RequestBodies.ofSize(1024);
    private IntConsumer afterEach = answered -> { };

    private Load(URI uri) {
        this.uri = uri;
    }

    /**
     * Starts a load on a service's address.
     *
     * @throws Mistake if the address is null
     */
    public static Load to(URI uri) {
        if (uri == null) {
            throw new Mistake("give the load an address, e.g. Load.to(server.uri())");
        }
        return new Load(uri);
    }

    /** Sets the number of requests, 1 or more (default 1000). */
    public Load requests(int requests) {
        if (requests < 1) {
            throw new Mistake("a load sends 1 request or more; got " + requests);
        }
        this.requests = requests;
        return this;
    }

    /** Sets the number of concurrent clients, 1 to 64 (default 4). */
    public Load clients(int clients) {
        if (clients < 1 || clients > 64) {
            throw new Mistake("a load has 1 to 64 clients; got " + clients);
        }
        this.clients = clients;
        return this;
    }

    /** Sets the body of each request, by its index from 0 (default 1 KiB of values). */
    public Load body(IntFunction<byte[]> body) {
        if (body == null) {
            throw new Mistake("give each request a body, e.g. body(i -> RequestBodies.ofSize(1024))");
        }
        this.body = body;
        return this;
    }

    /** Gives every request a body of exactly {@code bytes} bytes ({@link RequestBodies#ofSize(int)}). */
    public Load bodiesOf(int bytes) {
        byte[] each = RequestBodies.ofSize(bytes);
        return body(i -> each);
    }

    /**
     * Runs {@code afterEach} after each answer, with the number of requests answered so far;
     * answers are counted one at a time, so a reading taken there belongs to that count.
     */
    public Load afterEach(IntConsumer afterEach) {
        this.afterEach = afterEach == null ? answered -> { } : afterEach;
        return this;
    }

    /**
     * Sends every request and returns what came back; its client threads have ended when it
     * returns or throws.
     *
     * @throws IOException if a request fails (the rest are cancelled)
     * @throws InterruptedException if interrupted (the rest are cancelled)
     */
    public LoadResult run() throws IOException, InterruptedException {
        ExecutorService clientThreads = Executors.newFixedThreadPool(clients + 1, new ServerThreads("json-load"));
        HttpClient client = client(clientThreads);
        AtomicInteger next = new AtomicInteger();
        Map<Integer, Integer> statuses = new HashMap<>();
        long start = System.nanoTime();
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                running.add(clientThreads.submit(() -> {
                    for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                        HttpRequest request = HttpRequest.newBuilder(uri).version(HttpClient.Version.HTTP_1_1)
                                .timeout(Duration.ofSeconds(30))
                                .POST(HttpRequest.BodyPublishers.ofByteArray(body.apply(i))).build();
                        int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                        synchronized (statuses) {
                            statuses.merge(status, 1, Integer::sum);
                            afterEach.accept(statuses.values().stream().mapToInt(Integer::intValue).sum());
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client1 : running) {
                await(client1);
            }
            return new LoadResult(requests, statuses, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
        } finally {
            close(client, clientThreads);
        }
    }

    private static void await(Future<?> client) throws IOException, InterruptedException {
        try {
            client.get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof InterruptedException ie) {
                throw ie;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** A client on our own threads, HTTP/1.1 (no upgrade attempt), so that closing it ends them. */
    static HttpClient client(ExecutorService threads) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(threads)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Ends a client and its threads. From JDK 21 a client has {@code shutdownNow()}, which ends
     * its selector thread at once; on 17 that one thread ends when the client is collected.
     */
    static void close(HttpClient client, ExecutorService threads) {
        try {
            HttpClient.class.getMethod("shutdownNow").invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // JDK 17: no shutdownNow; the client's threads below are ours and end now.
        }
        threads.shutdownNow();
        try {
            threads.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

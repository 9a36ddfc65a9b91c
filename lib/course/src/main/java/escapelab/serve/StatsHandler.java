package escapelab.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;

import java.io.IOException;
import java.io.InputStream;

/**
 * The handler: POST a JSON body, get its statistics. Bad input gets a clear answer, never a
 * 500: 405 for another method, 413 for a body over the limit, 400 for a body that is not JSON
 * of the expected shape. The scratch buffer goes back to the pool on every path.
 */
final class StatsHandler implements HttpHandler {

    /** The first buffer for a body of unknown length; it grows by doubling. */
    static final int UNKNOWN_LENGTH_START = 16 * 1024;

    private static final JsonFactory JSON = new JsonFactory();

    private final ScratchPool pool;
    private final int bodyLimit;

    StatsHandler(ScratchPool pool, int bodyLimit) {
        this.pool = pool;
        this.bodyLimit = bodyLimit;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            if (!"POST".equals(exchange.getRequestMethod())) {
                exchange.getResponseHeaders().set("Allow", "POST");
                respond(exchange, 405, Stats.error(JSON, exchange.getRequestMethod() + " is not allowed: send a POST"));
                return;
            }
            long declared = declaredLength(exchange);
            if (declared > bodyLimit) {
                drain(in);
                respond(exchange, 413, Stats.error(JSON, tooLarge()));
                return;
            }
            answer(exchange, in, declared >= 0 ? (int) declared : UNKNOWN_LENGTH_START);
        } catch (RuntimeException e) {
            // Not bad input but a fault of the server, such as a pool that broke its contract:
            // a 500 that says so, rather than a connection closed without an answer.
            if (exchange.getResponseCode() == -1) {
                respond(exchange, 500, Stats.error(JSON, "server fault: " + e.getMessage()));
            }
        } finally {
            exchange.close();
        }
    }

    /** Answers from the body; the buffer is back in the pool before the answer is sent. */
    private void answer(HttpExchange exchange, InputStream in, int initialSize) throws IOException {
        int status;
        byte[] response;
        try (ScratchBody body = new ScratchBody(pool, initialSize)) {
            body.readFrom(in, bodyLimit);
            response = Stats.decode(JSON, body.bytes(), body.length()).render(JSON);
            status = 200;
        } catch (ScratchBody.TooLarge e) {
            drain(in);
            status = 413;
            response = Stats.error(JSON, tooLarge());
        } catch (JsonProcessingException e) {
            status = 400;
            response = Stats.error(JSON, "malformed JSON: " + e.getOriginalMessage() + "; " + Stats.SHAPE);
        } catch (Stats.WrongShape e) {
            status = 400;
            response = Stats.error(JSON, e.getMessage());
        }
        respond(exchange, status, response);
    }

    /** How much of a body over the limit is read and thrown away before the 413 is sent. */
    static final long DRAIN_LIMIT = 16L << 20;

    /**
     * Reads the rest of a refused body, up to {@link #DRAIN_LIMIT}, so that the answer reaches
     * the client: a socket closed with unread input sends a reset, which can destroy the 413
     * before the client reads it. A larger body loses its connection, as it should.
     */
    private static void drain(InputStream in) throws IOException {
        byte[] sink = new byte[8192];
        long drained = 0;
        for (int n; drained < DRAIN_LIMIT && (n = in.read(sink)) >= 0; ) {
            drained += n;
        }
    }

    private String tooLarge() {
        return "the body is over the limit of " + bodyLimit + " bytes: send less";
    }

    /** Content-Length, or -1 when absent or not a number (the body is then read up to the limit). */
    private static long declaredLength(HttpExchange exchange) {
        String value = exchange.getRequestHeaders().getFirst("Content-Length");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void respond(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }
}

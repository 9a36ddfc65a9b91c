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
                respond(exchange, 413, Stats.error(JSON, tooLarge()));
                return;
            }
            answer(exchange, in, declared >= 0 ? (int) declared : UNKNOWN_LENGTH_START);
        } finally {
            exchange.close();
        }
    }

    private void answer(HttpExchange exchange, InputStream in, int initialSize) throws IOException {
        int status;
        String error;
        try (ScratchBody body = new ScratchBody(pool, initialSize)) {
            body.readFrom(in, bodyLimit);
            Stats stats = Stats.decode(JSON, body.bytes(), body.length());
            respond(exchange, 200, stats.render(JSON));
            return;
        } catch (ScratchBody.TooLarge e) {
            status = 413;
            error = tooLarge();
        } catch (JsonProcessingException e) {
            status = 400;
            error = "malformed JSON: " + e.getOriginalMessage() + "; " + Stats.SHAPE;
        } catch (Stats.WrongShape e) {
            status = 400;
            error = e.getMessage();
        }
        respond(exchange, status, Stats.error(JSON, error));
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

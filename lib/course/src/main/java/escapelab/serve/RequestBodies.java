package escapelab.serve;

import escapelab.notebook.Mistake;

import java.nio.charset.StandardCharsets;

/** Request bodies for the service: {@code {"values": [...]}} of a given size. */
public final class RequestBodies {

    private RequestBodies() {
    }

    /**
     * Returns a body of exactly {@code bytes} bytes (at least 14): {@code {"values":[...]}} with
     * six-digit integers, padded with spaces.
     *
     * @throws Mistake if {@code bytes} is below 14
     */
    public static byte[] ofSize(int bytes) {
        String open = "{\"values\":[";
        String close = "]}";
        if (bytes < open.length() + close.length() + 1) {
            throw new Mistake("a body is at least 14 bytes; asked for " + bytes);
        }
        StringBuilder json = new StringBuilder(bytes).append(open).append(100_000);
        for (int v = 100_001; json.length() + 7 + close.length() <= bytes; v = v == 999_999 ? 100_000 : v + 1) {
            json.append(',').append(v);
        }
        json.append(close);
        while (json.length() < bytes) {
            json.append(' ');
        }
        return json.toString().getBytes(StandardCharsets.US_ASCII);
    }
}

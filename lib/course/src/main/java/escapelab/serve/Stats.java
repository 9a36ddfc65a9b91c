package escapelab.serve;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * What the service computes: count, sum, minimum and maximum of a body {@code {"values": [1, 2, 3]}}
 * (other fields are skipped), decoded from the scratch buffer with Jackson's streaming parser,
 * which reads integers without boxing them.
 */
record Stats(long count, long sum, long min, long max) {

    /** A body that is JSON but not the expected shape. */
    static final class WrongShape extends Exception {
        WrongShape(String message) {
            super(message);
        }
    }

    static final String SHAPE = "expected {\"values\": [integers]}";

    /**
     * Decodes {@code length} bytes of {@code body}.
     *
     * @throws com.fasterxml.jackson.core.JsonProcessingException if the bytes are not JSON
     * @throws WrongShape if they are JSON of another shape
     */
    static Stats decode(JsonFactory json, byte[] body, int length) throws IOException, WrongShape {
        try (JsonParser parser = json.createParser(body, 0, length)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WrongShape(SHAPE);
            }
            Stats stats = null;
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                JsonToken value = parser.nextToken();
                if ("values".equals(field) && value == JsonToken.START_ARRAY) {
                    stats = values(parser);
                } else {
                    parser.skipChildren();
                }
            }
            if (stats == null) {
                throw new WrongShape(SHAPE + "; found no \"values\" array");
            }
            if (parser.nextToken() != null) {
                throw new WrongShape(SHAPE + "; found more after the object");
            }
            return stats;
        }
    }

    private static Stats values(JsonParser parser) throws IOException, WrongShape {
        long count = 0;
        long sum = 0;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        JsonToken token;
        while ((token = parser.nextToken()) == JsonToken.VALUE_NUMBER_INT) {
            long v = parser.getLongValue();
            count++;
            sum += v;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (token != JsonToken.END_ARRAY) {
            throw new WrongShape(SHAPE + "; found " + token + " among the values");
        }
        return new Stats(count, sum, min, max);
    }

    /** The response body: {@code {"count":3,"sum":6,"min":1,"max":3}}. */
    byte[] render(JsonFactory json) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeNumberField("count", count);
            g.writeNumberField("sum", sum);
            if (count > 0) {
                g.writeNumberField("min", min);
                g.writeNumberField("max", max);
            }
            g.writeEndObject();
        }
        return out.toByteArray();
    }

    /** An error body: {@code {"error":"…"}}. */
    static byte[] error(JsonFactory json, String message) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(96);
        try (JsonGenerator g = json.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("error", message);
            g.writeEndObject();
        }
        return out.toByteArray();
    }
}

package escapelab.parse;

import com.code_intelligence.jazzer.junit.FuzzTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fuzzes {@link HeaderParser}: whatever the bytes, it returns a header that agrees with them or
 * throws {@link MalformedHeaderException}; anything else (an out-of-bounds read above all) is a
 * finding.
 *
 * <p>In every test run, Jazzer replays the saved inputs in
 * {@code src/test/resources/escapelab/parse/HeaderParserFuzzTestInputs/parse/} (a valid header,
 * one per malformation, and any crash a fuzz run saved there). With {@code JAZZER_FUZZ=1} it
 * fuzzes instead, guided by coverage, for {@code maxDuration} or {@code -max_total_time}, and
 * saves a crashing input in that folder, where every later test run replays it.
 */
class HeaderParserFuzzTest {

    private final Header header = new Header();

    @FuzzTest(maxDuration = "60s")
    void parse(byte[] input) {
        Header parsed;
        try {
            parsed = HeaderParser.parse(input, header);
        } catch (MalformedHeaderException expected) {
            assertTrue(expected.getMessage().startsWith(expected.field() + ": "), expected.getMessage());
            return;
        }
        assertEquals(HeaderParser.VERSION, parsed.version());
        assertTrue(parsed.length() <= input.length - HeaderParser.SIZE, parsed::toString);
        assertEquals(HeaderParser.checksumOf(input), parsed.checksum());
    }
}

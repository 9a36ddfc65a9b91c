package escapelab.parse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HeaderParserTest {

    private static byte[] packet(int flags, int length, long id, int payload) {
        byte[] bytes = new byte[HeaderParser.SIZE + payload];
        HeaderParser.write(bytes, flags, length, id);
        return bytes;
    }

    @Test
    void readsEveryFieldBigEndianIntoTheCallersHeader() {
        byte[] bytes = packet(0x5, 3, 0x0102030405060708L, 3);
        Header header = new Header();

        assertSame(header, HeaderParser.parse(bytes, header));

        assertEquals(1, header.version());
        assertEquals(5, header.flags());
        assertEquals(3, header.length());
        assertEquals(0x0102030405060708L, header.id());
        assertEquals(HeaderParser.checksumOf(bytes), header.checksum());
        // Big-endian: the id's most significant byte comes first.
        assertEquals(0x01, bytes[12]);
        assertEquals(0x45, bytes[0]);
    }

    @Test
    void readsALengthAboveIntMaxAsUnsignedAndRejectsIt() {
        byte[] bytes = packet(0, -1, 7, 0);

        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(bytes, new Header()));

        assertEquals("length", e.field());
        assertEquals("length: 4294967295 payload bytes, but only 0 follow the header", e.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, magic", "3, magic", "4, version", "7, flags", "8, length", "12, id", "19, id", "23, checksum"})
    void namesTheFirstFieldAShortInputCutsOff(int available, String field) {
        byte[] bytes = Arrays.copyOf(packet(0, 0, 1, 0), available);

        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(bytes, new Header()));

        assertEquals(field, e.field());
        assertEquals(field + ": needs bytes up to " + endOf(field) + ", the input has " + available
                + " (a header is 24 bytes)", e.getMessage());
    }

    private static int endOf(String field) {
        return switch (field) {
            case "magic" -> 4;
            case "version" -> 6;
            case "flags" -> 8;
            case "length" -> 12;
            case "id" -> 20;
            default -> 24;
        };
    }

    @Test
    void rejectsAWrongMagicByName() {
        byte[] bytes = packet(0, 0, 1, 0);
        bytes[0] = 'X';

        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(bytes, new Header()));

        assertEquals("magic: expected 0x454C4142, found 0x584C4142", e.getMessage());
    }

    @Test
    void rejectsAnotherVersionReservedFlagsAndAWrongChecksum() {
        byte[] version = packet(0, 0, 1, 0);
        version[5] = 2;
        byte[] flags = packet(0x10, 0, 1, 0);
        byte[] checksum = packet(0, 0, 1, 0);
        checksum[23] ^= 1;

        assertEquals("version", assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(version, new Header())).field());
        assertEquals("flags", assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(flags, new Header())).field());
        assertEquals("checksum", assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(checksum, new Header())).field());
    }

    @Test
    void rejectsALengthThatTheInputDoesNotHold() {
        byte[] bytes = packet(0, 10, 1, 9);

        MalformedHeaderException e = assertThrows(MalformedHeaderException.class,
                () -> HeaderParser.parse(bytes, new Header()));

        assertEquals("length: 10 payload bytes, but only 9 follow the header", e.getMessage());
    }
}

package escapelab.parse;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Parses the 24-byte header of {@link escapelab.parse the package's format} without allocating:
 * big-endian views of the byte array read each field in one access, and every bound is checked
 * before any read, so malformed input gets a {@link MalformedHeaderException}, never an
 * out-of-bounds read.
 */
public final class HeaderParser {

    /** The header's size in bytes. */
    public static final int SIZE = 24;
    /** The first four bytes of every header: "ELAB" in ASCII. */
    public static final int MAGIC = 0x454C4142;
    /** The only version this parser reads. */
    public static final int VERSION = 1;
    /** The flag bits the format defines; the others are reserved. */
    public static final int DEFINED_FLAGS = 0x000F;

    // Static final, so that C2 inlines each access to a plain load (no boxing, no varargs).
    private static final VarHandle SHORT = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private static final String[] FIELDS = {"magic", "version", "flags", "length", "id", "checksum"};
    private static final int[] ENDS = {4, 6, 8, 12, 20, 24};

    private HeaderParser() {
    }

    /**
     * Reads the header at the start of {@code src} into {@code into}, and returns {@code into}.
     * The payload ({@code length} bytes) must follow the header in {@code src}.
     *
     * @throws MalformedHeaderException naming the field, if the input is shorter than a header
     *     (the first field that does not fit), has the wrong magic or version, reserved flags set,
     *     a length larger than the bytes after the header, or a checksum that does not match
     * @throws NullPointerException if {@code src} or {@code into} is null
     */
    public static Header parse(byte[] src, Header into) {
        if (src.length < SIZE) {
            int field = firstFieldPast(src.length);
            throw new MalformedHeaderException(FIELDS[field], "needs bytes up to " + ENDS[field]
                    + ", the input has " + src.length + " (a header is " + SIZE + " bytes)");
        }
        int magic = (int) INT.get(src, 0);
        if (magic != MAGIC) {
            throw new MalformedHeaderException("magic", "expected 0x" + hex(MAGIC) + ", found 0x" + hex(magic));
        }
        int version = Short.toUnsignedInt((short) SHORT.get(src, 4));
        if (version != VERSION) {
            throw new MalformedHeaderException("version", "expected " + VERSION + ", found " + version);
        }
        int flags = Short.toUnsignedInt((short) SHORT.get(src, 6));
        if ((flags & ~DEFINED_FLAGS) != 0) {
            throw new MalformedHeaderException("flags", "reserved bits set: 0x" + Integer.toHexString(flags));
        }
        long length = Integer.toUnsignedLong((int) INT.get(src, 8));
        if (length > src.length - SIZE) {
            throw new MalformedHeaderException("length", length + " payload bytes, but only "
                    + (src.length - SIZE) + " follow the header");
        }
        int checksum = (int) INT.get(src, 20);
        int expected = checksumOf(src);
        if (checksum != expected) {
            throw new MalformedHeaderException("checksum", "expected 0x" + hex(expected) + ", found 0x" + hex(checksum));
        }
        into.version = version;
        into.flags = flags;
        into.length = length;
        into.id = (long) LONG.get(src, 12);
        into.checksum = checksum;
        return into;
    }

    /**
     * The checksum a header with these first 20 bytes must carry: the XOR of its five
     * big-endian 32-bit words.
     *
     * @throws IndexOutOfBoundsException if {@code src} is shorter than 20 bytes
     */
    public static int checksumOf(byte[] src) {
        return (int) INT.get(src, 0) ^ (int) INT.get(src, 4) ^ (int) INT.get(src, 8)
                ^ (int) INT.get(src, 12) ^ (int) INT.get(src, 16);
    }

    /**
     * Writes a valid header with these fields at the start of {@code dst}, checksum included:
     * for tests and seed inputs.
     *
     * @throws IndexOutOfBoundsException if {@code dst} is shorter than a header
     */
    public static void write(byte[] dst, int flags, int length, long id) {
        INT.set(dst, 0, MAGIC);
        SHORT.set(dst, 4, (short) VERSION);
        SHORT.set(dst, 6, (short) flags);
        INT.set(dst, 8, length);
        LONG.set(dst, 12, id);
        INT.set(dst, 20, checksumOf(dst));
    }

    private static int firstFieldPast(int available) {
        int field = 0;
        while (ENDS[field] <= available) {
            field++;
        }
        return field;
    }

    private static String hex(int value) {
        return String.format("%08X", value);
    }
}

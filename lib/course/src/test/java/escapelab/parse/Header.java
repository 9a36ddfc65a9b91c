package escapelab.parse;

/**
 * A parsed header, owned by the caller and filled again by every
 * {@link HeaderParser#parse(byte[], Header)}: one object for a whole stream of packets.
 */
public final class Header {

    int version;
    int flags;
    long length;
    long id;
    int checksum;

    /** The format's version (unsigned 16 bits). */
    public int version() {
        return version;
    }

    /** The flag bits (unsigned 16 bits; only bits 0-3 may be set). */
    public int flags() {
        return flags;
    }

    /** The payload's length in bytes, which follow the header (unsigned 32 bits). */
    public long length() {
        return length;
    }

    /** The packet's id. */
    public long id() {
        return id;
    }

    /** The header's checksum, as read (it matched). */
    public int checksum() {
        return checksum;
    }

    @Override
    public String toString() {
        return "Header[version=" + version + ", flags=0x" + Integer.toHexString(flags) + ", length=" + length
                + ", id=" + id + ", checksum=0x" + Integer.toHexString(checksum) + "]";
    }
}

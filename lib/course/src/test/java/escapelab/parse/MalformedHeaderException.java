package escapelab.parse;

/**
 * Input that is not a valid header, naming the field that is wrong: its message starts with
 * the field's name ({@code "magic: expected 0x454C4142, found 0x00000000"}).
 */
public final class MalformedHeaderException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;

    MalformedHeaderException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field that is wrong: magic, version, flags, length, id or checksum. */
    public String field() {
        return field;
    }
}

package escapelab.fuzz;

/** A fuzz target with a bug a fuzzer finds at once: inputs starting with 'E' read byte 4. */
public final class ReadsPastFourBytes {

    private ReadsPastFourBytes() {
    }

    /** Where the read goes, so that it is not optimized away. */
    static volatile byte read;

    /** Jazzer's entry point: a longer input read from 'E' is fine, a shorter one is the bug. */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length > 0 && input[0] == 'E') {
            read = input[4];
        }
    }
}

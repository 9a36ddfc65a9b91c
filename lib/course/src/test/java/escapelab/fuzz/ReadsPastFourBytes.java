package escapelab.fuzz;

/** A fuzz target with a bug a fuzzer finds at once: inputs starting with 'E' read byte 4. */
public final class ReadsPastFourBytes {

    private ReadsPastFourBytes() {
    }

    /** Jazzer's entry point. */
    public static void fuzzerTestOneInput(byte[] input) {
        if (input.length > 0 && input[0] == 'E' && input[4] == 0) {
            throw new IllegalStateException("unreachable: the read above fails first on short inputs");
        }
    }
}

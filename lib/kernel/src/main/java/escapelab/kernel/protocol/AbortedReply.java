package escapelab.kernel.protocol;

/**
 * The reply to an execute request that was never run: an earlier cell failed while it waited
 * (the message spec's {@code status: aborted}, what "Run All" expects after an error).
 */
final class AbortedReply {

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "aborted";
}

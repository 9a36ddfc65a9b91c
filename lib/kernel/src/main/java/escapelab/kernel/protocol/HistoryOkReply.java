package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.messages.ContentType;
import io.github.spencerpark.jupyter.messages.MessageType;
import java.util.List;

/**
 * A history reply as the protocol has it: {@code status: ok} and entries as
 * {@code [session, line, input]} or {@code [session, line, [input, output]]}. basekernel's own
 * reply lacks the status and, sent as it is, gives each entry as an object.
 */
public final class HistoryOkReply implements ContentType<HistoryOkReply> {

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";
    @SuppressWarnings("unused")
    private final List<List<Object>> history;

    /** @param withOutput whether each entry carries the text of the cell's result too */
    public HistoryOkReply(List<CellHistory.Entry> entries, boolean withOutput) {
        history = entries.stream()
                .map(e -> List.<Object>of(e.session(), e.line(), withOutput ? List.of(e.input(), e.output()) : e.input()))
                .toList();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"}) // basekernel types the reply as its own class
    public MessageType<HistoryOkReply> getType() {
        return (MessageType) MessageType.HISTORY_REPLY;
    }
}

package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.messages.reply.ExecuteReply;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** An execute reply whose payload asks the front end to page text, as {@code name?} does. */
public final class PagedExecuteReply extends ExecuteReply {

    @SuppressWarnings("unused") // serialized by Gson
    private final List<Map<String, Object>> payload;

    /** @param text what the front end pages, instead of showing an output */
    public PagedExecuteReply(int executionCount, String text) {
        super(executionCount, Collections.emptyMap());
        payload = List.of(Map.of("source", "page", "data", Map.of("text/plain", text), "start", 0));
    }
}

package escapelab.kernel.protocol;

import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.messages.reply.KernelInfoReply;
import java.util.List;

/**
 * basekernel's kernel_info reply plus the {@code status: ok} that the messaging protocol
 * requires of every reply and that basekernel leaves out (clients that validate replies, such as
 * jupyter_kernel_test, reject it).
 */
public final class KernelInfoOkReply extends KernelInfoReply {

    @SuppressWarnings("unused") // serialized by Gson
    private final String status = "ok";

    /** basekernel's reply with these parts, plus {@code status: ok}. */
    public KernelInfoOkReply(String protocolVersion, String implementation, String implementationVersion,
            LanguageInfo languageInfo, String banner, List<LanguageInfo.Help> helpLinks) {
        super(protocolVersion, implementation, implementationVersion, languageInfo, banner, helpLinks);
    }
}

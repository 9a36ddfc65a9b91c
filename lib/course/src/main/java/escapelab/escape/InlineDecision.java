package escapelab.escape;

import java.util.List;

/**
 * C2's answer to "inline this call?", as the compile log gives it.
 *
 * @param callSite the call, innermost first: the calling method and bytecode index, then its callers
 * @param callee the method called
 * @param inlined whether it was inlined
 * @param reason C2's words, e.g. {@code callee is too large} or {@code disallowed by CompileCommand}
 */
record InlineDecision(List<Frame> callSite, MethodRef callee, boolean inlined, String reason) {

    InlineDecision {
        callSite = List.copyOf(callSite);
    }

    MethodRef caller() {
        return callSite.get(0).method();
    }
}

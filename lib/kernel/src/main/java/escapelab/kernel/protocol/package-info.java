/**
 * The Jupyter messaging protocol, and the fixes this kernel needs to jupyter-jvm-basekernel:
 * shell and control channels that survive a bad message and abort queued cells after an error
 * ({@link escapelab.kernel.protocol.GuardedShellChannel}), headers dated as jupyter_client
 * parses them ({@link escapelab.kernel.protocol.MessageDates}), replies with the fields the spec
 * requires ({@link escapelab.kernel.protocol.KernelInfoOkReply},
 * {@link escapelab.kernel.protocol.HistoryOkReply}, {@link escapelab.kernel.protocol.AbortedReply},
 * {@link escapelab.kernel.protocol.PagedExecuteReply}), and iopub for any thread with
 * {@code System.out}/{@code System.err} streamed live ({@link escapelab.kernel.protocol.IOPublisher}).
 *
 * <p>It depends on nothing else of the kernel: the protocol is the same whatever runs the cells,
 * and a fix to the base library stays here, next to the others.
 */
package escapelab.kernel.protocol;

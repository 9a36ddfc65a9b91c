/**
 * Running cells in JShell inside the kernel's JVM, so that a cell's objects can be rendered and
 * libraries keep their state from cell to cell: {@link escapelab.kernel.shell.JShellSession}
 * splits source into snippets, evaluates them and places what goes wrong on the learner's lines;
 * the execution control keeps the objects cells return, notes interrupts and keeps cells from
 * ending the JVM ({@link escapelab.kernel.shell.ExitGuard}); start-up, idle-time warm-up and a
 * compiler file manager that keeps its class path index make cells fast (see LATENCY.md).
 *
 * <p>JShell's generated names (wrapper classes, snippet ids) stay in this room: what leaves it
 * names the learner's cells and lines.
 */
package escapelab.kernel.shell;

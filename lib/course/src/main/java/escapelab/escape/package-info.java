/**
 * The escape report, the JVM's answer to {@code go build -gcflags=-m}: {@link escapelab.escape.Escapes}
 * runs benchmarks in forks that write HotSpot's compile log, {@link escapelab.escape.SiteReader}
 * finds every allocation site in the bytecode, and {@link escapelab.escape.Verdicts} judges each
 * from C2's records into an {@link escapelab.escape.EscapeReport} of
 * {@link escapelab.escape.Finding}s.
 */
package escapelab.escape;

/**
 * Documentation for inspection: Javadoc read from a library's sources where JShell knows only
 * the JDK's, and Javadoc rendered as Markdown and plain text instead of raw tags.
 */
package escapelab.kernel.doc;

/**
 * The course's surface: {@link escapelab.Course}, whose static methods are the words a notebook
 * cell says ({@code bench}, {@code escapes}, {@code chart}, {@code check}, {@code submit}, ...),
 * each handing on to the package that owns the work. Below it, one concern per package:
 * {@code cell} compiles {@code %%jmh} cells, {@code bench} runs JMH, {@code measure} measures
 * inside the kernel, {@code escape} reads C2's compile log, {@code view} shows, {@code check}
 * judges, {@code submit} exports, {@code serve} and {@code fuzz} serve two lessons, and
 * {@code evidence} is what they all record.
 */
package escapelab;

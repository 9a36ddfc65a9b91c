/**
 * Magics, the lines a cell starts with {@code %} or {@code %%}: how a cell's text splits into
 * magics and Java code ({@link escapelab.kernel.magic.CellSource}), the kernel's line magics
 * ({@code %jars}, {@code %classpath}, {@code %maven} with its resolver, {@code %load}), what
 * {@code %%time} reports, and the cell magics libraries register with the notebook seam, run on
 * a thread of their own so that an interrupt reaches them.
 */
package escapelab.kernel.magic;

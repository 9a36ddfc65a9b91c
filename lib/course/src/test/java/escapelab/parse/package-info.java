/**
 * The reference copy of notebook 13's parser: a fixed 24-byte header read from a
 * {@code byte[]} into a caller-owned {@link escapelab.parse.Header} through
 * {@code MethodHandles.byteArrayViewVarHandle}, without allocating and without
 * {@code sun.misc.Unsafe}. The notebook's learner writes the same parser in a {@code %%jmh}
 * cell; this copy is what the course's fuzz test ({@code HeaderParserFuzzTest}) targets.
 *
 * <p>The format, every field big-endian (network order):
 * <pre>
 * offset size field     rule
 *      0    4 magic     0x454C4142, "ELAB" in ASCII
 *      4    2 version   1
 *      6    2 flags     bits 0-3 defined, the others reserved and zero
 *      8    4 length    payload bytes after the header, unsigned; they must all be there
 *     12    8 id        any value
 *     20    4 checksum  the XOR of the five 32-bit words at offsets 0, 4, 8, 12 and 16
 * </pre>
 */
package escapelab.parse;

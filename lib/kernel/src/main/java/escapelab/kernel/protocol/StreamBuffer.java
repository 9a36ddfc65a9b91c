package escapelab.kernel.protocol;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Collects what any thread writes to {@code System.out} or {@code System.err} until the
 * {@link IOPublisher} sends it. Batching matters: a cell printing in a loop would otherwise send
 * one message per print.
 */
final class StreamBuffer extends OutputStream {

    private byte[] bytes = new byte[8192];
    private int count;

    @Override
    public synchronized void write(int b) {
        ensureRoom(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public synchronized void write(byte[] source, int offset, int length) {
        ensureRoom(length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    /**
     * Removes and returns the buffered text. A trailing, still incomplete UTF-8 sequence stays
     * buffered, so that a character split across two writes is not garbled.
     */
    synchronized String drain() {
        int end = completeUtf8Length(bytes, count);
        String text = new String(bytes, 0, end, StandardCharsets.UTF_8);
        System.arraycopy(bytes, end, bytes, 0, count - end);
        count -= end;
        return text;
    }

    /** The length of the longest prefix of {@code data[0, length)} that ends on a whole character. */
    static int completeUtf8Length(byte[] data, int length) {
        int start = length - 1;
        while (start >= 0 && length - start <= 4 && (data[start] & 0xC0) == 0x80) {
            start--;
        }
        if (start < 0 || length - start > 4) {
            return length;
        }
        int lead = data[start] & 0xFF;
        int needed = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        return length - start < needed ? start : length;
    }

    private void ensureRoom(int more) {
        if (count + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, count + more));
        }
    }
}

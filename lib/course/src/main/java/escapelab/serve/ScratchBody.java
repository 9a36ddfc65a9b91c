package escapelab.serve;

import java.io.IOException;
import java.io.InputStream;

/**
 * A request body read into a buffer borrowed from a pool, growing (with buffers from the same
 * pool) when the body is longer than announced or of unknown length. Closing it gives the
 * current buffer back, on every path, a failed read included.
 */
final class ScratchBody implements AutoCloseable {

    /** Raised when a body is longer than the server accepts. */
    static final class TooLarge extends Exception {
        TooLarge(int limit) {
            super("the body is over the limit of " + limit + " bytes");
        }
    }

    private final ScratchPool pool;
    private byte[] buffer;
    private int length;

    ScratchBody(ScratchPool pool, int initialSize) {
        this.pool = pool;
        this.buffer = pool.borrow(initialSize);
    }

    /**
     * Reads the stream to its end.
     *
     * @throws TooLarge as soon as more than {@code limit} bytes arrive
     */
    void readFrom(InputStream in, int limit) throws IOException, TooLarge {
        while (true) {
            if (length == buffer.length) {
                // Full, as it is when the body had its announced length: grow only if more comes.
                int next = in.read();
                if (next < 0) {
                    return;
                }
                if (length >= limit) {
                    throw new TooLarge(limit);
                }
                grow(Math.min(Math.max(2 * buffer.length, 1024), limit + 1));
                buffer[length++] = (byte) next;
            }
            int read = in.read(buffer, length, buffer.length - length);
            if (read < 0) {
                return;
            }
            length += read;
            if (length > limit) {
                throw new TooLarge(limit);
            }
        }
    }

    private void grow(int size) {
        byte[] larger = pool.borrow(size);
        System.arraycopy(buffer, 0, larger, 0, length);
        byte[] old = buffer;
        buffer = larger;
        pool.release(old);
    }

    byte[] bytes() {
        return buffer;
    }

    int length() {
        return length;
    }

    @Override
    public void close() {
        pool.release(buffer);
        buffer = null;
    }
}

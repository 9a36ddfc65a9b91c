package escapelab.serve;

/** The baseline: a new buffer per borrow, nothing kept. */
final class NoPool implements ScratchPool {

    @Override
    public byte[] borrow(int size) {
        return new byte[size];
    }

    @Override
    public void release(byte[] buffer) {
        // Dropped: the garbage collector takes it.
    }

    @Override
    public long retainedBytes() {
        return 0;
    }

    @Override
    public String toString() {
        return "no pool";
    }
}

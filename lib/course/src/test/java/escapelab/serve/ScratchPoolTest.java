package escapelab.serve;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScratchPoolTest {

    @Test
    void noPoolAllocatesEveryTimeAndKeepsNothing() {
        ScratchPool pool = ScratchPool.none();
        byte[] first = pool.borrow(100);
        pool.release(first);
        assertNotSame(first, pool.borrow(100));
        assertEquals(0, pool.retainedBytes());
    }

    @Test
    void aPoolHandsBackTheBufferItKept() {
        ScratchPool pool = ScratchPool.unbounded();
        byte[] first = pool.borrow(100);
        pool.release(first);
        assertEquals(100, pool.retainedBytes());
        assertSame(first, pool.borrow(50));
        assertEquals(0, pool.retainedBytes());
    }

    @Test
    void aKeptBufferTooSmallIsDroppedForANewOne() {
        ScratchPool pool = ScratchPool.unbounded();
        pool.release(new byte[10]);
        byte[] larger = pool.borrow(20);
        assertEquals(20, larger.length);
        assertEquals(0, pool.retainedBytes());
    }

    @Test
    void withoutACapALargeBufferStaysInThePool() {
        ScratchPool pool = ScratchPool.unbounded();
        pool.release(pool.borrow(1 << 20));
        assertEquals(1 << 20, pool.retainedBytes());
        byte[] small = pool.borrow(100);
        pool.release(small);
        assertEquals(1 << 20, small.length, "a small request got the large buffer");
        assertEquals(1 << 20, pool.retainedBytes());
    }

    @Test
    void theCapDiscardsLargerBuffersOnRelease() {
        ScratchPool pool = ScratchPool.capped(1024);
        pool.release(pool.borrow(1024));
        assertEquals(1024, pool.retainedBytes());
        pool.release(pool.borrow(1025));
        assertEquals(0, pool.retainedBytes(), "the 1025-byte buffer replaced the kept one and was dropped");
        assertThrows(IllegalArgumentException.class, () -> ScratchPool.capped(-1));
    }

    @Test
    void theServerRefusesAPoolThatHandsOutTooLittle() {
        CountingPool counting = new CountingPool(new ScratchPool() {
            public byte[] borrow(int size) {
                return new byte[size - 1];
            }

            public void release(byte[] buffer) {
            }

            public long retainedBytes() {
                return 0;
            }
        });
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> counting.borrow(10));
        assertEquals(true, e.getMessage().contains("borrow must return at least the size asked"), e.getMessage());
        assertEquals(0, counting.borrowed());
    }
}

package minixj.lib.mem;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class HeapTest {
    @Test
    void firstFitFromTheBottom() {
        Heap heap = new Heap(0x1000, 0x1000);
        assertEquals(0x1000, heap.malloc(16));
        assertEquals(0x1010, heap.malloc(16));
        assertEquals(0x1020, heap.malloc(100, 1));
        assertEquals(0x1000 - 132, heap.freeBytes());
    }

    @Test
    void alignmentLeavesPaddingFree() {
        Heap heap = new Heap(0x1000, 0x2000);
        assertEquals(0x1000, heap.malloc(8));
        assertEquals(0x1100, heap.malloc(8, 0x100));
        // The padding between 0x1008 and 0x1100 is still usable.
        assertEquals(0x1008, heap.malloc(0xF8, 8));
        assertEquals(0x2000 - 0x108, heap.freeBytes());
    }

    @Test
    void exhaustionReturnsZero() {
        Heap heap = new Heap(0x1000, 64);
        assertEquals(0x1000, heap.malloc(64));
        assertEquals(0, heap.malloc(1));
        assertTrue(heap.free(0x1000));
        assertEquals(0x1000, heap.malloc(64));
        assertEquals(0, new Heap(0x1000, 64).malloc(65));
    }

    @Test
    void freeCoalescesBothNeighbours() {
        Heap heap = new Heap(0x1000, 0x300);
        long a = heap.malloc(0x100);
        long b = heap.malloc(0x100);
        long c = heap.malloc(0x100);
        assertTrue(heap.free(a));
        assertTrue(heap.free(c));
        assertEquals(2, heap.freeBlocks());
        assertEquals(0, heap.malloc(0x200)); // fragmented: no 0x200 run
        assertTrue(heap.free(b));
        assertEquals(1, heap.freeBlocks());
        assertEquals(0x1000, heap.malloc(0x300));
    }

    @Test
    void firstFitReusesLowestHole() {
        Heap heap = new Heap(0x1000, 0x1000);
        long a = heap.malloc(0x40);
        heap.malloc(0x40);
        long c = heap.malloc(0x40);
        heap.malloc(0x40);
        heap.free(c);
        heap.free(a);
        assertEquals(a, heap.malloc(0x20));
        assertEquals(a + 0x20, heap.malloc(0x20));
        assertEquals(c, heap.malloc(0x40));
    }

    @Test
    void badFreesAreRefused() {
        Heap heap = new Heap(0x1000, 0x100);
        long a = heap.malloc(0x10);
        assertFalse(heap.free(a + 1));
        assertTrue(heap.free(a));
        assertFalse(heap.free(a)); // double free
        assertTrue(heap.free(0));
        assertEquals(0x100, heap.freeBytes());
    }

    @Test
    void deterministic() {
        long[] first = run();
        assertArrayEquals(first, run());
    }

    private static long[] run() {
        Heap heap = new Heap(0x4000, 0x4000);
        long[] out = new long[20];
        for (int i = 0; i < 20; i++) {
            out[i] = heap.malloc(7 * i + 3, 1L << (i % 5));
            if (i % 3 == 0) {
                heap.free(out[i / 2]);
            }
        }
        return out;
    }

    @Test
    void argumentsChecked() {
        assertThrows(IllegalArgumentException.class, () -> new Heap(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new Heap(0xFFFF_FFF0L, 0x20));
        Heap heap = new Heap(0x1000, 0x100);
        assertThrows(IllegalArgumentException.class, () -> heap.malloc(8, 3));
        assertThrows(IllegalArgumentException.class, () -> heap.malloc(-1, 8));
    }
}

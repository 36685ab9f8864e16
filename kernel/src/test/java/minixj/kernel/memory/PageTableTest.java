package minixj.kernel.memory;

import static minixj.kernel.memory.PageTable.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PageTableTest {
    @Test
    void mapUnmapAndLookup() {
        PageTable pt = new PageTable();
        assertEquals(0, pt.map(0x0804_8123L, 5, WRITABLE | USER));
        int pte = pt.pte(0x0804_8FFFL);
        assertEquals(5, frameOf(pte));
        assertEquals(PRESENT | WRITABLE | USER, pte & FLAG_MASK);
        assertTrue(pt.isPresent(0x0804_8000L));
        assertFalse(pt.isPresent(0x0804_9000L));
        assertFalse(pt.isPresent(0x0804_7FFFL));
        assertEquals(1, pt.mappedPages());
        assertEquals(pte, pt.unmap(0x0804_8000L));
        assertFalse(pt.isPresent(0x0804_8000L));
        assertEquals(0, pt.mappedPages());
        assertEquals(0, pt.unmap(0x0804_8000L));
    }

    @Test
    void wholeAddressSpaceAndLimits() {
        PageTable pt = new PageTable();
        pt.map(0xFFFF_F000L, MAX_FRAME, 0);
        assertEquals(MAX_FRAME, frameOf(pt.pte(0xFFFF_FFFFL)));
        pt.map(0, 0, COW);
        assertEquals(COW | PRESENT, pt.pte(0));
        assertEquals(0, pt.pte(1L << 32));
        assertEquals(0, pt.pte(-1));
        assertThrows(IllegalArgumentException.class, () -> pt.map(1L << 32, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> pt.map(-4096, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> pt.map(0, MAX_FRAME + 1, 0));
        assertThrows(IllegalArgumentException.class, () -> pt.map(0, -1, 0));
    }

    @Test
    void forEachIsAscending() {
        PageTable pt = new PageTable();
        long[] addrs = {0xC000_0000L, 0x1000, 0x0040_0000L, 0xFFFF_F000L, 0x3FF000};
        for (int i = 0; i < addrs.length; i++) {
            pt.map(addrs[i], i + 1, 0);
        }
        pt.setPte(0x5000, 0x800); // non-present PTE kept for VM: visited too
        List<Long> seen = new ArrayList<>();
        pt.forEach((va, pte) -> seen.add(va));
        assertEquals(List.of(0x1000L, 0x5000L, 0x3FF000L, 0x0040_0000L, 0xC000_0000L, 0xFFFF_F000L),
                seen);
        assertEquals(6, pt.mappedPages());
        assertFalse(pt.isPresent(0x5000));
    }

    @Test
    void copyIsDeepAndClearEmpties() {
        PageTable pt = new PageTable();
        pt.map(0x1000, 1, WRITABLE);
        PageTable copy = pt.copy();
        copy.map(0x1000, 2, 0);
        copy.map(0x2000, 3, 0);
        assertEquals(1, frameOf(pt.pte(0x1000)));
        assertFalse(pt.isPresent(0x2000));
        assertEquals(2, copy.mappedPages());
        pt.clear();
        assertEquals(0, pt.mappedPages());
        assertFalse(pt.isPresent(0x1000));
        assertTrue(copy.isPresent(0x1000));
    }

    @Test
    void swapContentsExchangesAddressSpaces() {
        PageTable a = new PageTable();
        PageTable b = new PageTable();
        a.map(0x1000, 10, WRITABLE);
        a.map(0x2000, 11, WRITABLE);
        b.map(0x9000, 20, 0);
        a.swapContents(b);
        assertEquals(20, frameOf(a.pte(0x9000)));
        assertFalse(a.isPresent(0x1000));
        assertEquals(1, a.mappedPages());
        assertEquals(10, frameOf(b.pte(0x1000)));
        assertEquals(11, frameOf(b.pte(0x2000)));
        assertEquals(2, b.mappedPages());
        // Independent afterwards.
        a.map(0x1000, 30, 0);
        assertEquals(10, frameOf(b.pte(0x1000)));
    }
}

package minixj.kernel.memory;

import static minixj.kernel.memory.PageTable.PAGE_SIZE;
import static minixj.kernel.memory.PageTable.WRITABLE;
import static minixj.lib.ipc.Errno.EFAULT;
import static minixj.lib.ipc.Errno.OK;
import static org.junit.jupiter.api.Assertions.*;

import minixj.kernel.memory.MemoryFault.Side;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MmuTest {
    private static final long SRC = 0x0010_0000L;
    private static final long DST = 0x0800_0000L;
    private static final int PAGES = 10;

    private final PhysicalMemory mem = new PhysicalMemory(4 << 20);
    private final Mmu mmu = new Mmu(mem);
    private final PageTable a = new PageTable();
    private final PageTable b = new PageTable();

    MmuTest() {
        // Deliberately scattered frames, so virtual contiguity is not physical contiguity.
        mapPages(a, SRC, WRITABLE);
        mem.allocateFrames(3);
        mapPages(b, DST, WRITABLE);
        for (int i = 0; i < PAGES * PAGE_SIZE; i++) {
            assertEquals(OK, mem.writeByte(mmu.translate(a, SRC + i, true), pattern(i)));
        }
    }

    private void mapPages(PageTable pt, long base, int flags) {
        for (int i = PAGES - 1; i >= 0; i--) {
            pt.map(base + (long) i * PAGE_SIZE, mem.allocateFrame(), flags);
        }
    }

    private static byte pattern(int i) {
        return (byte) (i * 31 + (i >> 8));
    }

    @AfterEach
    void close() {
        mem.close();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4095, 4096, 4097, 32 * 1024})
    void copiesAcrossPageBoundaries(int length) {
        long srcOff = 4093; // starts just before a page end
        long dstOff = 17;   // differently aligned
        CopyResult r = mmu.copy(a, SRC + srcOff, b, DST + dstOff, length);
        assertEquals(OK, r.status());
        assertEquals(length, r.copied());
        assertNull(r.fault());
        byte[] got = new byte[length + 2];
        assertTrue(mmu.read(b, DST + dstOff - 1, got, 0, length + 2).ok());
        assertEquals(0, got[0]);
        for (int i = 0; i < length; i++) {
            assertEquals(pattern((int) srcOff + i), got[i + 1], "byte " + i);
        }
        assertEquals(0, got[length + 1]);
    }

    @Test
    void unmappedSourceFaultsAfterPartialCopy() {
        a.unmap(SRC + 2 * PAGE_SIZE);
        CopyResult r = mmu.copy(a, SRC + 100, b, DST, 3 * PAGE_SIZE);
        assertEquals(EFAULT, r.status());
        assertEquals(2 * PAGE_SIZE - 100, r.copied());
        assertEquals(new MemoryFault(Side.SOURCE, SRC + 2 * PAGE_SIZE, false), r.fault());
        // Everything before the fault did arrive.
        assertEquals(pattern(2 * PAGE_SIZE - 1),
                mem.readByte(mmu.translate(b, DST + 2 * PAGE_SIZE - 101, false)));
    }

    @Test
    void unmappedDestinationFaults() {
        b.unmap(DST + PAGE_SIZE);
        CopyResult r = mmu.copy(a, SRC, b, DST + 10, PAGE_SIZE);
        assertEquals(new MemoryFault(Side.DESTINATION, DST + PAGE_SIZE, true), r.fault());
        assertEquals(PAGE_SIZE - 10, r.copied());
    }

    @Test
    void readOnlyDestinationFaultsButCanBeRead() {
        b.map(DST, PageTable.frameOf(b.pte(DST)), PageTable.COW); // write-protect
        CopyResult r = mmu.copy(a, SRC, b, DST, 8);
        assertEquals(new MemoryFault(Side.DESTINATION, DST, true), r.fault());
        assertEquals(0, r.copied());
        assertEquals(Mmu.READ_ONLY, mmu.translate(b, DST, true));
        assertTrue(mmu.translate(b, DST, false) >= 0);
        assertTrue(mmu.copy(b, DST, a, SRC, 8).ok()); // as a source it is fine
    }

    @Test
    void physicalAddressingWithNullTable() {
        long phys = mmu.translate(a, SRC + 5000, false);
        byte[] got = new byte[3000];
        assertTrue(mmu.read(null, phys, got, 0, 100).ok());
        assertEquals(pattern(5000), got[0]);
        // Physical to virtual, and virtual to physical.
        int frame = mem.allocateFrame();
        long base = PhysicalMemory.frameAddress(frame);
        assertTrue(mmu.copy(a, SRC + 1, null, base, 3000).ok());
        assertEquals(pattern(1), mem.readByte(base));
        assertEquals(pattern(3000), mem.readByte(base + 2999));
        assertTrue(mmu.copy(null, base, b, DST + 4000, 3000).ok());
        assertTrue(mmu.read(b, DST + 4000, got, 0, 3000).ok());
        assertEquals(pattern(1), got[0]);
        assertEquals(pattern(3000), got[2999]);
        // Physical range checks are against the installed memory, not 4 GiB.
        assertEquals(Mmu.BAD_ADDRESS, mmu.translate(null, mem.size(), false));
        CopyResult bad = mmu.copy(null, mem.size() - 10, b, DST, 20);
        assertEquals(EFAULT, bad.status());
        assertNull(bad.fault());
        assertTrue(mmu.copy(null, mem.size() - 10, b, DST, 10).ok());
    }

    @Test
    void badArgumentsAreHardErrors() {
        long limit = 1L << 32;
        for (CopyResult r : new CopyResult[] {
                mmu.copy(a, SRC, b, DST, -1),
                mmu.copy(a, -1, b, DST, 1),
                mmu.copy(a, limit, b, DST, 1),
                mmu.copy(a, limit - 1, b, DST, 2),
                mmu.copy(a, SRC, b, DST, Long.MAX_VALUE),
                mmu.copy(a, Long.MAX_VALUE, b, Long.MAX_VALUE, Long.MAX_VALUE),
                mmu.fill(b, limit - 4, 5, (byte) 0),
                mmu.read(a, SRC, new byte[4], 2, 4)}) {
            assertEquals(EFAULT, r.status());
            assertEquals(0, r.copied());
            assertNull(r.fault());
        }
        assertEquals(Mmu.BAD_ADDRESS, mmu.translate(a, limit, false));
        assertTrue(mmu.copy(a, SRC, b, DST, 0).ok());
    }

    @Test
    void pteNamingMissingFrameIsHardError() {
        b.map(DST, PageTable.MAX_FRAME, WRITABLE); // beyond 4 MiB
        assertEquals(Mmu.BAD_FRAME, mmu.translate(b, DST, false));
        CopyResult r = mmu.copy(a, SRC, b, DST, 1);
        assertEquals(EFAULT, r.status());
        assertNull(r.fault());
    }

    @Test
    void fillAcrossPages() {
        CopyResult r = mmu.fill(b, DST + 4000, 5000, (byte) 0x77);
        assertTrue(r.ok());
        assertEquals(5000, r.copied());
        byte[] got = new byte[5002];
        mmu.read(b, DST + 3999, got, 0, got.length);
        assertEquals(0, got[0]);
        assertEquals(0x77, got[1]);
        assertEquals(0x77, got[5000]);
        assertEquals(0, got[5001]);
        b.unmap(DST + 2 * PAGE_SIZE);
        assertEquals(new MemoryFault(Side.DESTINATION, DST + 2 * PAGE_SIZE, true),
                mmu.fill(b, DST, 3 * PAGE_SIZE, (byte) 1).fault());
    }

    @Test
    void writeFromArrayAndProbe() {
        byte[] data = {1, 2, 3, 4, 5, 6};
        assertTrue(mmu.write(b, DST + PAGE_SIZE - 3, data, 0, 6).ok());
        assertEquals(4, mem.readByte(mmu.translate(b, DST + PAGE_SIZE, false)));
        assertNull(mmu.probe(b, DST, PAGES * PAGE_SIZE, true));
        b.unmap(DST + 3 * PAGE_SIZE);
        b.map(DST + 5 * PAGE_SIZE, 1, 0);
        assertEquals(new MemoryFault(Side.DESTINATION, DST + 3 * PAGE_SIZE, true),
                mmu.probe(b, DST + 10, 6 * PAGE_SIZE, true));
        assertEquals(new MemoryFault(Side.SOURCE, DST + 3 * PAGE_SIZE, false),
                mmu.probe(b, DST + 2 * PAGE_SIZE, 3 * PAGE_SIZE, false));
        assertNull(mmu.probe(b, DST + 4 * PAGE_SIZE, 2 * PAGE_SIZE, false)); // read-only reads
        assertEquals(new MemoryFault(Side.DESTINATION, DST + 5 * PAGE_SIZE, true),
                mmu.probe(b, DST + 4 * PAGE_SIZE, PAGE_SIZE + 1, true));
    }
}

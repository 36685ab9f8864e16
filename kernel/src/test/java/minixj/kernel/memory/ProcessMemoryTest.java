package minixj.kernel.memory;

import static minixj.kernel.memory.PageTable.PAGE_SIZE;
import static minixj.kernel.memory.PageTable.WRITABLE;
import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ProcessMemoryTest {
    private final PhysicalMemory mem = new PhysicalMemory(1 << 20);
    private final Mmu mmu = new Mmu(mem);
    private final PageTable pt = new PageTable();
    private final List<String> faults = new ArrayList<>();

    /** A VM stand-in that maps a fresh page on a not-present fault and breaks "COW" on a write. */
    private final PageFaultHandler vm = (vaddr, write) -> {
        faults.add(Long.toHexString(vaddr) + (write ? " w" : " r"));
        int pte = pt.pte(vaddr);
        if (!pt.isPresent(vaddr)) {
            pt.map(vaddr, mem.allocateFrame(), WRITABLE);
        } else if (write) {
            int copy = mem.allocateFrame();
            mem.copy(PhysicalMemory.frameAddress(PageTable.frameOf(pte)),
                    PhysicalMemory.frameAddress(copy), PAGE_SIZE);
            pt.map(vaddr, copy, WRITABLE);
        }
    };

    @AfterEach
    void close() {
        mem.close();
    }

    @Test
    void faultingInOnFirstTouch() {
        ProcessMemory pm = new ProcessMemory(mmu, pt, vm);
        byte[] data = new byte[3 * PAGE_SIZE];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i ^ 0x5A);
        }
        pm.write(0x10000 + 100, data, 0, data.length); // spans 4 missing pages
        assertEquals(List.of("10064 w", "11000 w", "12000 w", "13000 w"), faults);
        byte[] back = new byte[data.length];
        pm.read(0x10000 + 100, back, 0, back.length);
        assertArrayEquals(data, back);
        assertEquals(4, faults.size()); // no more faults once present
        assertEquals(data[5], pm.readByte(0x10000 + 105));
    }

    @Test
    void scalarsAcrossPageBoundary() {
        ProcessMemory pm = new ProcessMemory(mmu, pt, vm);
        pm.writeInt(0x20FFE, 0x11223344);
        assertEquals(2, faults.size());
        assertEquals(0x11223344, pm.readInt(0x20FFE));
        assertEquals(0x44, pm.readByte(0x20FFE));
        assertEquals(0x11, pm.readByte(0x21001));
        pm.writeInt(0x21008, -7);
        assertEquals(-7, pm.readInt(0x21008));
        pm.writeByte(0x30000, (byte) 9); // faults through the scalar path
        assertEquals(9, pm.readByte(0x30000));
    }

    @Test
    void readFaultThenCopyOnWrite() {
        ProcessMemory pm = new ProcessMemory(mmu, pt, vm);
        assertEquals(0, pm.readInt(0x5000)); // read fault maps a zero page
        int frame = PageTable.frameOf(pt.pte(0x5000));
        pt.map(0x5000, frame, PageTable.COW); // now write-protected, shared
        pm.writeInt(0x5004, 42);
        assertEquals(List.of("5000 r", "5004 w"), faults);
        assertNotEquals(frame, PageTable.frameOf(pt.pte(0x5000)));
        assertEquals(42, pm.readInt(0x5004));
        assertEquals(0, mem.readInt(PhysicalMemory.frameAddress(frame) + 4)); // original intact
    }

    @Test
    void fillFaultsPagesIn() {
        ProcessMemory pm = new ProcessMemory(mmu, pt, vm);
        pm.fill(0x7F00, 0x300, (byte) 3);
        assertEquals(2, faults.size());
        assertEquals(3, pm.readByte(0x7F00));
        assertEquals(3, pm.readByte(0x81FF));
        assertEquals(0, pm.readByte(0x8200));
    }

    @Test
    void unresolvedFaultIsSegmentationFault() {
        int[] calls = {0};
        ProcessMemory pm = new ProcessMemory(mmu, pt, (vaddr, write) -> calls[0]++);
        SegmentationFault e = assertThrows(SegmentationFault.class, () -> pm.readInt(0x4000));
        assertEquals(0x4000, e.address());
        assertFalse(e.write());
        assertEquals(ProcessMemory.MAX_RETRIES, calls[0]);

        // A write to a read-only page that the handler leaves read-only.
        pt.map(0x9000, mem.allocateFrame(), 0);
        calls[0] = 0;
        e = assertThrows(SegmentationFault.class,
                () -> pm.write(0x8FF0, new byte[32], 0, 32));
        assertEquals(0x8FF0, e.address()); // page 8 is missing too
        pt.map(0x8000, mem.allocateFrame(), WRITABLE);
        e = assertThrows(SegmentationFault.class,
                () -> pm.write(0x8FF0, new byte[32], 0, 32));
        assertEquals(0x9000, e.address());
        assertTrue(e.write());
        assertEquals(2 * ProcessMemory.MAX_RETRIES, calls[0]);
    }

    @Test
    void handlerMayKillTheProcess() {
        ProcessMemory pm = new ProcessMemory(mmu, pt, (vaddr, write) -> {
            throw new IllegalStateException("killed");
        });
        assertThrows(IllegalStateException.class, () -> pm.readByte(0x1000));
    }

    @Test
    void addressesBeyond32BitsFailWithoutAskingVm() {
        int[] calls = {0};
        ProcessMemory pm = new ProcessMemory(mmu, pt, (vaddr, write) -> calls[0]++);
        assertThrows(SegmentationFault.class, () -> pm.readByte(1L << 32));
        assertThrows(SegmentationFault.class, () -> pm.write(0xFFFF_FFF0L, new byte[32], 0, 32));
        assertThrows(SegmentationFault.class, () -> pm.fill(-1, 1, (byte) 0));
        assertEquals(0, calls[0]);
        assertThrows(IndexOutOfBoundsException.class, () -> pm.read(0, new byte[2], 1, 2));
    }
}

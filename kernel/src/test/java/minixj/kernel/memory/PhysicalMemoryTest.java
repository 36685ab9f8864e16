package minixj.kernel.memory;

import static minixj.kernel.memory.PhysicalMemory.FRAME_SIZE;
import static minixj.kernel.memory.PhysicalMemory.NO_FRAME;
import static minixj.kernel.memory.PhysicalMemory.frameAddress;
import static minixj.lib.ipc.Errno.EFAULT;
import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.OK;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PhysicalMemoryTest {
    private final PhysicalMemory mem = new PhysicalMemory(1 << 20);

    @AfterEach
    void close() {
        mem.close();
    }

    @Test
    void sizeIsRoundedToFrames() {
        try (PhysicalMemory m = new PhysicalMemory((1 << 20) + 4095)) {
            assertEquals(1 << 20, m.size());
            assertEquals(256, m.totalFrames());
            assertEquals(256, m.freeFrames());
        }
        assertThrows(IllegalArgumentException.class, () -> new PhysicalMemory((1 << 20) - 1));
        try (PhysicalMemory m = new PhysicalMemory()) {
            assertEquals(64L << 20, m.size());
        }
    }

    @Test
    void lowestFreeFrameFirst() {
        assertEquals(0, mem.allocateFrame());
        assertEquals(1, mem.allocateFrame());
        assertEquals(2, mem.allocateFrame());
        assertEquals(OK, mem.freeFrame(1));
        assertEquals(1, mem.allocateFrame());
        assertEquals(3, mem.allocateFrame());
        assertEquals(252, mem.freeFrames());
    }

    @Test
    void contiguousRunsSkipHoles() {
        mem.allocateFrames(10);
        mem.freeFrame(2);
        mem.freeFrames(5, 3); // hole of 3 at 5..7
        assertEquals(5, mem.allocateFrames(3));
        assertEquals(10, mem.allocateFrames(4)); // hole at 2 too small
        assertEquals(2, mem.allocateFrame());
        assertEquals(NO_FRAME, mem.allocateFrames(0));
        // Runs across bitmap word boundaries.
        assertEquals(14, mem.allocateFrames(100));
        assertEquals(114, mem.allocateFrame());
        assertEquals(EINVAL, mem.freeFrames(64, 0));
    }

    @Test
    void exhaustionFailsWithoutThrowing() {
        for (int i = 0; i < 256; i++) {
            assertEquals(i, mem.allocateFrame());
        }
        assertEquals(0, mem.freeFrames());
        assertEquals(NO_FRAME, mem.allocateFrame());
        assertEquals(NO_FRAME, mem.allocateFrames(2));
        assertEquals(OK, mem.freeFrame(77));
        assertEquals(NO_FRAME, mem.allocateFrames(2));
        assertEquals(77, mem.allocateFrame());
        assertEquals(NO_FRAME, mem.allocateFrame());
    }

    @Test
    void badFreesAreRefused() {
        int f = mem.allocateFrame();
        assertEquals(OK, mem.freeFrame(f));
        assertEquals(EINVAL, mem.freeFrame(f)); // double free
        assertEquals(EINVAL, mem.freeFrame(-1));
        assertEquals(EINVAL, mem.freeFrame(256));
        mem.allocateFrames(2);
        assertEquals(EINVAL, mem.freeFrames(0, 3)); // frame 2 is not allocated
        assertTrue(mem.isAllocated(0) && mem.isAllocated(1)); // nothing freed
    }

    @Test
    void framesAreZeroedOnAllocation() {
        int f = mem.allocateFrames(2);
        assertEquals(OK, mem.fill(frameAddress(f), 2 * FRAME_SIZE, (byte) 0x5A));
        assertEquals(0x5A5A5A5A, mem.readInt(frameAddress(f) + 100));
        mem.freeFrames(f, 2);
        assertEquals(f, mem.allocateFrames(2));
        for (long a = frameAddress(f); a < frameAddress(f + 2); a += 8) {
            assertEquals(0, mem.readLong(a));
        }
    }

    @Test
    void scalarAccessIsLittleEndian() {
        assertEquals(OK, mem.writeInt(0x100, 0x11223344));
        assertEquals(0x44, mem.readByte(0x100));
        assertEquals(0x11, mem.readByte(0x103));
        assertEquals(OK, mem.writeLong(0x200, 0x0102030405060708L));
        assertEquals(0x05060708, mem.readInt(0x200));
        assertEquals(OK, mem.writeByte(0x300, (byte) -1));
        assertEquals(-1, mem.readByte(0x300));
    }

    @Test
    void outOfRangeIsAnErrorResult() {
        long size = mem.size();
        assertEquals(EFAULT, mem.writeInt(size - 2, 1));
        assertEquals(EFAULT, mem.writeByte(-1, (byte) 1));
        assertEquals(EFAULT, mem.writeLong(size, 1));
        assertEquals(OK, mem.writeInt(size - 4, 1));
        PhysicalAddressException e =
                assertThrows(PhysicalAddressException.class, () -> mem.readInt(size - 3));
        assertEquals(size - 3, e.address());
        assertThrows(PhysicalAddressException.class, () -> mem.readByte(Long.MIN_VALUE));
        assertEquals(EFAULT, mem.copy(0, size - 10, 11));
        assertEquals(EFAULT, mem.copy(size, 0, 1));
        assertEquals(EFAULT, mem.copy(0, 0, -1));
        assertEquals(EFAULT, mem.fill(Long.MAX_VALUE, Long.MAX_VALUE, (byte) 0));
        assertEquals(EFAULT, mem.read(size - 1, new byte[2], 0, 2));
        assertEquals(EFAULT, mem.read(0, new byte[2], 1, 2)); // array too short
        assertEquals(EFAULT, mem.write(0, new byte[2], -1, 1));
        assertEquals(OK, mem.copy(0, size - 10, 10));
    }

    @Test
    void bulkCopyAndArrays() {
        byte[] data = new byte[10000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        assertEquals(OK, mem.write(0x1234, data, 0, data.length));
        assertEquals(OK, mem.copy(0x1234, 0x20000, data.length));
        byte[] back = new byte[data.length];
        assertEquals(OK, mem.read(0x20000, back, 0, back.length));
        assertArrayEquals(data, back);
        // Overlapping physical copy behaves as memmove.
        assertEquals(OK, mem.copy(0x20000, 0x20001, 100));
        assertEquals(data[0], mem.readByte(0x20001));
        assertEquals(data[99], mem.readByte(0x20000 + 100));
    }

    @Test
    void closedMemoryRefusesAccess() {
        PhysicalMemory m = new PhysicalMemory(1 << 20);
        m.close();
        assertThrows(IllegalStateException.class, () -> m.readInt(0));
    }
}

package minixj.kernel.memory;

import minixj.lib.mem.UserMemory;

/**
 * A process's accessor to its own memory ({@link UserMemory}): every access goes through the
 * process's page table. On a page fault it calls the {@link PageFaultHandler} (which blocks the
 * process while VM resolves the fault) and retries from where the access stopped, so accesses
 * that span pages work even when several of their pages are missing.
 *
 * <p>The page table object is fixed for the accessor's lifetime; VM replaces an address space by
 * changing the table's contents, never the object.
 */
public final class ProcessMemory implements UserMemory {
    /** How many times the handler may be asked about the same page before giving up. */
    public static final int MAX_RETRIES = 2;

    private static final int PAGE_MASK = PageTable.PAGE_SIZE - 1;

    private final Mmu mmu;
    private final PageTable pageTable;
    private final PageFaultHandler handler;

    /** An accessor translating through {@code pageTable}, faulting to {@code handler}. */
    public ProcessMemory(Mmu mmu, PageTable pageTable, PageFaultHandler handler) {
        this.mmu = mmu;
        this.pageTable = pageTable;
        this.handler = handler;
    }

    /** The process's page table. */
    public PageTable pageTable() {
        return pageTable;
    }

    /** One attempt at the remaining part of an access, starting {@code done} bytes in. */
    @FunctionalInterface
    private interface Attempt {
        CopyResult run(long done);
    }

    /**
     * Runs {@code attempt} until the whole access of {@code length} bytes is done, resolving
     * faults in between; throws SegmentationFault when that is impossible.
     */
    private void access(long address, long length, boolean write, Attempt attempt) {
        long done = 0;
        long faultPage = -1;
        int retries = 0;
        while (true) {
            CopyResult r = attempt.run(done);
            done += r.copied();
            if (r.ok()) {
                return;
            }
            MemoryFault fault = r.fault();
            if (fault == null) {
                throw new SegmentationFault(address + done, write);
            }
            long page = fault.address() & ~(long) PAGE_MASK;
            retries = page == faultPage ? retries + 1 : 1;
            if (retries > MAX_RETRIES) {
                throw new SegmentationFault(fault.address(), write);
            }
            faultPage = page;
            handler.pageFault(fault.address(), write);
        }
    }

    @Override
    public void read(long address, byte[] dst, int offset, int length) {
        checkArray(dst, offset, length);
        access(address, length, false, done ->
                mmu.read(pageTable, address + done, dst, offset + (int) done, length - (int) done));
    }

    @Override
    public void write(long address, byte[] src, int offset, int length) {
        checkArray(src, offset, length);
        access(address, length, true, done ->
                mmu.write(pageTable, address + done, src, offset + (int) done, length - (int) done));
    }

    @Override
    public byte readByte(long address) {
        return mmu.memory().readByte(translate(address, false));
    }

    @Override
    public void writeByte(long address, byte value) {
        mmu.memory().writeByte(translate(address, true), value);
    }

    @Override
    public int readInt(long address) {
        if ((address & PAGE_MASK) <= PageTable.PAGE_SIZE - 4) {
            return mmu.memory().readInt(translate(address, false));
        }
        byte[] b = new byte[4]; // straddles two pages
        read(address, b, 0, 4);
        return (b[0] & 0xFF) | (b[1] & 0xFF) << 8 | (b[2] & 0xFF) << 16 | (b[3] & 0xFF) << 24;
    }

    @Override
    public void writeInt(long address, int value) {
        if ((address & PAGE_MASK) <= PageTable.PAGE_SIZE - 4) {
            mmu.memory().writeInt(translate(address, true), value);
            return;
        }
        write(address, new byte[] {(byte) value, (byte) (value >> 8), (byte) (value >> 16),
                (byte) (value >> 24)}, 0, 4);
    }

    @Override
    public void fill(long address, long length, byte value) {
        access(address, length, true, done -> mmu.fill(pageTable, address + done, length - done, value));
    }

    /** The physical address of one byte, resolving faults as needed. */
    private long translate(long address, boolean write) {
        long fast = mmu.translate(pageTable, address, write);
        if (fast >= 0) {
            return fast;
        }
        long[] pa = new long[1];
        access(address, 1, write, done -> {
            long p = mmu.translate(pageTable, address, write);
            if (p >= 0) {
                pa[0] = p;
                return CopyResult.done(1);
            }
            if (p == Mmu.NOT_PRESENT || p == Mmu.READ_ONLY) {
                return CopyResult.faulted(0, new MemoryFault(
                        write ? MemoryFault.Side.DESTINATION : MemoryFault.Side.SOURCE, address, write));
            }
            return CopyResult.error(0);
        });
        return pa[0];
    }

    private static void checkArray(byte[] array, int offset, int length) {
        if (offset < 0 || length < 0 || length > array.length - offset) {
            throw new IndexOutOfBoundsException("offset " + offset + ", length " + length
                    + ", array " + array.length);
        }
    }
}

package minixj.kernel.memory;

import static minixj.kernel.memory.PageTable.ADDRESS_LIMIT;
import static minixj.kernel.memory.PageTable.PAGE_SIZE;

import minixj.kernel.memory.MemoryFault.Side;

/**
 * The MMU: translates virtual addresses through page tables and moves bytes between address
 * spaces over one {@link PhysicalMemory}. It holds no state besides the memory, so the kernel can
 * use one instance for every copy.
 *
 * <p>A {@code null} page table means physical addressing (SYS_PHYSCOPY with NONE, device DMA).
 * Copies go page by page and stop at the first fault, reporting it as a {@link MemoryFault} in a
 * {@link CopyResult} rather than throwing: the kernel decides whether to ask VM to resolve it
 * (and retry from {@link CopyResult#copied()}) or to fail the call (CPF_TRY grants).
 *
 * <p>Overlap is handled within a page (memmove) but not across pages, as with MINIX's phys_copy;
 * the kernel never copies a range onto itself shifted.
 */
public final class Mmu {
    /** {@link #translate} result: the page is not present. */
    public static final long NOT_PRESENT = -1;
    /** {@link #translate} result: write to a page without WRITABLE. */
    public static final long READ_ONLY = -2;
    /** {@link #translate} result: address outside the address space or physical memory. */
    public static final long BAD_ADDRESS = -3;
    /** {@link #translate} result: the PTE names a frame outside physical memory (a VM bug). */
    public static final long BAD_FRAME = -4;

    private static final int OFFSET_MASK = PAGE_SIZE - 1;

    private final PhysicalMemory memory;

    /** An MMU over {@code memory}. */
    public Mmu(PhysicalMemory memory) {
        this.memory = memory;
    }

    /** The physical memory this MMU addresses. */
    public PhysicalMemory memory() {
        return memory;
    }

    /**
     * Translates {@code vaddr} for a read or a write.
     *
     * @param pt the address space, or null for physical addressing
     * @return the physical address, or one of the negative codes {@link #NOT_PRESENT},
     *     {@link #READ_ONLY}, {@link #BAD_ADDRESS}, {@link #BAD_FRAME}
     */
    public long translate(PageTable pt, long vaddr, boolean write) {
        if (pt == null) {
            return vaddr >= 0 && vaddr < memory.size() ? vaddr : BAD_ADDRESS;
        }
        if (vaddr < 0 || vaddr >= ADDRESS_LIMIT) {
            return BAD_ADDRESS;
        }
        int pte = pt.pte(vaddr);
        if ((pte & PageTable.PRESENT) == 0) {
            return NOT_PRESENT;
        }
        if (write && (pte & PageTable.WRITABLE) == 0) {
            return READ_ONLY;
        }
        long frameAddress = PhysicalMemory.frameAddress(PageTable.frameOf(pte));
        if (frameAddress >= memory.size()) {
            return BAD_FRAME;
        }
        return frameAddress | (vaddr & OFFSET_MASK);
    }

    /**
     * Copies {@code length} bytes from {@code srcAddr} in {@code src} to {@code dstAddr} in
     * {@code dst}, page by page; either table may be null (physical addressing).
     */
    public CopyResult copy(PageTable src, long srcAddr, PageTable dst, long dstAddr, long length) {
        if (!inRange(src, srcAddr, length) || !inRange(dst, dstAddr, length)) {
            return CopyResult.error(0);
        }
        long done = 0;
        while (done < length) {
            long s = srcAddr + done;
            long d = dstAddr + done;
            long ps = translate(src, s, false);
            if (ps < 0) {
                return stopped(ps, done, Side.SOURCE, s, false);
            }
            long pd = translate(dst, d, true);
            if (pd < 0) {
                return stopped(pd, done, Side.DESTINATION, d, true);
            }
            long chunk = chunk(length - done, s, d);
            memory.copy(ps, pd, chunk);
            done += chunk;
        }
        return CopyResult.done(done);
    }

    /** Fills {@code length} bytes at {@code addr} in {@code pt} with {@code value}. */
    public CopyResult fill(PageTable pt, long addr, long length, byte value) {
        if (!inRange(pt, addr, length)) {
            return CopyResult.error(0);
        }
        long done = 0;
        while (done < length) {
            long a = addr + done;
            long pa = translate(pt, a, true);
            if (pa < 0) {
                return stopped(pa, done, Side.DESTINATION, a, true);
            }
            long chunk = chunk(length - done, a, a);
            memory.fill(pa, chunk, value);
            done += chunk;
        }
        return CopyResult.done(done);
    }

    /** Copies {@code length} bytes at {@code addr} in {@code pt} into {@code dst[offset..]}. */
    public CopyResult read(PageTable pt, long addr, byte[] dst, int offset, int length) {
        if (offset < 0 || length < 0 || length > dst.length - offset || !inRange(pt, addr, length)) {
            return CopyResult.error(0);
        }
        int done = 0;
        while (done < length) {
            long a = addr + done;
            long pa = translate(pt, a, false);
            if (pa < 0) {
                return stopped(pa, done, Side.SOURCE, a, false);
            }
            int chunk = (int) chunk(length - done, a, a);
            memory.read(pa, dst, offset + done, chunk);
            done += chunk;
        }
        return CopyResult.done(done);
    }

    /** Copies {@code src[offset..offset+length)} to {@code addr} in {@code pt}. */
    public CopyResult write(PageTable pt, long addr, byte[] src, int offset, int length) {
        if (offset < 0 || length < 0 || length > src.length - offset || !inRange(pt, addr, length)) {
            return CopyResult.error(0);
        }
        int done = 0;
        while (done < length) {
            long a = addr + done;
            long pa = translate(pt, a, true);
            if (pa < 0) {
                return stopped(pa, done, Side.DESTINATION, a, true);
            }
            int chunk = (int) chunk(length - done, a, a);
            memory.write(pa, src, offset + done, chunk);
            done += chunk;
        }
        return CopyResult.done(done);
    }

    /**
     * Finds the first page of {@code [addr, addr + length)} that an access would fault on, so VM
     * can make a whole range present before a copy (spec §5.4).
     *
     * @return the fault (side DESTINATION for writes, SOURCE for reads), or null if the whole
     *     range is accessible
     * @throws IllegalArgumentException if the range is outside the address space
     */
    public MemoryFault probe(PageTable pt, long addr, long length, boolean write) {
        if (!inRange(pt, addr, length)) {
            throw new IllegalArgumentException("range 0x" + Long.toHexString(addr) + "+" + length);
        }
        for (long a = addr; a < addr + length; a = (a & ~(long) OFFSET_MASK) + PAGE_SIZE) {
            if (translate(pt, a, write) < 0) {
                return new MemoryFault(write ? Side.DESTINATION : Side.SOURCE, a, write);
            }
        }
        return null;
    }

    /** True if {@code [addr, addr + length)} lies in the address space (or physical memory). */
    private boolean inRange(PageTable pt, long addr, long length) {
        long limit = pt == null ? memory.size() : ADDRESS_LIMIT;
        return length >= 0 && addr >= 0 && addr <= limit && length <= limit - addr;
    }

    /** Bytes that can move before either address crosses a page boundary. */
    private static long chunk(long remaining, long a, long b) {
        long toEnd = Math.min(PAGE_SIZE - (a & OFFSET_MASK), PAGE_SIZE - (b & OFFSET_MASK));
        return Math.min(remaining, toEnd);
    }

    /** The result for a translation failure: a page fault VM can resolve, or a hard error. */
    private static CopyResult stopped(long code, long done, Side side, long addr, boolean write) {
        if (code == NOT_PRESENT || code == READ_ONLY) {
            return CopyResult.faulted(done, new MemoryFault(side, addr, write));
        }
        return CopyResult.error(done);
    }
}

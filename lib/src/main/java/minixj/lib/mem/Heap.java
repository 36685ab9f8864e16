package minixj.lib.mem;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A first-fit allocator over a region {@code [base, base + size)} of a process's simulated memory.
 *
 * <p>It hands out addresses only; the bookkeeping lives on the Java heap (so a corrupted simulated
 * memory cannot corrupt the allocator). Free blocks are kept sorted by address and coalesced with
 * their neighbours on free, so the same sequence of calls always yields the same addresses.
 * Address 0 means "no memory", so the region must not start at 0.
 */
public final class Heap {
    private final long base;
    private final long size;
    /** Free blocks: start address to length, ascending. */
    private final TreeMap<Long, Long> free = new TreeMap<>();
    /** Allocated blocks: start address to length. */
    private final Map<Long, Long> used = new HashMap<>();
    private long freeBytes;

    /**
     * Creates an allocator for {@code [base, base + size)}.
     *
     * @throws IllegalArgumentException if {@code base} is not positive, {@code size} is negative,
     *     or the region passes the end of the 32-bit address space
     */
    public Heap(long base, long size) {
        if (base <= 0 || size < 0 || base + size > (1L << 32)) {
            throw new IllegalArgumentException("bad heap region " + base + "+" + size);
        }
        this.base = base;
        this.size = size;
        if (size > 0) {
            free.put(base, size);
        }
        freeBytes = size;
    }

    /** Allocates {@code size} bytes aligned to 8; see {@link #malloc(long, long)}. */
    public long malloc(long size) {
        return malloc(size, 8);
    }

    /**
     * Allocates {@code size} bytes (at least one) at an address that is a multiple of
     * {@code alignment}, from the lowest free block that fits.
     *
     * @return the address, or 0 when no free block is large enough
     * @throws IllegalArgumentException if {@code alignment} is not a power of two or
     *     {@code size} is negative
     */
    public long malloc(long size, long alignment) {
        if (alignment <= 0 || Long.bitCount(alignment) != 1 || size < 0) {
            throw new IllegalArgumentException("size " + size + ", alignment " + alignment);
        }
        long want = Math.max(size, 1);
        for (Map.Entry<Long, Long> block : free.entrySet()) {
            long start = block.getKey();
            long end = start + block.getValue();
            long addr = (start + alignment - 1) & -alignment;
            if (addr < end && end - addr >= want) {
                take(start, end, addr, want);
                return addr;
            }
        }
        return 0;
    }

    /** Carves {@code [addr, addr + want)} out of the free block {@code [start, end)}. */
    private void take(long start, long end, long addr, long want) {
        free.remove(start);
        if (addr > start) {
            free.put(start, addr - start); // alignment padding stays free
        }
        if (addr + want < end) {
            free.put(addr + want, end - addr - want);
        }
        used.put(addr, want);
        freeBytes -= want;
    }

    /**
     * Frees a block returned by {@link #malloc}. Freeing 0 does nothing.
     *
     * @return false if {@code address} is not the start of an allocated block (double free or a
     *     wild pointer); the heap is left unchanged then
     */
    public boolean free(long address) {
        if (address == 0) {
            return true;
        }
        Long length = used.remove(address);
        if (length == null) {
            return false;
        }
        freeBytes += length;
        long start = address;
        long len = length;
        Map.Entry<Long, Long> below = free.floorEntry(address);
        if (below != null && below.getKey() + below.getValue() == address) {
            start = below.getKey();
            len += below.getValue();
            free.remove(start);
        }
        Long above = free.remove(address + length);
        if (above != null) {
            len += above;
        }
        free.put(start, len);
        return true;
    }

    /** Size of the allocated block at {@code address}, or -1 if there is none. */
    public long sizeOf(long address) {
        Long length = used.get(address);
        return length == null ? -1 : length;
    }

    /** Bytes not allocated (possibly fragmented). */
    public long freeBytes() {
        return freeBytes;
    }

    /** Number of free blocks (1 for an unfragmented, unused heap). */
    public int freeBlocks() {
        return free.size();
    }

    /** Start of the managed region. */
    public long base() {
        return base;
    }

    /** Size of the managed region. */
    public long size() {
        return size;
    }
}

package minixj.servers.vm;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.PrivFlags;
import minixj.lib.mem.MemoryLayout;

/**
 * VM's view of one process: its endpoint, its privilege id (which selects its VM call mask), its
 * regions (sorted by start), its heap and its break.
 */
final class VmProcess {
    /** Where the heap (brk) starts: right after the initial region. */
    static final long HEAP_BASE = MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE;

    final int endpoint;
    /** The kernel's privilege id of the process (USER_PRIV_ID for every user process). */
    int privId;
    List<Region> regions = new ArrayList<>();
    /** The brk region, or null while the heap is empty. */
    Region heap;
    /** The break exactly as last set (the heap region ends at it rounded up to a page). */
    long breakAddress = HEAP_BASE;

    VmProcess(int endpoint, int privId) {
        this.endpoint = endpoint;
        this.privId = privId;
    }

    boolean isSystem() { return privId >= 0 && privId != PrivFlags.USER_PRIV_ID; }

    Region find(long address) {
        for (Region r : regions) if (r.contains(address)) return r;
        return null;
    }

    /** True if [start, start+length) overlaps no region. */
    boolean isFree(long start, long length) {
        for (Region r : regions) if (start < r.end() && r.start < start + length) return false;
        return true;
    }

    void add(Region r) {
        int i = 0;
        while (i < regions.size() && regions.get(i).start < r.start) i++;
        regions.add(i, r);
    }

    /** Where the heap region ends (the break rounded up to a page). */
    long heapEnd() { return heap == null ? HEAP_BASE : heap.end(); }

    /** Swaps the address spaces (regions, heap, break) of two processes; endpoints and privileges stay. */
    void swapSpaces(VmProcess other) {
        List<Region> r = regions; regions = other.regions; other.regions = r;
        Region h = heap; heap = other.heap; other.heap = h;
        long b = breakAddress; breakAddress = other.breakAddress; other.breakAddress = b;
    }
}

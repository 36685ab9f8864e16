package minixj.servers.vm;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.mem.MemoryLayout;

/** VM's view of one process: its endpoint, its regions (sorted by start) and its heap. */
final class VmProcess {
    /** Where the heap (brk) starts: right after the initial region. */
    static final long HEAP_BASE = MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE;

    final int endpoint;
    final List<Region> regions = new ArrayList<>();
    /** The brk region, or null while the break is at {@link #HEAP_BASE}. */
    Region heap;

    VmProcess(int endpoint) {
        this.endpoint = endpoint;
    }

    /** A fresh process: only the initial anonymous region. */
    static VmProcess withInitialRegion(int endpoint) {
        VmProcess p = new VmProcess(endpoint);
        p.add(new Region(MemoryLayout.INITIAL_REGION_BASE, MemoryLayout.INITIAL_REGION_SIZE, Region.Kind.ANON, true));
        return p;
    }

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

    long brk() { return heap == null ? HEAP_BASE : heap.end(); }

    int presentPages() {
        int n = 0;
        for (Region r : regions) n += r.present();
        return n;
    }
}

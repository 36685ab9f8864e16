package minixj.kernel.memory;

import static minixj.kernel.memory.PageTable.WRITABLE;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.mem.GrantTable;
import minixj.lib.mem.Heap;

/**
 * A small stand-in for the kernel's process table: processes with real page tables over one
 * physical memory, each with the library's GrantTable writing into its simulated memory, and a
 * GrantContext that answers the verifier from the same data.
 */
final class GrantWorld implements GrantContext, AutoCloseable {
    static final long HEAP_BASE = 0x0040_0000L;
    static final long HEAP_SIZE = 0x0001_0000L;
    static final long BUFFER = 0x0800_0000L;

    final PhysicalMemory memory = new PhysicalMemory(8 << 20);
    final Mmu mmu = new Mmu(memory);
    final GrantVerifier verifier = new GrantVerifier(mmu, this);
    final Map<Integer, Proc> procs = new HashMap<>();
    final Map<Integer, GrantTableInfo> tables = new HashMap<>();
    final Set<Integer> dead = new HashSet<>();

    /** One simulated process. */
    final class Proc {
        final int endpoint;
        final PageTable pageTable = new PageTable();
        final ProcessMemory memory;
        final GrantTable grants;

        Proc(int endpoint) {
            this.endpoint = endpoint;
            // Pages come in on demand, as VM would map an anonymous region.
            this.memory = new ProcessMemory(mmu, pageTable, (vaddr, write) ->
                    pageTable.map(vaddr, GrantWorld.this.memory.allocateFrame(), WRITABLE));
            this.grants = new GrantTable(memory, new Heap(HEAP_BASE, HEAP_SIZE), (address, entries) -> {
                tables.put(endpoint, new GrantTableInfo(address, entries, endpoint));
                return Errno.OK;
            });
        }
    }

    Proc spawn(int endpoint) {
        Proc p = new Proc(endpoint);
        procs.put(endpoint, p);
        return p;
    }

    Proc spawn(int generation, int slot) {
        return spawn(Endpoint.make(generation, slot));
    }

    @Override
    public boolean isLive(int endpoint) {
        return procs.containsKey(endpoint) && !dead.contains(endpoint);
    }

    @Override
    public GrantTableInfo grantTable(int endpoint) {
        return tables.get(endpoint);
    }

    @Override
    public PageTable pageTable(int endpoint) {
        Proc p = procs.get(endpoint);
        return p == null ? null : p.pageTable;
    }

    @Override
    public boolean mayIssueMagic(int endpoint) {
        return endpoint == Endpoint.VFS || endpoint == Endpoint.MIB;
    }

    @Override
    public void close() {
        memory.close();
    }
}

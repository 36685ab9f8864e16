package minixj.lib.sys;

import minixj.lib.ipc.Trap;
import minixj.lib.mem.GrantTable;
import minixj.lib.mem.Heap;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.mem.UserMemory;

/** Sets up the grant library of a process, as MINIX's libsys does on a service's first grant. */
public final class GrantTables {
    private GrantTables() {
    }

    /**
     * A heap over the calling process's initial region and a grant table that registers itself
     * with SYS_SETGRANT whenever it grows. Nothing is allocated or registered until the first
     * grant.
     *
     * @param trap the calling process's trap (the registrar uses it, so the table must only be
     *     used by that process)
     */
    public static ProcessGrants open(Trap trap) {
        UserMemory memory = trap.memory();
        Heap heap = new Heap(MemoryLayout.INITIAL_REGION_BASE, MemoryLayout.INITIAL_REGION_SIZE);
        GrantTable grants = new GrantTable(memory, heap, (address, entries) -> Sys.setgrant(trap, address, entries));
        return new ProcessGrants(heap, grants, memory);
    }
}

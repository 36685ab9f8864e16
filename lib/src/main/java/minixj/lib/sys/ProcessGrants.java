package minixj.lib.sys;

import minixj.lib.mem.GrantTable;
import minixj.lib.mem.Heap;
import minixj.lib.mem.UserMemory;

/**
 * A process's simulated-memory allocator, its grant table and its memory, as set up by
 * {@link GrantTables#open}. The heap owns the whole initial region, so the process should take
 * all its buffers from it (the grant table's blocks come from the same heap).
 *
 * @param heap allocator over the process's initial region
 * @param grants the grant library, registered with the kernel on first use
 * @param memory the process's own memory
 */
public record ProcessGrants(Heap heap, GrantTable grants, UserMemory memory) {
}

package minixj.servers.vm;

import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.layout.VmMsg;

/**
 * VM's call masks (MINIX's VM ACL), one per kernel privilege id: bit n allows call
 * {@code VM_RQ_BASE + n}. All user processes share the user privilege id, so they share one
 * mask, and setting it for one (RS's VM_RS_SET_PRIV on init, say) sets it for all. A system
 * process's mask comes from RS; until RS has set it (the boot processes before RS runs) the
 * process may make every call.
 */
final class CallMasks {
    static final long ALL = -1L;
    /** What a user process may do until RS says otherwise: its own memory, and grants it was given. */
    static final long USER_DEFAULT = bits(VmMsg.VM_BRK, VmMsg.VM_MMAP, VmMsg.VM_MUNMAP, VmMsg.VM_INFO,
            VmMsg.VM_REMAP, VmMsg.VM_REMAP_RO, VmMsg.VM_SHM_UNMAP);

    private final long[] masks = new long[PrivFlags.NR_SYS_PROCS];
    private final boolean[] configured = new boolean[PrivFlags.NR_SYS_PROCS];
    /** The mask of the calls {@code types} (VM_RQ_BASE + n). */
    static long bits(int... types) {
        long mask = 0;
        for (int t : types) mask |= 1L << (t - VmMsg.VM_RQ_BASE);
        return mask;
    }

    /** True if call number {@code call} (type - VM_RQ_BASE, 0..63) is allowed for {@code privId}. */
    boolean allows(int privId, int call) {
        return (mask(privId) & (1L << call)) != 0;
    }

    long mask(int privId) {
        if (privId < 0 || privId >= masks.length) return 0;
        if (configured[privId]) return masks[privId];
        if (privId == PrivFlags.USER_PRIV_ID) return USER_DEFAULT;
        return ALL;
    }

    void set(int privId, long mask) {
        masks[privId] = mask;
        configured[privId] = true;
    }

    /** A system process is gone: its privilege id may go to another service, which RS will configure. */
    void forget(int privId) {
        if (privId < 0 || privId >= masks.length || privId == PrivFlags.USER_PRIV_ID) return;
        configured[privId] = false;
        masks[privId] = 0;
    }
}

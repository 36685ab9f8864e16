package minixj.kernel;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.PrivFlags;

/**
 * The privilege structures. Ids 0..16 are static (kernel tasks and the boot image, with the
 * user processes sharing id 16); 17..63 are handed out dynamically.
 */
final class PrivTable {
    static final int NR_SYS_PROCS = PrivFlags.NR_SYS_PROCS;
    static final int FIRST_DYNAMIC_ID = Endpoint.NR_TASKS + Endpoint.INIT + 1;

    private final Priv[] privs = new Priv[NR_SYS_PROCS];

    PrivTable() {
        for (int i = 0; i < NR_SYS_PROCS; i++) privs[i] = new Priv(i);
    }

    Priv byId(int id) {
        return id >= 0 && id < NR_SYS_PROCS ? privs[id] : null;
    }

    /** The static id of a boot or task slot, or -1 if the slot has none. */
    static int staticId(int slot) {
        int id = slot + Endpoint.NR_TASKS;
        return id >= 0 && id <= PrivFlags.USER_PRIV_ID ? id : -1;
    }

    /** A free dynamic structure, or null when all are in use. */
    Priv allocateDynamic() {
        for (int id = FIRST_DYNAMIC_ID; id < NR_SYS_PROCS; id++) {
            if (!privs[id].inUse()) return privs[id];
        }
        return null;
    }

    /**
     * Grants {@code from} the right to send to privilege {@code toId}, keeping the masks symmetric:
     * the target may then send back, unless it can only receive. A process never gets a bit for
     * itself or for an unused structure.
     */
    void setSendTo(Priv from, int toId) {
        Priv to = byId(toId);
        if (to == null || !to.inUse() || from.id == toId) {
            if (to != null) from.ipcTo &= ~(1L << toId);
            return;
        }
        from.ipcTo |= 1L << toId;
        if ((to.trapMask & ~Ipc.TRAP_RECEIVE) != 0) {
            to.ipcTo |= 1L << from.id;
        }
    }

    /** Revokes sending in both directions. */
    void unsetSendTo(Priv from, int toId) {
        Priv to = byId(toId);
        from.ipcTo &= ~(1L << toId);
        if (to != null) to.ipcTo &= ~(1L << from.id);
    }

    /** Applies a whole target mask to {@code priv} through the symmetric rules. */
    void applyIpcMask(Priv priv, long mask) {
        for (int id = 0; id < NR_SYS_PROCS; id++) {
            if ((mask & (1L << id)) != 0) setSendTo(priv, id);
            else unsetSendTo(priv, id);
        }
    }
}

package minixj.servers.vfs;

import minixj.lib.ipc.Endpoint;

/** VFS's view of one process (MINIX's fproc), by slot: identity and ids, kept in step with PM. */
final class Fproc {
    final int slot;
    boolean inUse;
    int endpoint = Endpoint.NONE;
    int pid;
    int realUid;
    int effUid;
    int realGid;
    int effGid;
    boolean sessionLeader;
    /** The process is a system service (SRV_FORK or a boot service). */
    boolean system;

    Fproc(int slot) {
        this.slot = slot;
    }

    void reset() {
        inUse = false;
        endpoint = Endpoint.NONE;
        pid = 0;
        realUid = effUid = realGid = effGid = 0;
        sessionLeader = false;
        system = false;
    }

    void copyFrom(Fproc parent) {
        realUid = parent.realUid;
        effUid = parent.effUid;
        realGid = parent.realGid;
        effGid = parent.effGid;
    }
}

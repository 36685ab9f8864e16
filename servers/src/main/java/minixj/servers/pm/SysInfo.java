package minixj.servers.pm;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.PmProcEntry;

/**
 * PM_GETSYSINFO (MINIX's do_getsysinfo): root only (EPERM); SI_PROC_TAB is the one item, and
 * the caller's buffer must be exactly the table's size (EINVAL otherwise). The table, one
 * {@link PmProcEntry} per slot, is copied into the caller's memory.
 */
final class SysInfo {
    private final Trap trap;
    private final ProcessTable table;

    SysInfo(Trap trap, ProcessTable table) {
        this.trap = trap;
        this.table = table;
    }

    int getsysinfo(MProc caller, PmInfoMsg req) {
        if (caller.effUid != Ids.SUPER_USER) return Errno.EPERM;
        if (req.what() != PmInfoMsg.SI_PROC_TAB) return Errno.EINVAL;
        if (req.size() != PmProcEntry.TABLE_SIZE) return Errno.EINVAL;
        byte[] bytes = new byte[PmProcEntry.TABLE_SIZE];
        for (MProc p : table.all()) {
            if (p.inUse()) entry(p).writeTo(bytes, p.slot);
        }
        return CopyOut.to(trap, caller.endpoint, req.address(), bytes);
    }

    private PmProcEntry entry(MProc p) {
        MProc parent = table.at(p.parent);
        return new PmProcEntry(p.flags, p.endpoint, p.pid, parent.pid, p.realUid, p.effUid, p.savedUid,
                p.realGid, p.effGid, p.savedGid, p.pgrp, p.session, Lifecycle.waitStatus(p), p.groupCount,
                p.pending.low(), p.mask.low(), p.ignore.low(), p.catchSet.low(),
                p.childUserTicks + p.childSystemTicks);
    }
}

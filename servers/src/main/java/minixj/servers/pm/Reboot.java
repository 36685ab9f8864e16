package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.SysAbortMsg;
import minixj.lib.sys.Sys;

/**
 * PM_REBOOT (MINIX's do_reboot): root only (EPERM). User processes other than INIT get SIGTERM,
 * then, after a grace period of {@value #GRACE_SECONDS} s for their handlers, SIGKILL; INIT is
 * stopped but kept; then the kernel halts, reboots or powers off (SYS_ABORT). The caller gets no
 * reply. TODO(VFS): before SYS_ABORT, tell VFS (VFS_PM_REBOOT) to sync and tear down its
 * processes, and halt only when it answers.
 */
final class Reboot {
    static final int GRACE_SECONDS = 1;

    private final Trap trap;
    private final ProcessTable table;
    private final PmSignals signals;
    private final Timers timers;
    private final long hz;
    private boolean underway;

    Reboot(Trap trap, ProcessTable table, PmSignals signals, Timers timers) {
        this.trap = trap;
        this.table = table;
        this.signals = signals;
        this.timers = timers;
        this.hz = Sys.getHz(trap);
    }

    int reboot(MProc caller, PmInfoMsg req) {
        if (caller.effUid != Ids.SUPER_USER) return Errno.EPERM;
        if (underway) return Errno.SUSPEND; // the first request decides how
        underway = true;
        int how = req.what();
        int kernelHow = (how & PmInfoMsg.RB_POWERDOWN) == PmInfoMsg.RB_POWERDOWN ? SysAbortMsg.RBT_POWEROFF
                : (how & PmInfoMsg.RB_HALT) != 0 ? SysAbortMsg.RBT_HALT : SysAbortMsg.RBT_REBOOT;
        toUsers(Signals.SIGTERM);
        timers.systemDeadline(GRACE_SECONDS * hz, () -> finish(kernelHow));
        return Errno.SUSPEND;
    }

    private void finish(int kernelHow) {
        toUsers(Signals.SIGKILL);
        MProc init = table.at(Endpoint.INIT);
        if (init.inUse() && !init.is(MProc.ZOMBIE)) Sys.stop(trap, init.endpoint);
        Sys.abort(trap, kernelHow);
    }

    /** check_sig(-1, sig): every user process but INIT (services are not PM's to end). */
    private void toUsers(int sig) {
        for (MProc p : table.all()) {
            if (!p.inUse() || p.is(MProc.ZOMBIE) || p.is(MProc.PRIV_PROC) || p.pid <= ProcessTable.INIT_PID) continue;
            signals.signal(p, sig, false);
        }
    }
}

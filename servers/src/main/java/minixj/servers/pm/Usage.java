package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.posix.Rusage;
import minixj.lib.sys.Sys;
import minixj.lib.sys.Times;

/**
 * Resource usage (MINIX's do_getrusage and wait4's rusage): CPU times from the kernel (the
 * process's own) or from PM (those of waited-for children, gathered at each wait), maxrss from
 * VM's count of the process's present pages when VM runs. The other fields stay 0, as in MINIX.
 */
final class Usage {
    private final Trap trap;
    private final ProcessTable table;
    private final long hz;

    Usage(Trap trap, ProcessTable table) {
        this.trap = trap;
        this.table = table;
        this.hz = Sys.getHz(trap);
    }

    /** PM_GETRUSAGE: RUSAGE_SELF or RUSAGE_CHILDREN, copied to the caller's address. */
    int getrusage(MProc p, PmInfoMsg req) {
        Rusage usage;
        if (req.what() == PmInfoMsg.RUSAGE_SELF) {
            Times t = Sys.times(trap, p.endpoint);
            if (t.result() != Errno.OK) return t.result();
            usage = Rusage.ofTicks(t.userTicks(), t.systemTicks(), hz, residentKib(p.endpoint));
        } else if (req.what() == PmInfoMsg.RUSAGE_CHILDREN) {
            usage = Rusage.ofTicks(p.childUserTicks, p.childSystemTicks, hz, 0);
        } else {
            return Errno.EINVAL;
        }
        return CopyOut.to(trap, p.endpoint, req.address(), usage.toBytes());
    }

    /**
     * WAIT4's rusage of a zombie child (its own times and its waited-for children's) to the
     * parent's {@code address}; nothing to do for address 0.
     */
    int copyChild(MProc parent, MProc zombie, long address) {
        if (address == 0) return Errno.OK;
        Rusage usage = Rusage.ofTicks(zombie.userTicks + zombie.childUserTicks,
                zombie.systemTicks + zombie.childSystemTicks, hz, 0);
        return CopyOut.to(trap, parent.endpoint, address, usage.toBytes());
    }

    /** The process's present pages in KiB, as VM counts them (0 without VM). */
    private long residentKib(int endpoint) {
        if (table.vm == Endpoint.NONE) return 0;
        Message m = new Message(VmMsg.VM_INFO);
        VmMsg info = new VmMsg(m).endpoint(endpoint);
        if (trap.sendrec(table.vm, m) != Errno.OK || m.type() != Errno.OK) return 0;
        return (long) info.usedFrames() * MemoryLayout.PAGE_SIZE / 1024;
    }
}

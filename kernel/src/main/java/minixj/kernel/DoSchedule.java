package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.ipc.layout.SysScheduleMsg;

/** SYS_SCHEDULE and SYS_SCHEDCTL: the kernel side of user-space scheduling. */
final class DoSchedule {
    private final Kernel kernel;

    DoSchedule(Kernel kernel) {
        this.kernel = kernel;
    }

    /** SYS_SCHEDULE: only the process's scheduler may set its priority and quantum; -1 keeps a value. */
    int schedule(Proc caller, Message m) {
        SysScheduleMsg req = new SysScheduleMsg(m);
        Proc p = kernel.procs.byEndpoint(req.endpoint());
        if (p == null || p.isTask()) return EINVAL;
        if (p.scheduler != caller.endpoint) return EPERM;
        return schedProc(p, req.priority(), req.quantum(), req.cpu(), req.niced());
    }

    /** SYS_SCHEDCTL: the caller becomes the scheduler, or (FLAG_KERNEL) hands the process to the kernel. */
    int schedctl(Proc caller, Message m) {
        SysSchedctlMsg req = new SysSchedctlMsg(m);
        Proc p = kernel.procs.byEndpoint(req.endpoint());
        if (p == null || p.isTask()) return EINVAL;
        if ((req.flags() & SysSchedctlMsg.FLAG_KERNEL) != 0) {
            p.scheduler = Endpoint.NONE;
            return schedProc(p, req.priority(), req.quantum(), req.cpu(), -1);
        }
        p.scheduler = caller.endpoint;
        return OK;
    }

    /** sched_proc: set what was given, give a fresh quantum, and requeue at the tail. */
    int schedProc(Proc p, int priority, int quantumMs, int cpu, int niced) {
        if (priority != -1 && (priority < 0 || priority >= RunQueues.NR_SCHED_QUEUES)) return EINVAL;
        if (quantumMs != -1 && quantumMs <= 0) return EINVAL;
        if (cpu != -1 && cpu != 0) return EINVAL; // one CPU
        boolean wasQueued = p.queued;
        if (wasQueued) kernel.runQueues.remove(p);
        if (priority != -1) p.priority = priority;
        if (quantumMs != -1) p.quantumNs = quantumMs * 1_000_000L;
        if (niced != -1) {
            if (niced != 0) p.misc |= MiscFlags.NICED; else p.misc &= ~MiscFlags.NICED;
        }
        p.cpuLeftNs = p.quantumNs;
        if (wasQueued) kernel.runQueues.enqueueTail(p);
        kernel.rtsUnset(p, RtsFlags.NO_QUANTUM);
        return OK;
    }
}

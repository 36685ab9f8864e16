package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.layout.SysSigsendMsg;

/** SYS_SIGSEND and SYS_SIGRETURN: PM has a process run its own signal handler. */
final class DoSignal {
    /** Most frames waiting for one process. */
    static final int MAX_FRAMES = 64;

    private final Kernel kernel;

    DoSignal(Kernel kernel) {
        this.kernel = kernel;
    }

    /** SYS_SIGSEND: queue a handler frame; it runs when the process next returns from the kernel. */
    int sigsend(Proc caller, Message m) {
        SysSigsendMsg req = new SysSigsendMsg(m);
        Proc p = kernel.procs.byEndpoint(req.endpoint());
        if (p == null || p.isTask()) return EINVAL;
        if (req.signal() < 1 || req.signal() > Signals.NSIG) return EINVAL;
        if (p.ctx == null || p.ctx.frameHandler == null) return EFAULT; // no handler code to run
        if (p.signalFrames.size() >= MAX_FRAMES) return ENOMEM;
        p.signalFrames.add(new int[] {req.signal(), req.handlerId()});
        return OK;
    }

    /** SYS_SIGRETURN: the process's handler has finished. */
    int sigreturn(Proc caller, Message m) {
        Proc p = kernel.procs.byEndpoint(new SysSigsendMsg(m).endpoint());
        if (p == null || p.isTask()) return EINVAL;
        if (p.activeFrames == 0) return EINVAL;
        p.activeFrames--;
        return OK;
    }
}

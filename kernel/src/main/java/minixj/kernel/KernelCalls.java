package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;

/**
 * Kernel-call dispatch (MINIX's kernel/system.c): checks the call number and the caller's
 * kernel-call mask, then runs the handler. Handlers live in the {@code Do*} classes, grouped
 * as MINIX's kernel/system/do_*.c files are.
 */
final class KernelCalls {
    /** A kernel call handler; returns the result or EDONTREPLY to leave the caller blocked. */
    interface Handler {
        int handle(Proc caller, Message m);
    }

    private final Handler[] handlers = new Handler[SysCalls.NR_SYS_CALLS];
    private final Kernel kernel;

    KernelCalls(Kernel kernel) {
        this.kernel = kernel;
        DoProcess process = new DoProcess(kernel);
        register(SysCalls.SYS_FORK, process::fork);
        register(SysCalls.SYS_EXEC, process::exec);
        register(SysCalls.SYS_CLEAR, process::clear);
        register(SysCalls.SYS_EXIT, process::exit);
        register(SysCalls.SYS_KILL, process::kill);
        register(SysCalls.SYS_RUNCTL, process::runctl);
        register(SysCalls.SYS_GETKSIG, process::getksig);
        register(SysCalls.SYS_ENDKSIG, process::endksig);
        register(SysCalls.SYS_UPDATE, process::update);
        DoSignal signal = new DoSignal(kernel);
        register(SysCalls.SYS_SIGSEND, signal::sigsend);
        register(SysCalls.SYS_SIGRETURN, signal::sigreturn);
        register(SysCalls.SYS_TRACE, new DoTrace(kernel)::trace);
        DoPrivctl privctl = new DoPrivctl(kernel);
        register(SysCalls.SYS_PRIVCTL, privctl::privctl);
        DoSchedule schedule = new DoSchedule(kernel);
        register(SysCalls.SYS_SCHEDULE, schedule::schedule);
        register(SysCalls.SYS_SCHEDCTL, schedule::schedctl);
        DoClock clock = new DoClock(kernel);
        register(SysCalls.SYS_SETALARM, clock::setalarm);
        register(SysCalls.SYS_TIMES, clock::times);
        register(SysCalls.SYS_STIME, clock::stime);
        register(SysCalls.SYS_SETTIME, clock::settime);
        register(SysCalls.SYS_VTIMER, clock::vtimer);
        DoInfo info = new DoInfo(kernel);
        register(SysCalls.SYS_GETINFO, info::getinfo);
        register(SysCalls.SYS_DIAGCTL, info::diagctl);
        register(SysCalls.SYS_ABORT, info::abort);
        DoStatectl statectl = new DoStatectl(kernel);
        register(SysCalls.SYS_STATECTL, statectl::statectl);
        DoIrqctl irqctl = new DoIrqctl(kernel);
        register(SysCalls.SYS_IRQCTL, irqctl::irqctl);
        kernel.memory.registerCalls(this);
    }

    void register(int callNumber, Handler handler) {
        handlers[callNumber - SysCalls.KERNEL_CALL] = handler;
    }

    int dispatch(Proc caller, int callNumber, Message m) {
        if (m == null) return EFAULT;
        int r = run(caller, callNumber, m);
        if (r != EDONTREPLY) m.source(Endpoint.SYSTEM); // every reply comes from SYSTEM, refusals too
        return r;
    }

    private int run(Proc caller, int callNumber, Message m) {
        int index = callNumber - SysCalls.KERNEL_CALL;
        if (index < 0 || index >= SysCalls.NR_SYS_CALLS) return EBADREQUEST;
        if (caller.priv == null || (caller.priv.kernelCallMask & (1L << index)) == 0) return ECALLDENIED;
        Handler h = handlers[index];
        if (h == null) return EBADREQUEST;
        m.source(caller.endpoint);
        try {
            return h.handle(caller, m);
        } catch (RuntimeException e) {
            // A kernel bug must not take the JVM or the machine down with the caller's request.
            kernel.log("kernel: internal error in kernel call " + index + " from " + caller.name + ": " + e);
            return EGENERIC;
        }
    }
}

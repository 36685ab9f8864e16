package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.SysTraceMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.posix.Ptrace;
import minixj.lib.posix.WaitStatus;
import minixj.lib.sys.Sys;

/**
 * ptrace (MINIX's trace.c, spec §6.8): PM keeps who traces whom and which signals wait for the
 * tracer; the kernel's SYS_TRACE stops and resumes the tracee, steps it, traces its system calls
 * and reads and writes its memory.
 *
 * <p>A traced process that gets any signal but SIGKILL stops instead ({@link #intercepts}); its
 * tracer's wait4 reports each held signal as W_STOPCODE, and the tracer decides what the process
 * gets when it resumes it. A dying tracer takes its running tracees with it (SIGKILL); a tracee
 * that died unseen by a tracer other than its parent goes to the parent once the tracer has
 * waited for it or has died.
 */
final class Trace {
    /** PM's own scratch memory for a caller's range descriptor (clear of the boot-time table buffer). */
    private static final long RANGE_BUFFER = MemoryLayout.INITIAL_REGION_BASE + (1L << 20);

    private final Trap trap;
    private final ProcessTable table;
    private final PmSignals signals;
    private final Lifecycle life;

    Trace(Trap trap, ProcessTable table, PmSignals signals, Lifecycle life) {
        this.trap = trap;
        this.table = table;
        this.signals = signals;
        this.life = life;
    }

    /** PM_PTRACE. */
    int ptrace(MProc caller, PmMsg req) {
        int request = req.number();
        switch (request) {
            case Ptrace.T_OK -> {
                if (caller.tracer != MProc.NO_TRACER) return Errno.EBUSY;
                caller.tracer = caller.parent;
                req.traceData(0);
                return Errno.OK;
            }
            case Ptrace.T_ATTACH -> {
                return attach(caller, req);
            }
            case SysTraceMsg.T_STOP -> {
                return Errno.EINVAL; // kill(pid, SIGSTOP) does it better, as MINIX says
            }
            case Ptrace.T_READB_INS, Ptrace.T_WRITEB_INS -> {
                if (caller.effUid != Ids.SUPER_USER) return Errno.EPERM;
                MProc target = live(req.pid());
                return target == null ? Errno.ESRCH : kernel(request, target, req);
            }
            default -> { }
        }
        // Everything else is the tracer's, on a tracee stopped for it.
        MProc child = live(req.pid());
        if (child == null || child.tracer != caller.slot) return Errno.ESRCH;
        if (!child.is(MProc.TRACE_STOPPED)) return Errno.EBUSY;
        long data = req.traceData();
        switch (request) {
            case Ptrace.T_EXIT -> {
                life.exit(child, (int) data & 0xFF, 0);
                req.traceData(0);
                return Errno.OK;
            }
            case Ptrace.T_SETOPT -> {
                child.traceOptions = (int) data;
                req.traceData(0);
                return Errno.OK;
            }
            case Ptrace.T_GETRANGE, Ptrace.T_SETRANGE -> {
                return range(caller, child, request == Ptrace.T_GETRANGE, req);
            }
            case Ptrace.T_DETACH -> {
                return detach(child, req);
            }
            case Ptrace.T_RESUME, Ptrace.T_STEP, Ptrace.T_SYSCALL -> {
                return resume(child, request, req);
            }
            default -> {
                return kernel(request, child, req); // memory words and the user area; others are EINVAL there
            }
        }
    }

    /** T_ATTACH with MINIX's rules; the target stops with SIGSTOP for its new tracer. */
    private int attach(MProc caller, PmMsg req) {
        MProc child = live(req.pid());
        if (child == null) return Errno.ESRCH;
        boolean root = caller.effUid == Ids.SUPER_USER;
        // Others may trace only a process of their own effective ids that is not set-id.
        if (!root && (caller.effUid != child.effUid || caller.effGid != child.effGid
                || child.effUid != child.realUid || child.effGid != child.realGid)) return Errno.EPERM;
        if (!root && child.is(MProc.PRIV_PROC)) return Errno.EPERM;
        if (caller.is(MProc.PRIV_PROC)) return Errno.EPERM; // services use SYS_TRACE themselves
        if (child == caller || child.endpoint == table.self || child.slot == Endpoint.VM) return Errno.EPERM;
        if (child.tracer != MProc.NO_TRACER) return Errno.EBUSY;
        child.tracer = caller.slot;
        child.traceOptions = Ptrace.TO_NOEXEC;
        signals.signal(child, Signals.SIGSTOP, false);
        req.traceData(0);
        return Errno.OK;
    }

    /**
     * T_RESUME, T_STEP, T_SYSCALL: deliver {@code data} (a signal, 0 = none) past the tracer, and
     * let the process run unless more signals wait for the tracer (then it stays stopped and the
     * tracer's next wait reports the next one, as MINIX feigns success).
     */
    private int resume(MProc child, int request, PmMsg req) {
        long sig = req.traceData();
        if (sig < 0 || sig > Signals.NSIG) return Errno.EINVAL;
        req.traceData(0);
        int ep = child.endpoint;
        if (sig > 0) {
            signals.signal(child, (int) sig, false, false); // held as pending while TRACE_STOPPED
            if (!alive(child, ep)) return Errno.OK;
        }
        if (!child.traceSignals.isEmpty()) return Errno.OK;
        child.flags &= ~MProc.TRACE_STOPPED;
        if (!signals.checkPending(child)) return Errno.OK; // a pending signal ended it
        return call(request, ep, 0, 0).result;
    }

    /** T_DETACH: held signals go to the process, then {@code data}; it runs on untraced. */
    private int detach(MProc child, PmMsg req) {
        long sig = req.traceData();
        if (sig < 0 || sig > Signals.NSIG) return Errno.EINVAL;
        req.traceData(0);
        int ep = child.endpoint;
        child.tracer = MProc.NO_TRACER;
        for (int s = 1; s <= Signals.NSIG; s++) {
            if (!child.traceSignals.contains(s)) continue;
            child.traceSignals.remove(s);
            signals.signal(child, s, false);
            if (!alive(child, ep)) return Errno.OK;
        }
        if (sig > 0) {
            signals.signal(child, (int) sig, false);
            if (!alive(child, ep)) return Errno.OK;
        }
        child.flags &= ~MProc.TRACE_STOPPED;
        child.traceOptions = 0;
        if (!signals.checkPending(child)) return Errno.OK;
        return call(SysTraceMsg.T_DETACH, ep, 0, 0).result;
    }

    /** T_GETRANGE/T_SETRANGE: the descriptor comes from the caller, the bytes move by VIRCOPY. */
    private int range(MProc caller, MProc child, boolean get, PmMsg req) {
        int r = Sys.vircopy(trap, caller.endpoint, req.address(), table.self, RANGE_BUFFER, Ptrace.RANGE_SIZE);
        if (r != Errno.OK) return r;
        int space = trap.memory().readInt(RANGE_BUFFER + Ptrace.RANGE_SPACE);
        long traceeAddress = readLong(RANGE_BUFFER + Ptrace.RANGE_TRACEE_ADDRESS);
        long callerAddress = readLong(RANGE_BUFFER + Ptrace.RANGE_CALLER_ADDRESS);
        long length = readLong(RANGE_BUFFER + Ptrace.RANGE_LENGTH);
        if (space != Ptrace.TS_INS && space != Ptrace.TS_DATA) return Errno.EINVAL;
        if (length <= 0) return Errno.EINVAL;
        r = get ? Sys.vircopy(trap, child.endpoint, traceeAddress, caller.endpoint, callerAddress, length)
                : Sys.vircopy(trap, caller.endpoint, callerAddress, child.endpoint, traceeAddress, length);
        if (r != Errno.OK) return r;
        req.traceData(0);
        return Errno.OK;
    }

    private long readLong(long address) {
        return (trap.memory().readInt(address) & 0xFFFF_FFFFL) | (long) trap.memory().readInt(address + 4) << 32;
    }

    /** Requests the kernel answers alone: the value it returns goes back to the tracer. */
    private int kernel(int request, MProc target, PmMsg req) {
        KernelReply k = call(request, target.endpoint, req.address(), req.traceData());
        if (k.result != Errno.OK) return k.result;
        req.traceData(k.data);
        return Errno.OK;
    }

    private record KernelReply(int result, long data) {
    }

    private KernelReply call(int request, int endpoint, long address, long data) {
        Message m = new Message();
        new SysTraceMsg(m).request(request).endpoint(endpoint).address(address).data(data);
        int r = trap.kernelCall(SysCalls.SYS_TRACE, m);
        return new KernelReply(r, new SysTraceMsg(m).data());
    }

    // ------------------------------------------------------------------ hooks for signals, fork, exit, wait

    /**
     * The traced branch of signal delivery: any signal but SIGKILL is held for the tracer and
     * the process stops (if it is not stopped already). Returns false for an untraced process.
     */
    boolean intercepts(MProc p, int sig) {
        if (p.tracer == MProc.NO_TRACER || sig == Signals.SIGKILL) return false;
        p.traceSignals.add(sig);
        if (!p.is(MProc.TRACE_STOPPED)) stop(p, sig);
        return true;
    }

    /** trace_stop: the kernel stops the process; a tracer waiting for it hears of it at once. */
    private void stop(MProc p, int sig) {
        call(SysTraceMsg.T_STOP, p.endpoint, 0, 0);
        p.flags |= MProc.TRACE_STOPPED;
        MProc tracer = table.at(p.tracer);
        if (Lifecycle.waitingFor(tracer, p)) {
            p.traceSignals.remove(sig);
            tracer.flags &= ~MProc.WAITING;
            reply(tracer, p.pid, WaitStatus.stopCode(sig));
        }
    }

    /** wait4 by the tracer of a stopped tracee: the next held signal (taken), or 0 when none. */
    int nextStopSignal(MProc p) {
        if (!p.is(MProc.TRACE_STOPPED)) return 0;
        for (int sig = 1; sig <= Signals.NSIG; sig++) {
            if (p.traceSignals.contains(sig)) {
                p.traceSignals.remove(sig);
                return sig;
            }
        }
        return 0;
    }

    /** tell_tracer: the tracer learns of the tracee's death; the parent's turn comes next. */
    void tellTracer(MProc zombie) {
        MProc tracer = table.at(zombie.tracer);
        tracer.flags &= ~MProc.WAITING;
        reply(tracer, zombie.pid, Lifecycle.waitStatus(zombie));
        zombieSeen(zombie);
    }

    /** The tracer has seen the tracee's death: from now on it is its parent's zombie. */
    void zombieSeen(MProc zombie) {
        zombie.tracer = MProc.NO_TRACER;
        zombie.flags &= ~MProc.TRACE_ZOMBIE;
    }

    /**
     * The tracer {@code dead} is exiting: its live tracees are killed (their state is unknown),
     * its unseen dead ones go to their parents.
     */
    void tracerDied(MProc dead) {
        for (MProc q : table.all()) {
            if (!q.inUse() || q == dead || q.tracer != dead.slot) continue;
            q.tracer = MProc.NO_TRACER;
            q.traceOptions = 0;
            q.traceSignals.clear();
            if (q.is(MProc.TRACE_ZOMBIE)) {
                q.flags &= ~MProc.TRACE_ZOMBIE;
                life.checkParent(q);
            } else if (!q.is(MProc.ZOMBIE)) {
                signals.signal(q, Signals.SIGKILL, false);
            }
        }
    }

    /**
     * Fork: with TO_TRACEFORK the child has the parent's tracer and options, and the kernel stops
     * it before it first runs; {@link #startForked} then reports its SIGSTOP.
     */
    void inheritOnFork(MProc parent, MProc child) {
        if (parent.tracer == MProc.NO_TRACER || (parent.traceOptions & Ptrace.TO_TRACEFORK) == 0) return;
        child.tracer = parent.tracer;
        child.traceOptions = parent.traceOptions;
        call(SysTraceMsg.T_STOP, child.endpoint, 0, 0);
    }

    /** The traced fork child, now scheduled, stops for its tracer with SIGSTOP. */
    void startForked(MProc child) {
        if (child.tracer != MProc.NO_TRACER) signals.signal(child, Signals.SIGSTOP, false);
    }

    /**
     * A successful exec: a traced process stops with SIGTRAP, with SIGSTOP under TO_ALTEXEC,
     * not at all under TO_NOEXEC (spec §6.5).
     */
    void execDone(MProc p) {
        if (p.tracer == MProc.NO_TRACER || (p.traceOptions & Ptrace.TO_NOEXEC) != 0) return;
        signals.signal(p, (p.traceOptions & Ptrace.TO_ALTEXEC) != 0 ? Signals.SIGSTOP : Signals.SIGTRAP, false);
    }

    private MProc live(int pid) {
        MProc p = table.byPid(pid);
        return p == null || p.is(MProc.ZOMBIE) ? null : p;
    }

    private static boolean alive(MProc p, int endpoint) {
        return p.inUse() && p.endpoint == endpoint && !p.is(MProc.ZOMBIE);
    }

    private void reply(MProc to, int pid, int status) {
        Message m = new Message(pid);
        new PmMsg(m).pid(pid).value1(status);
        trap.sendnb(to.endpoint, m);
    }
}

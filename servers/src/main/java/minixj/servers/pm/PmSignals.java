package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmSigactionMsg;
import minixj.lib.ipc.layout.SysSigsendMsg;
import minixj.lib.sys.PendingSignals;
import minixj.lib.sys.Sys;

/**
 * Signals (MINIX's signal.c): kill, the actions (ignore, block, catch through SYS_SIGSEND with
 * sa_mask, SA_NODEFER and SA_RESETHAND, default), PM as the kernel's signal manager for user
 * processes. Timers are {@link Timers}'.
 */
final class PmSignals {
    private final Trap trap;
    private final ProcessTable table;
    private Lifecycle life;
    private Timers timers;
    private Trace tracing;

    PmSignals(Trap trap, ProcessTable table) {
        this.trap = trap;
        this.table = table;
    }

    void lifecycle(Lifecycle life) {
        this.life = life;
    }

    void timers(Timers timers) {
        this.timers = timers;
    }

    void tracing(Trace tracing) {
        this.tracing = tracing;
    }

    /** PM_KILL with MINIX's check_sig rules. */
    int kill(MProc caller, int pid, int sig) {
        if (sig < 0 || sig > Signals.NSIG) return Errno.EINVAL;
        if (sig == Signals.SIGKILL && pid == ProcessTable.INIT_PID) return Errno.EINVAL;
        int count = 0;
        int error = Errno.ESRCH;
        for (MProc p : table.all()) {
            if (!p.inUse()) continue;
            boolean match = pid > 0 ? p.pid == pid
                    : pid == 0 ? p.pgrp == caller.pgrp
                    : pid == -1 ? p.pid > ProcessTable.INIT_PID
                    : p.pgrp == -pid;
            if (!match || p.endpoint == table.vm) continue;
            if (pid == -1 && p.is(MProc.PRIV_PROC)) continue; // broadcasts never reach services
            if (p.is(MProc.PRIV_PROC) && !caller.is(MProc.PRIV_PROC) && sig != 0) {
                error = Errno.EPERM;
                continue;
            }
            if (caller.effUid != Ids.SUPER_USER && caller.realUid != p.realUid && caller.effUid != p.realUid
                    && caller.realUid != p.effUid && caller.effUid != p.effUid) {
                error = Errno.EPERM;
                continue;
            }
            count++;
            if (sig == 0 || p.is(MProc.ZOMBIE)) continue;
            signal(p, sig, false);
        }
        if (count == 0) return error;
        return caller.inUse() && !caller.is(MProc.ZOMBIE) ? Errno.OK : Errno.SUSPEND;
    }

    /** sig_proc: apply the process's action for {@code sig} (a tracer, if any, gets it first). */
    void signal(MProc p, int sig, boolean fromKernel) {
        signal(p, sig, true, fromKernel);
    }

    /** sig_proc; {@code trace} false: the signal goes past the tracer (it resumed the process with it). */
    void signal(MProc p, int sig, boolean trace, boolean fromKernel) {
        if (!p.inUse() || p.is(MProc.ZOMBIE)) return;
        if (trace && tracing.intercepts(p, sig)) return;
        if (p.is(MProc.PRIV_PROC)) {
            // A service's own signal manager handles it: let the kernel route it there.
            if (p.endpoint != table.self && !fromKernel) Sys.kill(trap, p.endpoint, sig); // PM ignores its own
            return;
        }
        if (sig == Signals.SIGCONT && p.is(MProc.PROC_STOPPED)) {
            Sys.resume(trap, p.endpoint);
            p.flags &= ~MProc.PROC_STOPPED;
            p.stopSignal = 0;
        }
        boolean badIgnore = fromKernel && Signals.isLethal(sig) && sig != Signals.SIGABRT
                && (p.ignore.contains(sig) || p.mask.contains(sig));
        if (sig != Signals.SIGKILL && !badIgnore) {
            if (p.ignore.contains(sig)) return;
            if (p.mask.contains(sig) && sig != Signals.SIGSTOP) {
                p.pending.add(sig);
                return;
            }
        }
        if (sig != Signals.SIGKILL && p.is(MProc.TRACE_STOPPED)) {
            p.pending.add(sig); // delivered when the tracer resumes the process
            return;
        }
        if (sig != Signals.SIGKILL && !badIgnore && p.catchSet.contains(sig)) {
            catchSignal(p, sig);
            return;
        }
        switch (sig) {
            case Signals.SIGCHLD, Signals.SIGURG, Signals.SIGWINCH, Signals.SIGCONT, Signals.SIGINFO,
                    Signals.SIGPWR -> {
                // default action: ignore
            }
            case Signals.SIGSTOP, Signals.SIGTSTP, Signals.SIGTTIN, Signals.SIGTTOU -> {
                if (Sys.stop(trap, p.endpoint) == Errno.OK) {
                    p.flags |= MProc.PROC_STOPPED;
                    life.stopped(p, sig);
                }
            }
            default -> life.exit(p, 0, sig);
        }
    }

    /**
     * unpause and sig_send: a process blocked in PM gets the handler at once. Any other is
     * stopped first with RC_DELAY: if it is in the middle of sending a message (to PM, say, a
     * call that reads the mask), the signal waits as pending (DELAY_CALL) until that send is
     * done, so the call is served with the mask it was made under (MINIX's rule).
     */
    private void catchSignal(MProc p, int sig) {
        if (p.is(MProc.DELAY_CALL)) {
            p.pending.add(sig);
            return;
        }
        if (p.is(MProc.WAITING) || p.is(MProc.SIGSUSPENDED)) {
            deliver(p, sig);
            return;
        }
        int r = Sys.delayStop(trap, p.endpoint);
        if (r == Errno.EBUSY) {
            p.flags |= MProc.DELAY_CALL;
            p.pending.add(sig);
            return;
        }
        int ep = p.endpoint;
        deliver(p, sig);
        if (r == Errno.OK && p.inUse() && p.endpoint == ep && !p.is(MProc.ZOMBIE) && !p.is(MProc.PROC_STOPPED)) {
            Sys.resume(trap, ep);
        }
    }

    /**
     * SIGSNDELAY (PM's own signal): some delayed process finished its send, and the kernel
     * stopped it. Those no longer sending get their pending signals, then run again.
     */
    void sendsDone(SigSet own) {
        if (!own.contains(Signals.SIGSNDELAY)) return;
        for (MProc p : table.all()) {
            if (!p.inUse() || !p.is(MProc.DELAY_CALL)) continue;
            if (p.is(MProc.ZOMBIE)) {
                p.flags &= ~MProc.DELAY_CALL;
                continue;
            }
            if (Sys.delayStop(trap, p.endpoint) == Errno.EBUSY) continue; // still sending
            p.flags &= ~MProc.DELAY_CALL;
            int ep = p.endpoint;
            if (checkPending(p) && !p.is(MProc.PROC_STOPPED)) Sys.resume(trap, ep);
        }
    }

    /** sig_send: the process runs handler id for sig when it next leaves the kernel. */
    private void deliver(MProc p, int sig) {
        Message m = new Message();
        new SysSigsendMsg(m).endpoint(p.endpoint).signal(sig).handlerId(p.handlers[sig]);
        if (trap.kernelCall(SysCalls.SYS_SIGSEND, m) != Errno.OK) {
            life.exit(p, 0, sig); // no way to run the handler: MINIX kills the process
            return;
        }
        SigSet old = new SigSet().copyFrom(p.is(MProc.SIGSUSPENDED) ? p.suspendSavedMask : p.mask);
        p.savedMasks.push(old);
        addAll(p.mask, new SigSet(p.actionMasks[sig], 0));
        if ((p.actionFlags[sig] & PmSigactionMsg.SA_NODEFER) == 0) p.mask.add(sig);
        p.mask.remove(Signals.SIGKILL).remove(Signals.SIGSTOP);
        if ((p.actionFlags[sig] & PmSigactionMsg.SA_RESETHAND) != 0) {
            p.handlers[sig] = PmMsg.SIG_DFL;
            p.catchSet.remove(sig);
            p.actionFlags[sig] &= ~PmSigactionMsg.SA_SIGINFO;
        }
        if (p.is(MProc.WAITING) || p.is(MProc.SIGSUSPENDED)) {
            // The interrupted call fails with EINTR; the handler runs before the process sees it.
            p.flags &= ~(MProc.WAITING | MProc.SIGSUSPENDED);
            p.suspendSavedMask = null;
            trap.sendnb(p.endpoint, new Message(Errno.EINTR));
        }
    }

    /** Deliver the pending signals the mask no longer blocks; false if the process died of one. */
    boolean checkPending(MProc p) {
        if (p.is(MProc.DELAY_CALL)) return true; // they go out once its send is done
        int ep = p.endpoint;
        for (int sig = 1; sig <= Signals.NSIG; sig++) {
            if (p.pending.contains(sig) && !p.mask.contains(sig)) {
                p.pending.remove(sig);
                signal(p, sig, false, false); // a tracer saw it already
                if (!p.inUse() || p.endpoint != ep || p.is(MProc.ZOMBIE)) return false;
            }
        }
        return true;
    }

    /** PM_SIGACTION: the reply holds the old action; with install 0 nothing changes. */
    int sigaction(MProc p, PmSigactionMsg req) {
        int sig = req.signal();
        if (sig < 1 || sig > Signals.NSIG) return Errno.EINVAL;
        boolean install = req.install() != 0;
        int handler = req.handler();
        int flags = req.flags();
        SigSet mask = req.mask();
        if (install && handler < PmMsg.SIG_IGN) return Errno.EINVAL;
        if (install && (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) && handler != PmMsg.SIG_DFL) {
            return Errno.EINVAL;
        }
        req.handler(p.handlers[sig]).flags(p.actionFlags[sig]).mask(new SigSet(p.actionMasks[sig], 0));
        if (!install) return Errno.OK;
        p.handlers[sig] = handler;
        p.actionFlags[sig] = flags;
        p.actionMasks[sig] = mask.low(); // user signals only (1..64)
        if (handler == PmMsg.SIG_IGN) {
            p.ignore.add(sig);
            p.catchSet.remove(sig);
            p.pending.remove(sig);
        } else if (handler == PmMsg.SIG_DFL) {
            p.ignore.remove(sig);
            p.catchSet.remove(sig);
        } else {
            p.ignore.remove(sig);
            p.catchSet.add(sig);
        }
        return Errno.OK;
    }

    /** Adds the user signals of {@code from} to {@code to}. */
    private static void addAll(SigSet to, SigSet from) {
        for (int s = 1; s <= Signals.NSIG; s++) if (from.contains(s)) to.add(s);
    }

    int sigprocmask(MProc p, PmMsg req) {
        SigSet set = req.sigset();
        SigSet old = new SigSet().copyFrom(p.mask);
        switch (req.number()) {
            case PmMsg.SIG_BLOCK -> { for (int s = 1; s <= Signals.NSIG; s++) if (set.contains(s)) p.mask.add(s); }
            case PmMsg.SIG_UNBLOCK -> { for (int s = 1; s <= Signals.NSIG; s++) if (set.contains(s)) p.mask.remove(s); }
            case PmMsg.SIG_SETMASK -> p.mask.copyFrom(set);
            case 0 -> { } // query only
            default -> { return Errno.EINVAL; }
        }
        p.mask.remove(Signals.SIGKILL).remove(Signals.SIGSTOP);
        req.sigset(old);
        return checkPending(p) ? Errno.OK : Errno.SUSPEND;
    }

    /** Wait with a temporary mask until a signal is caught (EINTR) or kills the process. */
    int sigsuspend(MProc p, PmMsg req) {
        p.suspendSavedMask = new SigSet().copyFrom(p.mask);
        p.mask.copyFrom(req.sigset()).remove(Signals.SIGKILL).remove(Signals.SIGSTOP);
        p.flags |= MProc.SIGSUSPENDED;
        checkPending(p);
        return Errno.SUSPEND;
    }

    /** The handler finished: restore the mask saved at delivery and tell the kernel. */
    int sigreturn(MProc p) {
        if (p.savedMasks.isEmpty()) return Errno.EINVAL;
        p.mask.copyFrom(p.savedMasks.pop()).remove(Signals.SIGKILL).remove(Signals.SIGSTOP);
        Message m = new Message();
        new SysSigsendMsg(m).endpoint(p.endpoint);
        int r = trap.kernelCall(SysCalls.SYS_SIGRETURN, m);
        if (r != Errno.OK) return r;
        return checkPending(p) ? Errno.OK : Errno.SUSPEND;
    }

    /** A notify from SYSTEM: fetch every process with kernel signals for PM and act on them. */
    void kernelSignals() {
        while (true) {
            PendingSignals ps = Sys.getksig(trap);
            if (ps.result() != Errno.OK || ps.endpoint() == Endpoint.NONE) return;
            int ep = ps.endpoint();
            MProc p = table.byEndpoint(ep);
            if (p == null) {
                // A user process PM never knew (started by the host after PM): it just runs on.
                Sys.endksig(trap, ep);
                continue;
            }
            for (int sig = 1; sig <= Signals.NSIG; sig++) {
                if (!ps.signals().contains(sig)) continue;
                if (!p.inUse() || p.endpoint != ep || p.is(MProc.ZOMBIE)) break;
                if (sig == Signals.SIGVTALRM || sig == Signals.SIGPROF) timers.virtualExpired(p, sig);
                signal(p, sig, true);
            }
            if (p.inUse() && p.endpoint == ep && !p.is(MProc.ZOMBIE)) Sys.endksig(trap, ep);
        }
    }

    /** The process ends: its real timer goes. */
    void cancelAlarm(MProc p) {
        timers.cancelReal(p);
    }
}

package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmSigactionMsg;
import minixj.lib.ipc.layout.SchedMsg;
import minixj.lib.ipc.layout.SysExecMsg;
import minixj.lib.ipc.layout.SysForkMsg;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.ipc.layout.VfsPmMsg;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.posix.WaitStatus;
import minixj.lib.sys.Sys;
import minixj.lib.sys.Times;

/** fork, posix_spawn, exit, wait (MINIX's forkexit.c): PM drives the kernel, VM, SCHED and tells VFS. */
final class Lifecycle {
    /** Non-root processes may not take the last few slots (MINIX's LAST_FEW). */
    static final int LAST_FEW = 2;
    static final int USER_Q = 7;
    static final int USER_QUANTUM_MS = 200;
    static final int MAX_ARGS = 4096;

    private final Trap trap;
    private final ProcessTable table;
    private final PmSignals signals;
    private Trace tracing;
    private final VfsLink vfs;
    private PmExec exec;
    private int nextSlot = Endpoint.INIT + 1;
    private Usage usage;

    Lifecycle(Trap trap, ProcessTable table, PmSignals signals, VfsLink vfs) {
        this.trap = trap;
        this.table = table;
        this.signals = signals;
        this.vfs = vfs;
    }

    void exec(PmExec exec) {
        this.exec = exec;
    }

    void tracing(Trace tracing) {
        this.tracing = tracing;
    }

    void usage(Usage usage) {
        this.usage = usage;
    }

    Usage usage() {
        return usage;
    }

    /**
     * PM_FORK: a new slot and pid, the kernel's fork, VM's copy of the address space, VFS told
     * (the parent waits for its answer, spec §6.4), then the child starts on the parent's image
     * at the entry class named by the argument block.
     */
    int fork(MProc parent, PmMsg req) {
        return forkCommon(parent, req, false);
    }

    /**
     * PM_SPAWN (MinixJ's posix_spawn): a fork whose child never runs the parent's program: once
     * VFS knows the child, it execs the path of the block at once. An exec failure removes the
     * child without a trace and is the parent's error, as posix_spawn reports it.
     */
    int spawn(MProc parent, PmMsg req) {
        return forkCommon(parent, req, true);
    }

    private int forkCommon(MProc parent, PmMsg req, boolean spawn) {
        int len = req.length();
        if (len <= 0 || len > MAX_ARGS) return Errno.EINVAL;
        if (spawn && (req.value1() <= 0 || req.value1() >= len)) return Errno.EINVAL;
        // Children go to slots after INIT's (the boot slots stay reserved for their services).
        int free = table.freeForkSlots();
        if (free == 0 || (free <= LAST_FEW && parent.effUid != Ids.SUPER_USER)) return Errno.EAGAIN;
        Message m = new Message();
        int childEp = Endpoint.NONE;
        int slot = -1;
        // A slot PM thinks free may hold a process the host started later: try the next one.
        for (int attempt = 0; attempt < Endpoint.NR_PROCS && childEp == Endpoint.NONE; attempt++) {
            slot = table.freeSlot(nextSlot);
            if (slot < 0) return Errno.EAGAIN;
            nextSlot = slot + 1;
            new SysForkMsg(m.clear()).parent(parent.endpoint).slot(slot);
            if (trap.kernelCall(SysCalls.SYS_FORK, m) == Errno.OK) childEp = new SysForkMsg(m).child();
        }
        if (childEp == Endpoint.NONE) return Errno.EAGAIN;
        if (table.vm != Endpoint.NONE) {
            new VmMsg(m.clear()).endpoint(parent.endpoint).child(childEp);
            m.type(VmMsg.VM_FORK);
            if (trap.sendrec(table.vm, m) != Errno.OK || m.type() != Errno.OK) {
                Sys.clear(trap, childEp);
                return Errno.ENOMEM;
            }
        }
        // The argument block goes from the parent's memory to the same address in the child's.
        int r = Sys.vircopy(trap, parent.endpoint, req.address(), childEp, req.address(), len);
        if (r != Errno.OK) {
            if (table.vm != Endpoint.NONE) vmExit(childEp);
            Sys.clear(trap, childEp);
            return r;
        }
        MProc child = table.at(slot);
        child.reset();
        child.flags = MProc.IN_USE | (spawn ? MProc.SPAWNING : 0);
        child.endpoint = childEp;
        child.pid = table.newPid();
        child.parent = parent.slot;
        child.inheritFrom(parent);
        tracing.inheritOnFork(parent, child);
        child.execAddress = req.address();
        child.execLength = len;
        child.execPathLength = spawn ? req.value1() : 0;
        Message tell = new Message(VfsPmMsg.VFS_PM_FORK);
        new VfsPmMsg(tell).endpoint(parent.endpoint).child(childEp).pid(child.pid);
        if (!vfs.tell(child, tell)) forked(child);
        return Errno.SUSPEND;
    }

    /** VFS knows the child (or there is no VFS): start it and answer the parent. */
    void forked(MProc child) {
        child.flags &= ~MProc.VFS_CALL;
        MProc parent = table.at(child.parent);
        if (child.is(MProc.SPAWNING)) {
            int r = exec.start(child, child.execAddress, child.execPathLength);
            if (r != Errno.OK) spawnFailed(child, r);
            return;
        }
        Message m = new Message();
        new SysExecMsg(m).endpoint(child.endpoint).flags(SysExecMsg.EXEC_SAME_IMAGE)
                .sourceEndpoint(parent.endpoint).argsAddress(child.execAddress).argsLength(child.execLength);
        int r = trap.kernelCall(SysCalls.SYS_EXEC, m);
        if (r == Errno.OK) r = startChild(child, parent);
        if (r != Errno.OK) {
            discard(child);
            replyTo(parent, r);
            return;
        }
        tracing.startForked(child);
        replyTo(parent, child.pid);
    }

    /** The spawned child runs its new program: it gets scheduled and the parent its pid. */
    void spawned(MProc child) {
        child.flags &= ~MProc.SPAWNING;
        MProc parent = table.at(child.parent);
        int r = startChild(child, parent);
        if (r != Errno.OK) {
            discard(child);
            replyTo(parent, r);
            return;
        }
        tracing.startForked(child);
        tracing.execDone(child);
        replyTo(parent, child.pid);
    }

    /** The spawned child's exec failed: it vanishes and the parent gets the error. */
    void spawnFailed(MProc child, int error) {
        MProc parent = table.at(child.parent);
        discard(child);
        replyTo(parent, error);
    }

    /** Privileges and scheduling of a new child. */
    private int startChild(MProc child, MProc parent) {
        // A service's child gets the user privileges but NO_PRIV (the kernel's rule): lift it.
        int r = parent.is(MProc.PRIV_PROC) ? Sys.privctlAllow(trap, child.endpoint) : Errno.OK;
        return r == Errno.OK ? schedule(child, parent) : r;
    }

    /** Undoes a child that never ran: VFS, VM and the kernel forget it; nobody is told. */
    private void discard(MProc child) {
        Message tell = new Message(VfsPmMsg.VFS_PM_EXIT);
        new VfsPmMsg(tell).endpoint(child.endpoint);
        vfs.tell(child, tell);
        Sys.clear(trap, child.endpoint);
        if (table.vm != Endpoint.NONE) vmExit(child.endpoint);
        release(child);
    }

    /** A late reply to a process PM suspended (nothing when it is gone meanwhile). */
    void replyTo(MProc p, int result) {
        if (!p.inUse() || p.is(MProc.ZOMBIE)) return;
        Message m = new Message(result);
        trap.sendnb(p.endpoint, m);
    }

    /**
     * The user processes of the boot image wait without a quantum until PM knows them (spec
     * §13): PM hands each to SCHED (or the kernel) now.
     */
    void scheduleBootProcesses() {
        for (MProc p : table.all()) {
            if (!p.inUse() || p.is(MProc.PRIV_PROC)) continue;
            int r = schedule(p, p);
            if (r != Errno.OK) throw new IllegalStateException("pm: cannot schedule boot process " + p.pid + ": " + r);
        }
    }

    /** SCHED takes the child (inheriting the parent's queue if SCHED has it), else the kernel. */
    private int schedule(MProc child, MProc parent) {
        Message m = new Message();
        if (table.sched != Endpoint.NONE) {
            boolean inherit = parent != child && parent.scheduler == table.sched;
            new SchedMsg(m).endpoint(child.endpoint).parent(parent.endpoint).maxPriority(USER_Q)
                    .quantum(USER_QUANTUM_MS);
            m.type(inherit ? SchedMsg.SCHEDULING_INHERIT : SchedMsg.SCHEDULING_START);
            if (trap.sendrec(table.sched, m) != Errno.OK || m.type() != Errno.OK) return Errno.EAGAIN;
            child.scheduler = table.sched;
            return Errno.OK;
        }
        new SysSchedctlMsg(m).flags(SysSchedctlMsg.FLAG_KERNEL).endpoint(child.endpoint).priority(USER_Q)
                .quantum(USER_QUANTUM_MS).cpu(0);
        child.scheduler = Endpoint.NONE;
        return trap.kernelCall(SysCalls.SYS_SCHEDCTL, m);
    }

    /**
     * The process ends with {@code code} (exit) or signal {@code sig}: its slot in the kernel is
     * freed, its children go to INIT, and it stays a zombie until its parent waits.
     */
    int exit(MProc p, int code, int sig) {
        // A session leader's end hangs up its process group (INIT's end is the system's).
        int hangupGroup = p.session == p.pid && p.slot != Endpoint.INIT ? p.pgrp : 0;
        p.exitStatus = code;
        p.sigStatus = sig;
        signals.cancelAlarm(p);
        // VFS closes the process's files; PM does not wait for it (requests reach VFS in order,
        // so a FORK reusing the slot comes after this EXIT).
        Message exitNotice = new Message(VfsPmMsg.VFS_PM_EXIT);
        new VfsPmMsg(exitNotice).endpoint(p.endpoint);
        vfs.tell(p, exitNotice);
        if (p.scheduler != Endpoint.NONE) {
            Message m = new Message(SchedMsg.SCHEDULING_STOP);
            new SchedMsg(m).endpoint(p.endpoint);
            trap.sendrec(p.scheduler, m);
        }
        Times t = Sys.times(trap, p.endpoint); // collected before the slot is cleared
        p.userTicks = t.userTicks();
        p.systemTicks = t.systemTicks();
        Sys.clear(trap, p.endpoint);
        if (table.vm != Endpoint.NONE) vmExit(p.endpoint);
        for (MProc c : table.all()) {
            if (!c.inUse() || c.parent != p.slot || c == p) continue;
            c.parent = Endpoint.INIT;
            if (c.is(MProc.ZOMBIE) && !c.is(MProc.TRACE_ZOMBIE)) checkParent(c);
        }
        tracing.tracerDied(p);
        p.flags = (p.flags & MProc.IN_USE) | MProc.ZOMBIE;
        p.pending.clear();
        zombify(p);
        if (hangupGroup != 0) hangUp(hangupGroup);
        return Errno.SUSPEND;
    }

    /** A tracer other than the parent hears of the death first (no SIGCHLD for it); then the parent. */
    private void zombify(MProc p) {
        if (p.tracer != MProc.NO_TRACER && p.tracer != p.parent) {
            p.flags |= MProc.TRACE_ZOMBIE;
            if (!waitingFor(table.at(p.tracer), p)) return; // its wait4 finds it
            tracing.tellTracer(p);
        }
        checkParent(p);
    }

    /** The zombie's parent collects it, or nobody will (INIT itself, no INIT, a dead parent). */
    void checkParent(MProc zombie) {
        MProc parent = table.at(zombie.parent);
        if (zombie.parent == zombie.slot || !parent.inUse() || parent.is(MProc.ZOMBIE)) release(zombie);
        else tellParent(zombie);
    }

    /** MINIX's wait_test: {@code waiter} waits in wait4 for a pid that {@code child} matches. */
    static boolean waitingFor(MProc waiter, MProc child) {
        return waiter.is(MProc.WAITING) && matches(waiter, child, waiter.waitPid);
    }

    /**
     * SIGHUP to each live member of {@code group}; when one of them is stopped, SIGCONT follows,
     * so that it sees the hang-up (POSIX's rule for a group left without its session).
     */
    private void hangUp(int group) {
        boolean anyStopped = false;
        for (MProc q : table.all()) {
            if (member(q, group)) anyStopped |= q.is(MProc.PROC_STOPPED);
        }
        for (MProc q : table.all()) {
            if (member(q, group)) signals.signal(q, Signals.SIGHUP, false);
        }
        if (!anyStopped) return;
        for (MProc q : table.all()) {
            if (member(q, group)) signals.signal(q, Signals.SIGCONT, false);
        }
    }

    private static boolean member(MProc q, int group) {
        return q.inUse() && !q.is(MProc.ZOMBIE) && !q.is(MProc.PRIV_PROC) && q.pgrp == group;
    }

    /**
     * {@code child} stopped on {@code sig}: a parent waiting with WUNTRACED learns it now (status
     * W_STOPCODE), else the stop waits for such a wait; and the parent gets SIGCHLD unless its
     * SIGCHLD action has SA_NOCLDSTOP.
     */
    void stopped(MProc child, int sig) {
        child.stopSignal = sig;
        MProc parent = table.at(child.parent);
        if (child.parent == child.slot || !parent.inUse() || parent.is(MProc.ZOMBIE)) return;
        if (parent.is(MProc.WAITING) && (parent.waitOptions & PmMsg.WUNTRACED) != 0
                && matches(parent, child, parent.waitPid)) {
            parent.flags &= ~MProc.WAITING;
            child.stopSignal = 0;
            Message m = new Message(child.pid);
            new PmMsg(m).pid(child.pid).value1(WaitStatus.stopCode(sig));
            trap.sendnb(parent.endpoint, m);
        }
        if ((parent.actionFlags[Signals.SIGCHLD] & PmSigactionMsg.SA_NOCLDSTOP) == 0) {
            signals.signal(parent, Signals.SIGCHLD, false);
        }
    }

    /** check_parent: a waiting parent collects the zombie at once, else it gets SIGCHLD. */
    private void tellParent(MProc zombie) {
        MProc parent = table.at(zombie.parent);
        if (waitingFor(parent, zombie)) {
            parent.flags &= ~MProc.WAITING;
            reap(parent, zombie);
        } else {
            signals.signal(parent, Signals.SIGCHLD, false);
        }
    }

    /**
     * PM_WAIT4: pid > 0 that child, -1 any, 0 own group, < -1 that group; WUNTRACED reports
     * stopped children too. A tracer also waits for its tracees: their stops (W_STOPCODE) and,
     * when it is not their parent, their deaths. A reaped child's rusage goes to the caller's
     * address; when that copy fails the call fails and the zombie stays for a later wait (MINIX).
     */
    int wait4(MProc p, PmMsg req) {
        int pid = req.pid();
        int options = req.number();
        long rusage = req.address();
        boolean any = false;
        for (MProc c : table.all()) {
            if (!c.inUse() || c == p) continue;
            boolean child = c.parent == p.slot;
            boolean traced = c.tracer == p.slot;
            boolean tracerMaySee = traced && (!c.is(MProc.ZOMBIE) || c.is(MProc.TRACE_ZOMBIE));
            if (!(child || tracerMaySee) || !matches(p, c, pid)) continue;
            any = true;
            if (tracerMaySee) {
                int tracedPid = c.pid;
                if (c.is(MProc.TRACE_ZOMBIE)) {
                    req.pid(tracedPid).value1(waitStatus(c));
                    tracing.zombieSeen(c);
                    checkParent(c);
                    return tracedPid;
                }
                int sig = tracing.nextStopSignal(c);
                if (sig > 0) {
                    req.pid(tracedPid).value1(WaitStatus.stopCode(sig));
                    return tracedPid;
                }
            }
            if (child && c.is(MProc.ZOMBIE) && !c.is(MProc.TRACE_ZOMBIE)) {
                int r = usage.copyChild(p, c, rusage);
                if (r != Errno.OK) return r;
                int childPid = c.pid;
                req.pid(childPid).value1(waitStatus(c));
                account(p, c);
                release(c);
                return childPid;
            }
            if (child && (options & PmMsg.WUNTRACED) != 0 && c.is(MProc.PROC_STOPPED) && c.stopSignal != 0) {
                req.pid(c.pid).value1(WaitStatus.stopCode(c.stopSignal));
                c.stopSignal = 0;
                return c.pid;
            }
        }
        if (!any) return Errno.ECHILD;
        if ((options & PmMsg.WNOHANG) != 0) return 0;
        p.flags |= MProc.WAITING;
        p.waitPid = pid;
        p.waitOptions = options;
        p.waitRusage = rusage;
        return Errno.SUSPEND;
    }

    private static boolean matches(MProc parent, MProc child, int pid) {
        if (pid > 0) return child.pid == pid;
        if (pid == -1) return true;
        if (pid == 0) return child.pgrp == parent.pgrp;
        return child.pgrp == -pid;
    }

    private void reap(MProc parent, MProc zombie) {
        int r = usage.copyChild(parent, zombie, parent.waitRusage);
        if (r != Errno.OK) {
            trap.sendnb(parent.endpoint, new Message(r)); // the zombie stays for a later wait
            return;
        }
        Message m = new Message(zombie.pid);
        new PmMsg(m).pid(zombie.pid).value1(waitStatus(zombie));
        account(parent, zombie);
        release(zombie);
        trap.sendnb(parent.endpoint, m);
    }

    /** MINIX's W_EXITCODE(code, sig): exit code in bits 8..15, terminating signal in 0..6. */
    static int waitStatus(MProc p) {
        return (p.exitStatus & 0xFF) << 8 | (p.sigStatus & 0x7F);
    }

    /** The waited-for child's times (and its own children's) count for the parent. */
    private static void account(MProc parent, MProc child) {
        parent.childUserTicks += child.userTicks + child.childUserTicks;
        parent.childSystemTicks += child.systemTicks + child.childSystemTicks;
    }

    /** PM_TIMES: the caller's ticks from the kernel, its children's from PM. */
    int times(MProc p, PmMsg req) {
        Times t = Sys.times(trap, p.endpoint);
        if (t.result() != Errno.OK) return t.result();
        req.userTicks(t.userTicks()).systemTicks(t.systemTicks()).childUserTicks(p.childUserTicks)
                .childSystemTicks(p.childSystemTicks).uptime(t.uptime());
        return Errno.OK;
    }

    private void release(MProc p) {
        p.reset();
    }

    private void vmExit(int endpoint) {
        Message m = new Message(VmMsg.VM_EXIT);
        new VmMsg(m).endpoint(endpoint);
        trap.sendrec(table.vm, m);
    }
}

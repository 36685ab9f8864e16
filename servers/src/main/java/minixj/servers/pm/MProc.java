package minixj.servers.pm;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.PmMsg;

/** One slot of PM's process table (MINIX's mproc). */
final class MProc {
    static final int IN_USE = 0x1;
    static final int WAITING = 0x2;
    static final int ZOMBIE = 0x4;
    static final int PROC_STOPPED = 0x8;
    static final int ALARM_ON = 0x10;
    /** Stopped for its tracer (ptrace), until the tracer resumes it. */
    static final int TRACE_STOPPED = 0x80;
    static final int SIGSUSPENDED = 0x100;
    /** A request about this process is out to VFS (spec §6.3). */
    static final int VFS_CALL = 0x400;
    static final int PRIV_PROC = 0x2000;
    /** A caught signal waits until the process's message in transit has arrived (RC_DELAY). */
    static final int DELAY_CALL = 0x20000;
    /** Ran a set-uid/set-gid program (issetugid); exec sets it once exec goes through PM. */
    static final int TAINTED = 0x40000;
    /** A zombie (also ZOMBIE) its tracer, not its parent, must see first. */
    static final int TRACE_ZOMBIE = 0x10000;
    /** {@link #tracer} of an untraced process. */
    static final int NO_TRACER = -1;
    /** MinixJ: a posix_spawn child between its fork and its exec. */
    static final int SPAWNING = 0x100000;

    final int slot;
    int flags;
    int endpoint;
    int pid;
    int parent;
    /** Exit code and terminating signal, as wait reports them. */
    int exitStatus;
    int sigStatus;
    int realUid, effUid, savedUid, realGid, effGid, savedGid;
    int pgrp;
    int session;
    /** WAIT4's pid and options while WAITING. */
    int waitPid;
    int waitOptions;
    /** Who schedules the process: SCHED's endpoint, or NONE for the kernel. */
    int scheduler;
    final SigSet ignore = new SigSet();
    final SigSet catchSet = new SigSet();
    final SigSet mask = new SigSet();
    final SigSet pending = new SigSet();
    /** Masks to restore at SIGRETURN (one per running handler) or at the end of SIGSUSPEND. */
    final Deque<SigSet> savedMasks = new ArrayDeque<>();
    SigSet suspendSavedMask;
    final int[] handlers = new int[Signals.NSIG + 1];
    /** sigaction's SA_* flags and sa_mask (signals 1..64 as SigSet's low word) by signal. */
    final int[] actionFlags = new int[Signals.NSIG + 1];
    final long[] actionMasks = new long[Signals.NSIG + 1];
    /** The signal that stopped the process, until a WUNTRACED wait reports it (0 = none). */
    int stopSignal;
    /** Where WAIT4 copies the child's rusage while WAITING (0 = nowhere). */
    long waitRusage;
    /** Interval of each itimer in ticks (ITIMER_REAL, _VIRTUAL, _PROF). */
    final long[] itimerIntervals = new long[3];
    /** Supplementary groups. */
    final int[] groups = new int[PmInfoMsg.NGROUPS_MAX];
    int groupCount;
    /** Own CPU ticks at exit, and those of waited-for children (times(2)'s cutime/cstime). */
    long userTicks, systemTicks, childUserTicks, childSystemTicks;
    /** The VFS_PM_* request out while VFS_CALL, and the value to reply to the caller once VFS answered. */
    int vfsRequest;
    int vfsReplyValue;
    /** The fork or exec block in the process's memory (path, then arguments) while VFS works on it. */
    long execAddress;
    int execLength;
    int execPathLength;
    /** Absolute uptime in ticks at which the alarm fires (valid with ALARM_ON). */
    long alarmAt;
    /** ptrace: the tracer's slot (or NO_TRACER), its TO_* options, signals held for it. */
    int tracer = NO_TRACER;
    int traceOptions;
    final SigSet traceSignals = new SigSet();

    MProc(int slot) {
        this.slot = slot;
        Arrays.fill(handlers, PmMsg.SIG_DFL);
    }

    boolean inUse() { return (flags & IN_USE) != 0; }
    boolean is(int flag) { return (flags & flag) != 0; }

    void reset() {
        flags = 0;
        endpoint = 0;
        pid = 0;
        parent = 0;
        exitStatus = 0;
        sigStatus = 0;
        ignore.clear();
        catchSet.clear();
        mask.clear();
        pending.clear();
        savedMasks.clear();
        suspendSavedMask = null;
        Arrays.fill(handlers, PmMsg.SIG_DFL);
        Arrays.fill(actionFlags, 0);
        Arrays.fill(actionMasks, 0);
        stopSignal = 0;
        waitRusage = 0;
        Arrays.fill(itimerIntervals, 0);
        groupCount = 0;
        alarmAt = 0;
        tracer = NO_TRACER;
        traceOptions = 0;
        traceSignals.clear();
        vfsRequest = 0;
        vfsReplyValue = 0;
        execAddress = 0;
        execLength = 0;
        execPathLength = 0;
        userTicks = 0;
        systemTicks = 0;
        childUserTicks = 0;
        childSystemTicks = 0;
    }

    /** The fork child's copy of its parent (MINIX keeps ids, groups, signal dispositions and mask). */
    void inheritFrom(MProc p) {
        realUid = p.realUid; effUid = p.effUid; savedUid = p.savedUid;
        realGid = p.realGid; effGid = p.effGid; savedGid = p.savedGid;
        pgrp = p.pgrp;
        session = p.session;
        ignore.copyFrom(p.ignore);
        catchSet.copyFrom(p.catchSet);
        mask.copyFrom(p.mask);
        System.arraycopy(p.handlers, 0, handlers, 0, handlers.length);
        System.arraycopy(p.actionFlags, 0, actionFlags, 0, actionFlags.length);
        System.arraycopy(p.actionMasks, 0, actionMasks, 0, actionMasks.length);
        System.arraycopy(p.groups, 0, groups, 0, groups.length);
        groupCount = p.groupCount;
    }
}

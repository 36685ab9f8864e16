package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmSigactionMsg;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.ipc.layout.VfsPmMsg;

/**
 * PM's main loop: calls from processes (MINIX's PM_BASE numbers), notifies from SYSTEM (kernel
 * signals, PM being the signal manager of user processes) and from CLOCK (alarms).
 */
public final class Pm {
    private Pm() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        ProcessTable table = ProcessTable.boot(trap);
        VfsLink vfs = new VfsLink(trap, table.vfs);
        vfs.boot(table);
        PmSignals signals = new PmSignals(trap, table);
        Lifecycle life = new Lifecycle(trap, table, signals, vfs);
        PmExec exec = new PmExec(trap, vfs, life);
        life.exec(exec);
        signals.lifecycle(life);
        Timers timers = new Timers(trap, table, signals);
        signals.timers(timers);
        life.usage(new Usage(trap, table));
        Clocks clocks = new Clocks(trap);
        SysInfo sysinfo = new SysInfo(trap, table);
        Reboot reboot = new Reboot(trap, table, signals, timers);
        Trace tracing = new Trace(trap, table, signals, life);
        signals.tracing(tracing);
        life.tracing(tracing);
        exec.tracing(tracing);
        life.scheduleBootProcesses();
        Message m = new Message();
        while (true) {
            if (trap.receive(Endpoint.ANY, m) != Errno.OK) continue;
            int source = m.source();
            vfs.pump();
            if (vfs.isReply(source, m)) {
                vfsReplied(table, life, exec, new VfsPmMsg(m));
                continue;
            }
            if (Ipc.isNotify(trap.ipcStatus())) {
                if (source == Endpoint.SYSTEM) {
                    signals.sendsDone(new NotifyMessage(m).sigset());
                    signals.kernelSignals();
                }
                else if (source == Endpoint.CLOCK) timers.expired();
                continue;
            }
            MProc caller = table.byEndpoint(source);
            if (caller == null || caller.is(MProc.ZOMBIE)) {
                m.type(Errno.ESRCH); // not a process PM knows: nothing to do for it
                trap.sendnb(source, m);
                continue;
            }
            PmMsg req = new PmMsg(m);
            int result = switch (m.type()) {
                case PmMsg.PM_EXIT -> life.exit(caller, req.number() & 0xFF, 0);
                case PmMsg.PM_FORK -> life.fork(caller, req);
                case PmMsg.PM_WAIT4 -> life.wait4(caller, req);
                case PmMsg.PM_GETPID -> getpid(table, caller, req);
                case PmMsg.PM_KILL -> signals.kill(caller, req.pid(), req.number());
                case PmMsg.PM_SIGACTION -> signals.sigaction(caller, new PmSigactionMsg(m));
                case PmMsg.PM_SIGPROCMASK -> signals.sigprocmask(caller, req);
                case PmMsg.PM_SIGPENDING -> { req.sigset(caller.pending); yield Errno.OK; }
                case PmMsg.PM_SIGSUSPEND -> signals.sigsuspend(caller, req);
                case PmMsg.PM_SIGRETURN -> signals.sigreturn(caller);
                case PmMsg.PM_ITIMER -> timers.itimer(caller, new PmTimeMsg(m));
                case PmMsg.PM_CLOCK_GETRES, PmMsg.PM_CLOCK_GETTIME, PmMsg.PM_CLOCK_SETTIME, PmMsg.PM_GETTIMEOFDAY,
                        PmMsg.PM_STIME -> clocks.call(caller, m.type(), new PmTimeMsg(m));
                case PmMsg.PM_GETRUSAGE -> life.usage().getrusage(caller, new PmInfoMsg(m));
                case PmMsg.PM_GETSYSINFO -> sysinfo.getsysinfo(caller, new PmInfoMsg(m));
                case PmMsg.PM_REBOOT -> reboot.reboot(caller, new PmInfoMsg(m));
                case PmMsg.PM_GETGROUPS, PmMsg.PM_SETGROUPS -> Ids.groups(caller, m.type(), new PmInfoMsg(m));
                case PmMsg.PM_ISSETUGID -> caller.is(MProc.TAINTED) ? 1 : 0;
                case PmMsg.PM_GETUID -> { req.value1(caller.realUid).value2(caller.effUid); yield caller.realUid; }
                case PmMsg.PM_GETGID -> { req.value1(caller.realGid).value2(caller.effGid); yield caller.realGid; }
                case PmMsg.PM_SETUID, PmMsg.PM_SETEUID, PmMsg.PM_SETGID, PmMsg.PM_SETEGID ->
                        tellIds(vfs, caller, m.type(), Ids.set(caller, m.type(), req.number()));
                case PmMsg.PM_SETSID -> tellIds(vfs, caller, m.type(), Ids.setsid(table, caller));
                case PmMsg.PM_EXEC -> exec.exec(caller, req);
                case PmMsg.PM_SPAWN -> life.spawn(caller, req);
                case PmMsg.PM_GETPGRP -> caller.pgrp;
                case PmMsg.PM_GETSID -> Ids.getsid(table, caller, req.pid());
                case PmMsg.PM_TIMES -> life.times(caller, req);
                case PmMsg.PM_SETPGID -> Ids.setpgid(table, caller, req.pid(), req.number());
                case PmMsg.PM_PTRACE -> tracing.ptrace(caller, req);
                default -> Errno.ENOSYS;
            };
            if (result == Errno.SUSPEND) continue; // the reply comes later, or never (exit)
            m.type(result);
            trap.sendnb(source, m);
        }
    }

    /**
     * A change of ids or session that succeeded is told to VFS, and the caller answered when VFS
     * has taken it (spec §6.3), so its next call to VFS already runs with the new ids.
     */
    private static int tellIds(VfsLink vfs, MProc caller, int call, int result) {
        if (result < 0) return result;
        Message m = new Message();
        VfsPmMsg tell = new VfsPmMsg(m).endpoint(caller.endpoint);
        if (call == PmMsg.PM_SETSID) {
            m.type(VfsPmMsg.VFS_PM_SETSID);
        } else if (call == PmMsg.PM_SETUID || call == PmMsg.PM_SETEUID) {
            m.type(VfsPmMsg.VFS_PM_SETUID);
            tell.id1(caller.effUid).id2(caller.realUid);
        } else {
            m.type(VfsPmMsg.VFS_PM_SETGID);
            tell.id1(caller.effGid).id2(caller.realGid);
        }
        if (!vfs.tell(caller, m)) return result;
        caller.vfsReplyValue = result;
        return Errno.SUSPEND;
    }

    /** A reply of VFS: the request it ends continues. Replies for processes gone meanwhile are dropped. */
    private static void vfsReplied(ProcessTable table, Lifecycle life, PmExec exec, VfsPmMsg reply) {
        MProc p = table.byEndpoint(reply.endpoint());
        if (p == null || !p.is(MProc.VFS_CALL)) return;
        int request = reply.message().type() - VfsPmMsg.VFS_PM_RS_BASE + VfsPmMsg.VFS_PM_RQ_BASE;
        if (request != p.vfsRequest) return;
        switch (request) {
            case VfsPmMsg.VFS_PM_FORK -> life.forked(p);
            case VfsPmMsg.VFS_PM_EXEC -> exec.vfsReplied(p, reply);
            case VfsPmMsg.VFS_PM_SETUID, VfsPmMsg.VFS_PM_SETGID, VfsPmMsg.VFS_PM_SETSID -> {
                p.flags &= ~MProc.VFS_CALL;
                life.replyTo(p, p.vfsReplyValue);
            }
            default -> p.flags &= ~MProc.VFS_CALL;
        }
    }

    private static int getpid(ProcessTable table, MProc caller, PmMsg req) {
        req.pid(caller.pid).value1(table.at(caller.parent).pid);
        return caller.pid;
    }
}

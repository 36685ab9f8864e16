package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;

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
        PmSignals signals = new PmSignals(trap, table);
        Lifecycle life = new Lifecycle(trap, table, signals);
        signals.lifecycle(life);
        Trace tracing = new Trace(trap, table, signals, life);
        signals.tracing(tracing);
        life.tracing(tracing);
        Message m = new Message();
        while (true) {
            if (trap.receive(Endpoint.ANY, m) != Errno.OK) continue;
            int source = m.source();
            if (Ipc.isNotify(trap.ipcStatus())) {
                if (source == Endpoint.SYSTEM) signals.kernelSignals();
                else if (source == Endpoint.CLOCK) signals.alarms();
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
                case PmMsg.PM_SIGACTION -> signals.sigaction(caller, req);
                case PmMsg.PM_SIGPROCMASK -> signals.sigprocmask(caller, req);
                case PmMsg.PM_SIGPENDING -> { req.sigset(caller.pending); yield Errno.OK; }
                case PmMsg.PM_SIGSUSPEND -> signals.sigsuspend(caller, req);
                case PmMsg.PM_SIGRETURN -> signals.sigreturn(caller);
                case PmMsg.PM_ITIMER -> signals.alarm(caller, req.number());
                case PmMsg.PM_GETUID -> { req.value1(caller.realUid).value2(caller.effUid); yield caller.realUid; }
                case PmMsg.PM_GETGID -> { req.value1(caller.realGid).value2(caller.effGid); yield caller.realGid; }
                case PmMsg.PM_SETUID, PmMsg.PM_SETEUID, PmMsg.PM_SETGID, PmMsg.PM_SETEGID ->
                        Ids.set(caller, m.type(), req.number());
                case PmMsg.PM_SETSID -> Ids.setsid(table, caller);
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

    private static int getpid(ProcessTable table, MProc caller, PmMsg req) {
        req.pid(caller.pid).value1(table.at(caller.parent).pid);
        return caller.pid;
    }
}

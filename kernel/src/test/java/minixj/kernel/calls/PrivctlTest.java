package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.kernel.calls.Harness.rtsOf;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysPrivctlMsg;
import minixj.lib.sys.PrivFields;
import minixj.lib.sys.Sys;

/** SYS_PRIVCTL: freezing and thawing processes, installing privileges, clearing IPC references. */
class PrivctlTest {
    static final int RECEIVING = 0x8;
    static final int SENDING = 0x4;
    static final int NO_PRIV = 0x80;

    /** Serves forever: each request is answered with the result of a non-basic kernel call. */
    static void echo(Trap t, AtomicInteger served) {
        Message m = new Message();
        while (true) {
            assertEquals(OK, t.receive(Endpoint.ANY, m));
            served.incrementAndGet();
            int probe = Sys.kill(t, Endpoint.make(9, 99), 15); // EINVAL if allowed, ECALLDENIED if not
            assertEquals(OK, t.send(m.source(), msg(0x7301, probe)));
        }
    }

    @Test
    void disallowFreezesAllowThawsAndSetSysInstallsNewPrivileges() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger served = new AtomicInteger();
            AtomicInteger ctlEp = new AtomicInteger();
            int victim = h.system("victim", args -> echo(Trap.current(), served));
            // Blocks for good: the controller never receives from it.
            int user = h.spawn(ProcessSpec.user("user", args -> Trap.current().sendrec(ctlEp.get(), new Message())));
            int ctl = h.system("ctl", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.sendrec(victim, m));
                assertEquals(EINVAL, m.getInt(0), "all kernel calls allowed");

                assertEquals(EPERM, Sys.privctlAllow(t, victim), "not frozen");
                assertEquals(OK, Sys.privctlDisallow(t, victim));
                assertEquals(EPERM, Sys.privctlDisallow(t, victim), "already frozen");
                assertEquals(RECEIVING | NO_PRIV, rtsOf(t, victim));
                assertEquals(OK, t.send(victim, msg(1)), "delivered: it was receiving");
                Harness.sleepTicks(t, 3);
                assertEquals(1, served.get(), "frozen: the second request is not served");
                assertEquals(NO_PRIV, rtsOf(t, victim), "has the message but may not run");
                assertEquals(OK, Sys.privctlAllow(t, victim));
                assertEquals(OK, t.receive(victim, m));
                assertEquals(2, served.get(), "ran once allowed");

                assertEquals(EPERM, Sys.privctlSetSys(t, victim, fields(SysCalls.BASIC_CALLS)), "not frozen");
                assertEquals(OK, Sys.privctlDisallow(t, victim));
                assertEquals(OK, Sys.privctlSetSys(t, victim, fields(SysCalls.BASIC_CALLS)));
                assertEquals(SysCalls.BASIC_CALLS, Harness.privLong(t, victim, Harness.PRIV_KCALLS));
                assertTrue((Harness.privField(t, victim, Harness.PRIV_FLAGS) & PrivFlags.SYS_PROC) != 0);
                assertEquals(OK, Sys.privctlAllow(t, victim));
                assertEquals(OK, t.sendrec(victim, m));
                assertEquals(ECALLDENIED, m.getInt(0), "the new kernel-call mask applies");

                assertEquals(EPERM, Sys.privctlSetSys(t, user, fields(SysCalls.BASIC_CALLS)), "a user, not frozen");
                assertEquals(EPERM, Sys.privctlAllow(t, Endpoint.CLOCK), "a task");
                assertEquals(EINVAL, Sys.privctlAllow(t, Endpoint.make(7, 70)), "no such process");
                assertEquals(EINVAL, Sys.privctl(t, victim, 99), "unknown request");
            });
            ctlEp.set(ctl);
            h.start();
            h.awaitOk(ctl);
        }
    }

    static PrivFields fields(long calls) {
        return new PrivFields(-1, PrivFlags.PREEMPTIBLE, 0, Ipc.TRAP_ALL, -1L, calls, Endpoint.NONE, Endpoint.NONE);
    }

    /** YIELD lets a frozen process run and freezes the caller until someone allows it again. */
    @Test
    void yieldHandsTheCpuToAFrozenProcess() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger ctl = new AtomicInteger();
            java.util.concurrent.atomic.AtomicBoolean sawCallerFrozen = new java.util.concurrent.atomic.AtomicBoolean();
            int heir = h.system("heir", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(ctl.get(), m));
                sawCallerFrozen.set(rtsOf(t, ctl.get()) == NO_PRIV);
                assertEquals(OK, Sys.privctlAllow(t, ctl.get()));
                assertEquals(OK, t.send(ctl.get(), m));
            });
            ctl.set(h.system("ctl", args -> {
                Trap t = Trap.current();
                assertEquals(EPERM, Sys.privctl(t, heir, SysPrivctlMsg.YIELD), "the heir is not frozen");
                Message m = new Message();
                assertEquals(OK, t.send(heir, m));
                assertEquals(OK, Sys.privctlDisallow(t, heir));
                assertEquals(OK, Sys.privctl(t, heir, SysPrivctlMsg.YIELD));
                // Back here only after the heir allowed us.
                assertTrue(sawCallerFrozen.get(), "the heir ran while we were frozen");
                assertEquals(OK, t.receive(heir, m));
            }));
            h.start();
            h.awaitOk(ctl.get(), heir);
        }
    }

    @Test
    void clearIpcRefsFailsEveryoneBlockedOnTheProcess() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger ctl = new AtomicInteger();
            int target = h.system("target", args -> {
                Trap t = Trap.current();
                assertEquals(OK, t.receive(ctl.get(), new Message()));
            });
            int sender = h.system("sender", args -> {
                Trap t = Trap.current();
                int r = t.send(target, msg(1));
                assertEquals(OK, t.send(ctl.get(), msg(2, r)));
            });
            int receiver = h.system("receiver", args -> {
                Trap t = Trap.current();
                int r = t.receive(target, new Message());
                assertEquals(OK, t.send(ctl.get(), msg(3, r)));
            });
            ctl.set(h.system("ctl", args -> {
                Trap t = Trap.current();
                assertEquals(SENDING, rtsOf(t, sender));
                assertEquals(RECEIVING, rtsOf(t, receiver));
                assertEquals(OK, Sys.privctlClearIpcRefs(t, target));
                Message m = new Message();
                for (int i = 0; i < 2; i++) {
                    assertEquals(OK, t.receive(Endpoint.ANY, m));
                    assertEquals(EDEADSRCDST, m.getInt(0), "type " + m.type());
                }
                assertEquals(RECEIVING, rtsOf(t, target), "the target itself is untouched");
                assertEquals(OK, t.send(target, m));
                Message raw = new Message();
                new SysPrivctlMsg(raw).endpoint(Endpoint.CLOCK).request(SysPrivctlMsg.CLEAR_IPC_REFS);
                assertEquals(OK, t.kernelCall(SysCalls.SYS_PRIVCTL, raw), "allowed on tasks");
            }));
            h.start();
            h.awaitOk(ctl.get(), target, sender, receiver);
        }
    }
}

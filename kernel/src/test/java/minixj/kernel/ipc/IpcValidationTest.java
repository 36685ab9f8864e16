package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Spec §1.2: the checks of SEND/RECEIVE/SENDREC/NOTIFY/SENDNB and their order — ANY (EINVAL),
 * a live endpoint (EDEADSRCDST), the IPC mask (ECALLDENIED), the trap mask (ETRAPDENIED), kernel
 * tasks only by SENDREC/RECEIVE (ETRAPDENIED). A bad call number cannot be expressed through
 * {@link Trap}, whose methods fix the call numbers.
 */
class IpcValidationTest {
    /** An endpoint in a slot nobody uses. */
    private static final int UNUSED = Endpoint.make(1, 200);

    @Test
    void anyAsDestinationGivesEinval() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.system("p", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(EINVAL, t.send(Endpoint.ANY, m), "send ANY");
                expect(EINVAL, t.sendnb(Endpoint.ANY, m), "sendnb ANY");
                expect(EINVAL, t.sendrec(Endpoint.ANY, m), "sendrec ANY");
                expect(EINVAL, t.notify(Endpoint.ANY), "notify ANY");
            });
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void deadOrInvalidEndpointGivesEdeadsrcdst() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.system("p", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(EDEADSRCDST, t.send(UNUSED, m), "send to a free slot");
                expect(EDEADSRCDST, t.sendnb(UNUSED, m), "sendnb to a free slot");
                expect(EDEADSRCDST, t.sendrec(UNUSED, m), "sendrec to a free slot");
                expect(EDEADSRCDST, t.notify(UNUSED), "notify to a free slot");
                expect(EDEADSRCDST, t.receive(UNUSED, m), "receive from a free slot");
                expect(EDEADSRCDST, t.send(Endpoint.make(0, Endpoint.NR_PROCS + 5), m), "slot out of range");
                expect(EDEADSRCDST, t.send(Endpoint.NONE, m), "NONE");
            });
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void targetOutsideIpcMaskGivesEcalldenied() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            h.system("peer", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            // Spawned last, so no later spawn grants it rights back through the symmetric rule.
            int p = h.spawn(ProcessSpec.system("isolated", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(ECALLDENIED, t.send(h.ep("peer"), m), "send");
                expect(ECALLDENIED, t.sendnb(h.ep("peer"), m), "sendnb");
                expect(ECALLDENIED, t.sendrec(h.ep("peer"), m), "sendrec");
                expect(ECALLDENIED, t.notify(h.ep("peer")), "notify");
            }).withIpcTargets(0));
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void receiveIsNotSubjectToTheIpcMask() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // The peer stays alive, blocked on a source that never sends.
            h.system("peer", args -> Trap.current().receive(Endpoint.CLOCK, new Message()));
            int p = h.spawn(ProcessSpec.system("isolated", args -> {
                expect(ENOTREADY, Trap.current().receiveNonBlocking(h.ep("peer"), new Message()), "receive");
            }).withIpcTargets(0));
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void deadEndpointIsCheckedBeforeTheIpcMask() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.spawn(ProcessSpec.system("isolated", args -> {
                expect(EDEADSRCDST, Trap.current().send(UNUSED, new Message(1)), "send");
            }).withIpcTargets(0));
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void userProcessMayOnlySendrec() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int service = h.system("service", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "service receive");
                expect(OK, t.sendnb(m.source(), m.type(m.type() + 1)), "service reply");
            });
            int user = h.user("user", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(ETRAPDENIED, t.send(service, m), "send");
                expect(ETRAPDENIED, t.sendnb(service, m), "sendnb");
                expect(ETRAPDENIED, t.notify(service), "notify");
                expect(ETRAPDENIED, t.receive(Endpoint.ANY, m), "receive");
                expect(ETRAPDENIED, t.receiveNonBlocking(service, m), "receive nonblocking");
                expect(OK, t.sendrec(service, m.type(1)), "sendrec");
                expect(2, m.type(), "reply type");
            });
            h.start();
            h.awaitClean(user, service);
        }
    }

    @Test
    void userProcessChecksPrecedingTheTrapMaskComeFirst() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int user = h.user("user", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(EINVAL, t.send(Endpoint.ANY, m), "ANY before trap mask");
                expect(EDEADSRCDST, t.notify(UNUSED), "dead endpoint before trap mask");
                expect(EDEADSRCDST, t.receive(UNUSED, m), "dead source before trap mask");
                expect(ECALLDENIED, t.send(h.ep("isolated"), m), "IPC mask before trap mask");
            });
            h.spawn(ProcessSpec.system("isolated", args -> { }).withIpcTargets(0));
            h.start();
            h.awaitClean(user);
        }
    }

    @Test
    void kernelTaskTargetedWithSendOrNotifyGivesEtrapdenied() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.system("p", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(ETRAPDENIED, t.send(Endpoint.CLOCK, m), "send CLOCK");
                expect(ETRAPDENIED, t.sendnb(Endpoint.SYSTEM, m), "sendnb SYSTEM");
                expect(ETRAPDENIED, t.notify(Endpoint.CLOCK), "notify CLOCK");
                expect(ETRAPDENIED, t.notify(Endpoint.HARDWARE), "notify HARDWARE");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.CLOCK, m), "receive from CLOCK is allowed");
            });
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void ipcMaskIsCheckedBeforeTheKernelTaskRule() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.spawn(ProcessSpec.system("isolated", args -> {
                expect(ECALLDENIED, Trap.current().send(Endpoint.CLOCK, new Message(1)), "send CLOCK");
            }).withIpcTargets(0));
            h.start();
            h.awaitClean(p);
        }
    }
}

package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysStatectlMsg;

/**
 * Spec §1.8: a blocking SEND or RECEIVE that would close a cycle of blocked processes fails with
 * ELOCKED, except the two-party request/reply pattern (one side sending, the other receiving).
 */
class DeadlockTest {
    @Test
    void mutualSendGivesElocked() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int a = h.system("a", args -> expect(OK, Trap.current().send(h.ep("b"), new Message(1)), "a send"));
            int b = h.system("b", args -> {
                Trap t = Trap.current();
                expect(ELOCKED, t.send(h.ep("a"), new Message(2)), "b send closes the cycle");
                expect(OK, t.receive(h.ep("a"), new Message()), "b takes a's message");
            });
            h.start();
            h.awaitClean(a, b);
        }
    }

    @Test
    void threeCycleGivesElockedToTheClosingSend() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int a = h.system("a", args -> expect(OK, Trap.current().send(h.ep("b"), new Message(1)), "a send"));
            int b = h.system("b", args -> {
                Trap t = Trap.current();
                expect(OK, t.send(h.ep("c"), new Message(2)), "b send");
                expect(OK, t.receive(h.ep("a"), new Message()), "b takes a's message");
            });
            int c = h.system("c", args -> {
                Trap t = Trap.current();
                expect(ELOCKED, t.send(h.ep("a"), new Message(3)), "c send closes a->b->c->a");
                expect(OK, t.receive(h.ep("b"), new Message()), "c takes b's message");
            });
            h.start();
            h.awaitClean(a, b, c);
        }
    }

    @Test
    void receiveFromAProcessReceivingFromYouGivesElocked() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int a = h.system("a", args -> expect(OK, Trap.current().receive(h.ep("b"), new Message()), "a receive"));
            int b = h.system("b", args -> {
                Trap t = Trap.current();
                expect(ELOCKED, t.receive(h.ep("a"), new Message()), "both receiving");
                expect(OK, t.send(h.ep("a"), new Message(1)), "b unblocks a");
            });
            h.start();
            h.awaitClean(a, b);
        }
    }

    @Test
    void mutualSendrecGivesElocked() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int a = h.system("a", args -> {
                Message m = new Message(1);
                expect(OK, Trap.current().sendrec(h.ep("b"), m), "a sendrec");
                h.put("reply", m.type());
            });
            int b = h.system("b", args -> {
                Trap t = Trap.current();
                expect(ELOCKED, t.sendrec(h.ep("a"), new Message(2)), "b sendrec");
                Message m = new Message();
                expect(OK, t.receive(h.ep("a"), m), "b takes a's request");
                expect(OK, t.sendnb(h.ep("a"), new Message(m.type() + 10)), "reply");
            });
            h.start();
            h.awaitClean(a, b);
            assertEquals(11, h.get("reply"));
        }
    }

    @Test
    void sendrecRequestReplyIsNotADeadlock() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // Round 1: the client blocks in both halves before the server receives.
            // Round 2: the server already waits in receive(ANY) when the client calls.
            int client = h.system("client", args -> {
                Trap t = Trap.current();
                for (int i = 1; i <= 2; i++) {
                    Message m = new Message(i);
                    expect(OK, t.sendrec(h.ep("server"), m), "sendrec " + i);
                    h.log("reply " + m.type());
                }
            });
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 1; i <= 2; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive " + i);
                    assertEquals(Ipc.SENDREC, Ipc.statusCall(t.ipcStatus()));
                    expect(OK, t.send(m.source(), new Message(m.type() * 10)), "blocking reply " + i);
                }
            });
            h.start();
            h.awaitClean(client, server);
            assertEquals(List.of("reply 10", "reply 20"), h.events());
        }
    }

    @Test
    void sendToAReceiverThatFiltersItOutIsNotADeadlock() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // r blocks first (receiving from s, but only type 1); s's type-2 send then blocks
            // against r: a sender facing its receiver is the request/reply pair, not a deadlock.
            int r = h.system("r", args -> {
                whitelistType1();
                expect(EDEADSRCDST, Trap.current().receive(h.ep("s"), new Message()), "receive, until s dies");
            });
            int s = h.system("s", args -> {
                Trap.current().send(h.ep("r"), new Message(2));
                h.log("s returned"); // it must stay blocked until killed
            });
            h.start();
            h.awaitQuiet();
            h.machine.kill(s);
            h.awaitClean(r);
            assertEquals(List.of(), h.events());
        }
    }

    @Test
    void receiveFacingABlockedSenderIsNotADeadlock() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // s blocks sending type 2 first; r's filter refuses it, so r's receive from s blocks
            // against s: a receiver facing its sender is the request/reply pair, not a deadlock.
            int s = h.system("s", args -> {
                Trap.current().send(h.ep("r"), new Message(2));
                h.log("s returned");
            });
            int r = h.system("r", args -> {
                whitelistType1();
                expect(EDEADSRCDST, Trap.current().receive(h.ep("s"), new Message()), "receive, until s dies");
            });
            h.start();
            h.awaitQuiet();
            h.machine.kill(s);
            h.awaitClean(r);
            assertEquals(List.of(), h.events());
        }
    }

    /** Inside a process: admit only messages of type 1 (SYS_STATECTL whitelist). */
    private static void whitelistType1() {
        Message f = new Message();
        new SysStatectlMsg(f).request(SysStatectlMsg.ADD_IPC_WL_FILTER).count(1)
                .element(0, SysStatectlMsg.MATCH_M_TYPE, 0, 1);
        expect(OK, Trap.current().kernelCall(SysCalls.SYS_STATECTL, f), "whitelist type 1");
    }
}

package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysStatectlMsg;
import minixj.lib.ipc.SysCalls;

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
    void receiverFacingItsBlockedSenderIsNotADeadlock() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // r's filter holds s's message back, so r blocks receiving from s while s blocks
            // sending to r: the two-party send/receive pair is not reported as a deadlock.
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message f = new Message();
                new SysStatectlMsg(f).request(SysStatectlMsg.ADD_IPC_WL_FILTER).count(1)
                        .element(0, SysStatectlMsg.MATCH_M_TYPE, 0, 1);
                expect(OK, t.kernelCall(SysCalls.SYS_STATECTL, f), "whitelist type 1");
                expect(OK, t.receive(h.ep("helper"), new Message()), "let s block first");
                Message m = new Message();
                expect(OK, t.receive(h.ep("s"), m), "not ELOCKED; then served by s's second message");
                h.put("type", m.type());
            });
            int helper = h.system("helper", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(1)), "go"));
            int s = h.system("s", args -> expect(EDEADSRCDST, Trap.current().send(h.ep("r"), new Message(2)), "send"));
            h.start();
            h.awaitQuiet();
            h.machine.kill(s); // r, blocked on s, wakes with EDEADSRCDST rather than ELOCKED
            h.awaitQuiet();
            h.awaitClean(helper);
        }
    }
}

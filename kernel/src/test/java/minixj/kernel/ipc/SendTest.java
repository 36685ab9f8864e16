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

/** Spec §1.3: SEND and SENDNB — rendezvous, forced m_source, ENOTREADY, FIFO caller queues. */
class SendTest {
    @Test
    void sendDeliversToAWaitingReceiverAndTheSenderContinues() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.keep("got", m);
                h.put("status", t.ipcStatus());
                h.log("r-got");
            });
            int s = h.system("s", args -> {
                Message m = new Message(42).putInt(0, 0xCAFE).putLong(48, 0x1122334455667788L);
                expect(OK, Trap.current().send(h.ep("r"), m), "send");
                h.log("s-sent"); // the receiver was waiting, so the sender never blocked
            });
            h.start();
            h.awaitClean(r, s);
            Message got = h.message("got");
            assertEquals(42, got.type());
            assertEquals(s, got.source());
            assertEquals(0xCAFE, got.getInt(0));
            assertEquals(0x1122334455667788L, got.getLong(48));
            assertEquals(Ipc.SEND, Ipc.statusCall(h.get("status")));
            assertEquals(List.of("s-sent", "r-got"), h.events());
        }
    }

    @Test
    void forgedSourceIsOverwrittenWithTheSendersEndpoint() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // One forged message is delivered at once, the other is queued first.
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(h.ep("direct"), m), "receive direct");
                h.put("direct", m.source());
                expect(OK, t.receive(h.ep("queued"), m), "receive queued");
                h.put("queued", m.source());
            });
            int direct = h.system("direct", args ->
                    expect(OK, Trap.current().send(h.ep("r"), new Message(1).source(Endpoint.PM)), "send"));
            int queued = h.system("queued", args ->
                    expect(OK, Trap.current().send(h.ep("r"), new Message(2).source(Endpoint.SYSTEM)), "send"));
            h.start();
            h.awaitClean(r, direct, queued);
            assertEquals(direct, h.get("direct"));
            assertEquals(queued, h.get("queued"));
        }
    }

    @Test
    void sendnbToANonReceivingTargetGivesEnotreadyAndQueuesNothing() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // r waits for "gate" only, so it is receiving but not from s.
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(h.ep("gate"), m), "receive gate");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "nothing was queued");
            });
            int s = h.system("s", args -> {
                Trap t = Trap.current();
                expect(ENOTREADY, t.sendnb(h.ep("r"), new Message(1)), "sendnb to r waiting for gate");
                expect(ENOTREADY, t.sendnb(h.ep("gate"), new Message(1)), "sendnb to runnable gate");
            });
            int gate = h.system("gate", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(9)), "gate"));
            h.start();
            h.awaitClean(r, s, gate);
        }
    }

    @Test
    void blockedSendersAreServedInFifoOrder() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int[] senders = new int[3];
            for (int i = 0; i < 3; i++) {
                int type = i + 1;
                senders[i] = h.system("s" + i, args -> expect(OK, Trap.current().send(h.ep("r"), new Message(type)), "send"));
            }
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 3; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    h.log(m.source() + ":" + m.type());
                }
            });
            h.start();
            h.awaitClean(r);
            h.awaitClean(senders);
            assertEquals(List.of(senders[0] + ":1", senders[1] + ":2", senders[2] + ":3"), h.events());
        }
    }

    @Test
    void receiveFromASpecificSourceSkipsEarlierSenders() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int[] senders = new int[3];
            for (int i = 0; i < 3; i++) {
                int type = i + 1;
                senders[i] = h.system("s" + i, args -> expect(OK, Trap.current().send(h.ep("r"), new Message(type)), "send"));
            }
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(h.ep("s2"), m), "receive s2");
                h.log(m.source() + ":" + m.type());
                for (int i = 0; i < 2; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    h.log(m.source() + ":" + m.type());
                }
            });
            h.start();
            h.awaitClean(r);
            h.awaitClean(senders);
            assertEquals(List.of(senders[2] + ":3", senders[0] + ":1", senders[1] + ":2"), h.events());
        }
    }

    @Test
    void receiverWaitingForOneSourceIsNotSatisfiedByAnother() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(h.ep("wanted"), m), "receive wanted");
                h.log("r-got-" + m.type());
                expect(OK, t.receive(Endpoint.ANY, m), "receive other");
                h.log("r-got-" + m.type());
            });
            int other = h.system("other", args -> {
                expect(OK, Trap.current().send(h.ep("r"), new Message(1)), "send");
                h.log("other-done");
            });
            int wanted = h.system("wanted", args -> {
                expect(OK, Trap.current().send(h.ep("r"), new Message(2)), "send");
                h.log("wanted-done");
            });
            h.start();
            h.awaitClean(r, other, wanted);
            // "other" blocked (queued) until r asked for anyone; "wanted" was delivered at once.
            assertEquals(List.of("wanted-done", "r-got-2", "r-got-1", "other-done"), h.events());
        }
    }
}

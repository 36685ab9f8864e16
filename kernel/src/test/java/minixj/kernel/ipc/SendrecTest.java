package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Spec §1.5: SENDREC's reply half is satisfied only by the reply — not by notifications, not by
 * asynchronous messages flagged AMF_NOREPLY — and the receiver sees the call as SENDREC.
 */
class SendrecTest {
    @Test
    void notificationsWaitUntilTheReplyHalfIsOver() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive request");
                h.put("requestStatus", t.ipcStatus());
                // The client waits for our reply: this notify must not be taken as the reply.
                expect(OK, t.notify(m.source()), "notify client");
                expect(OK, t.sendnb(m.source(), new Message(2)), "reply");
                h.awaitRelease("client");
            });
            // Notifies the client before its SENDREC: pending, and not delivered in the reply half either.
            int early = h.system("early", args -> {
                expect(OK, Trap.current().notify(h.ep("client")), "early notify");
                h.awaitRelease("client");
            });
            int client = h.system("client", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(OK, t.sendrec(h.ep("server"), m), "sendrec");
                h.log("reply " + m.type() + " from " + m.source());
                for (int i = 0; i < 2; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive notification");
                    assertTrue(Ipc.isNotify(t.ipcStatus()));
                    h.log("notify from " + m.source());
                }
                h.release("server", "early");
            });
            h.start();
            h.awaitClean(server, early, client);
            assertEquals(Ipc.SENDREC, Ipc.statusCall(h.get("requestStatus")));
            // Notifications then come lowest privilege id first: server was spawned before early.
            assertEquals(List.of("reply 2 from " + server, "notify from " + server, "notify from " + early),
                    h.events());
        }
    }

    @Test
    void noreplyAsyncMessageDoesNotSatisfyTheReplyHalf() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive request");
                table.set(0, m.source(), new Message(77), AsyncTable.AMF_NOREPLY);
                expect(OK, t.senda(table, 1), "senda");
                assertFalse(table.done(0), "held back while the client waits for its reply");
                expect(OK, t.sendnb(m.source(), new Message(2)), "reply");
                h.awaitRelease("client");
                assertTrue(table.done(0));
                expect(OK, table.result(0), "entry result");
            });
            int client = h.system("client", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(OK, t.sendrec(h.ep("server"), m), "sendrec");
                h.log("reply " + m.type());
                expect(OK, t.receive(Endpoint.ANY, m), "receive the async message");
                h.log((Ipc.statusCall(t.ipcStatus()) == Ipc.SENDA ? "SENDA " : "? ") + m.type());
                h.release("server");
            });
            h.start();
            h.awaitClean(server, client);
            assertEquals(List.of("reply 2", "SENDA 77"), h.events());
        }
    }

    @Test
    void asyncMessageWithoutNoreplyDoesSatisfyTheReplyHalf() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive request");
                table.set(0, m.source(), new Message(77), 0);
                expect(OK, t.senda(table, 1), "senda");
                assertTrue(table.done(0), "delivered at once as the reply");
                h.awaitRelease("client");
            });
            int client = h.system("client", args -> {
                Message m = new Message(1);
                expect(OK, Trap.current().sendrec(h.ep("server"), m), "sendrec");
                h.put("reply", m.type());
                h.put("from", m.source());
                h.release("server");
            });
            h.start();
            h.awaitClean(server, client);
            assertEquals(77, h.get("reply"));
            assertEquals(server, h.get("from"));
        }
    }

    @Test
    void userProcessSendrecReachesASystemService() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.put("status", t.ipcStatus());
                expect(OK, t.sendnb(m.source(), m.type(m.type() * 2)), "reply");
            });
            int user = h.user("user", args -> {
                Message m = new Message(21);
                expect(OK, Trap.current().sendrec(h.ep("server"), m), "sendrec");
                h.put("reply", m.type());
                h.put("from", m.source());
            });
            h.start();
            h.awaitClean(server, user);
            assertEquals(Ipc.SENDREC, Ipc.statusCall(h.get("status")));
            assertEquals(42, h.get("reply"));
            assertEquals(server, h.get("from"));
        }
    }

    @Test
    void sendrecToABusyServerQueuesAndWaitsForTheReply() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // The client runs first, so both halves block: send half queued, then the reply half.
            int client = h.user("client", args -> {
                Message m = new Message(5);
                expect(OK, Trap.current().sendrec(h.ep("server"), m), "sendrec");
                h.log("client got " + m.type());
            });
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.log("server got " + m.type() + " by " + (Ipc.statusCall(t.ipcStatus()) == Ipc.SENDREC ? "SENDREC" : "?"));
                expect(OK, t.send(m.source(), new Message(6)), "blocking reply");
            });
            h.start();
            h.awaitClean(client, server);
            assertEquals(List.of("server got 5 by SENDREC", "client got 6"), h.events());
        }
    }
}

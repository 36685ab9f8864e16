package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Spec §1.7: SENDA tables — immediate or deferred delivery (one message per receive), AMF_DONE
 * and results written back, ASYNCM notifications, per-entry errors, forgetting a table, and
 * cancellation when the destination dies.
 */
class SendaTest {
    /** Largest legal SENDA count: 16 * (NR_TASKS + NR_PROCS). */
    private static final int MAX_SIZE = 16 * (Endpoint.NR_TASKS + Endpoint.NR_PROCS);

    @Test
    void entryIsDeliveredAtOnceToAWaitingReceiver() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.keep("got", m);
                h.put("status", t.ipcStatus());
            });
            int a = h.system("a", args -> {
                table.set(0, h.ep("r"), new Message(5).putInt(0, 99), 0);
                expect(OK, Trap.current().senda(table, 1), "senda");
                assertTrue(table.done(0), "done at once");
                expect(OK, table.result(0), "result");
            });
            h.start();
            h.awaitClean(r, a);
            assertEquals(5, h.message("got").type());
            assertEquals(99, h.message("got").getInt(0));
            assertEquals(a, h.message("got").source());
            assertEquals(Ipc.SENDA, Ipc.statusCall(h.get("status")));
            assertTrue(Ipc.isAsync(h.get("status")));
        }
    }

    @Test
    void pendingEntriesAreDeliveredOnePerReceive() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(3);
            int a = h.system("a", args -> {
                for (int i = 0; i < 3; i++) table.set(i, h.ep("r"), new Message(i + 1), 0);
                expect(OK, Trap.current().senda(table, 3), "senda");
                for (int i = 0; i < 3; i++) assertFalse(table.done(i), "entry " + i + " pending");
                h.awaitRelease("r");
                for (int i = 0; i < 3; i++) expect(OK, table.result(i), "result " + i);
            });
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 3; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    h.log(m.type() + " done=" + table.done(0) + table.done(1) + table.done(2));
                }
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "table drained");
                h.release("a");
            });
            h.start();
            h.awaitClean(a, r);
            assertEquals(List.of("1 done=truefalsefalse", "2 done=truetruefalse", "3 done=truetruetrue"), h.events());
        }
    }

    @Test
    void receiveFromTheSenderTakesItsPendingEntry() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int a = h.system("a", args -> {
                table.set(0, h.ep("r"), new Message(8), 0);
                expect(OK, Trap.current().senda(table, 1), "senda");
                h.awaitRelease("r");
            });
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(h.ep("a"), m), "receive from a");
                assertEquals(8, m.type());
                assertEquals(Ipc.SENDA, Ipc.statusCall(t.ipcStatus()));
                h.release("a");
            });
            h.start();
            h.awaitClean(a, r);
        }
    }

    @Test
    void amfNotifyEntryNotifiesTheSenderFromAsyncm() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int a = h.system("a", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("r"), new Message(3), AsyncTable.AMF_NOTIFY);
                expect(OK, t.senda(table, 1), "senda");
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                assertEquals(Endpoint.ASYNCM, m.source());
                assertEquals(Ipc.NOTIFY_MESSAGE, m.type());
                assertTrue(Ipc.isNotify(t.ipcStatus()));
                assertTrue(table.done(0));
                expect(OK, table.result(0), "result");
            });
            int r = h.system("r", args -> expect(OK, Trap.current().receive(Endpoint.ANY, new Message()), "receive"));
            h.start();
            h.awaitClean(a, r);
        }
    }

    @Test
    void entryErrorsAreWrittenBackAndInvalidEntriesAreLeftAlone() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(6);
            // A valid destination that must receive nothing from the bad entries.
            h.system("r", args -> {
                Trap.current().receive(Endpoint.ANY, new Message());
                h.log("r received something");
            });
            int a = h.system("a", args -> {
                Trap t = Trap.current();
                table.set(0, Endpoint.make(1, 200), new Message(1), AsyncTable.AMF_NOTIFY_ERR); // dead
                table.set(1, h.ep("isolated"), new Message(1), 0);                             // not in mask
                table.set(2, Endpoint.CLOCK, new Message(1), 0);                               // kernel task
                table.set(3, h.ep("r"), new Message(1), 0);                                    // unknown flag bit
                table.flags(3, AsyncTable.AMF_VALID | 0x20);
                table.set(4, h.ep("r"), new Message(1), 0);                                    // no AMF_VALID
                table.flags(4, AsyncTable.AMF_NOTIFY);
                table.clear(5);                                                                // empty
                for (int i = 0; i < 6; i++) table.result(i, 999);
                expect(OK, t.senda(table, 6), "senda returns OK whatever the entries do");
                int done = AsyncTable.AMF_VALID | AsyncTable.AMF_DONE;
                assertEquals(done | AsyncTable.AMF_NOTIFY_ERR, table.flags(0));
                expect(EDEADSRCDST, table.result(0), "dead destination");
                assertEquals(done, table.flags(1));
                expect(ECALLDENIED, table.result(1), "destination outside the IPC mask");
                assertEquals(done, table.flags(2));
                expect(ECALLDENIED, table.result(2), "kernel task");
                assertEquals(AsyncTable.AMF_VALID | 0x20, table.flags(3));
                assertEquals(999, table.result(3));
                assertEquals(AsyncTable.AMF_NOTIFY, table.flags(4));
                assertEquals(999, table.result(4));
                assertEquals(AsyncTable.AMF_EMPTY, table.flags(5));
                // The failed AMF_NOTIFY_ERR entry notifies us from ASYNCM.
                Message m = new Message();
                expect(OK, t.receiveNonBlocking(Endpoint.ASYNCM, m), "ASYNCM notification");
                assertEquals(Ipc.NOTIFY_MESSAGE, m.type());
            });
            h.spawn(ProcessSpec.system("isolated", args -> { }).withIpcTargets(0));
            h.start();
            h.awaitClean(a);
            h.awaitQuiet();
            assertEquals(List.of(), h.events());
        }
    }

    @Test
    void sendaToItselfIsAlwaysAllowed() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int p = h.spawn(ProcessSpec.system("isolated", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("isolated"), new Message(4), 0);
                expect(OK, t.senda(table, 1), "senda to self");
                Message m = new Message();
                expect(OK, t.receiveNonBlocking(Endpoint.ANY, m), "receive own message");
                assertEquals(4, m.type());
                assertEquals(h.ep("isolated"), m.source());
                assertTrue(table.done(0));
            }).withIpcTargets(0));
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void countZeroForgetsTheTable() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int a = h.system("a", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("r"), new Message(1), 0);
                expect(OK, t.senda(table, 1), "senda");
                expect(OK, t.senda(table, 0), "forget");
                h.awaitRelease("r"); // stay alive: our death would cancel the entry anyway
                assertFalse(table.done(0), "the forgotten entry was never processed");
            });
            int r = h.system("r", args -> {
                expect(ENOTREADY, Trap.current().receiveNonBlocking(Endpoint.ANY, new Message()), "nothing pending");
                h.release("a");
            });
            h.start();
            h.awaitClean(a, r);
        }
    }

    @Test
    void sendaFromAUserProcessGivesEperm() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            h.system("r", args -> h.awaitRelease("p"));
            int u = h.user("u", args -> {
                AsyncTable table = new AsyncTable(1);
                table.set(0, h.ep("r"), new Message(1), 0);
                expect(EPERM, Trap.current().senda(table, 1), "senda without SYS_PROC");
                assertFalse(table.done(0));
            });
            int p = h.system("p", args -> h.release("r"));
            h.start();
            h.awaitClean(u, p);
        }
    }

    @Test
    void oversizedTableGivesEdom() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.system("p", args -> expect(EDOM, Trap.current().senda(new AsyncTable(1), MAX_SIZE + 1), "senda"));
            // The size is checked before the caller's privileges.
            int u = h.user("u", args -> expect(EDOM, Trap.current().senda(new AsyncTable(1), MAX_SIZE + 1), "senda"));
            h.start();
            h.awaitClean(p, u);
        }
    }

    @Test
    void pendingEntriesFailWithEdeadsrcdstWhenTheDestinationExits() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(3);
            // "other" waits for r, so a's entry for it stays pending too; r's exit wakes it.
            int other = h.system("other", args -> {
                Trap t = Trap.current();
                expect(EDEADSRCDST, t.receive(h.ep("r"), new Message()), "receive from r");
                Message m = new Message();
                expect(OK, t.receiveNonBlocking(h.ep("a"), m), "a's entry for us survived");
                assertEquals(3, m.type());
                h.release("a");
            });
            int a = h.system("a", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("r"), new Message(1), AsyncTable.AMF_NOTIFY_ERR);
                table.set(1, h.ep("r"), new Message(2), 0);
                table.set(2, h.ep("other"), new Message(3), 0);
                expect(OK, t.senda(table, 3), "senda");
                for (int i = 0; i < 3; i++) assertFalse(table.done(i), "entry " + i + " pending");
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "wait for ASYNCM");
                assertEquals(Endpoint.ASYNCM, m.source());
                for (int i = 0; i < 2; i++) {
                    assertTrue(table.done(i), "entry " + i);
                    expect(EDEADSRCDST, table.result(i), "entry " + i);
                }
                h.awaitRelease("other");
                assertTrue(table.done(2));
                expect(OK, table.result(2), "entry for the live destination");
            });
            int r = h.system("r", args -> { });
            h.start();
            h.awaitClean(a, r, other);
        }
    }

    @Test
    void pendingEntriesFailWhenTheDestinationIsKilled() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int a = h.system("a", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("r"), new Message(1), AsyncTable.AMF_NOTIFY);
                expect(OK, t.senda(table, 1), "senda");
                expect(OK, t.receive(Endpoint.ASYNCM, new Message()), "wait for ASYNCM");
                expect(EDEADSRCDST, table.result(0), "result");
                assertTrue(table.done(0));
            });
            // r never receives from a: it waits for the clock, which never notifies it.
            int r = h.system("r", args -> Trap.current().receive(Endpoint.CLOCK, new Message()));
            h.start();
            h.awaitQuiet();
            h.machine.kill(r);
            h.awaitClean(a);
        }
    }
}

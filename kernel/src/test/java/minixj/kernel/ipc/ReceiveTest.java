package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.kernel.ProgramBody;
import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** Spec §1.4: what RECEIVE takes first, specific sources, non-blocking receive, the status word. */
class ReceiveTest {
    private static String callName(int status) {
        return switch (Ipc.statusCall(status)) {
            case Ipc.SEND -> "SEND";
            case Ipc.SENDREC -> "SENDREC";
            case Ipc.SENDNB -> "SENDNB";
            case Ipc.NOTIFY -> "NOTIFY";
            case Ipc.SENDA -> "SENDA";
            default -> "call " + Ipc.statusCall(status);
        };
    }

    @Test
    void notificationsComeFirstThenAsynchronousMessagesThenQueuedSenders() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            // Spawned in the reverse of the expected order, so arrival order cannot explain the result.
            int sender = h.system("sender", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(1)), "send"));
            int async = h.system("async", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("r"), new Message(2), 0);
                expect(OK, t.senda(table, 1), "senda");
                h.awaitRelease("r");
            });
            int notifier = h.system("notifier", args -> {
                expect(OK, Trap.current().notify(h.ep("r")), "notify");
                h.awaitRelease("r");
            });
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 3; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    h.log(callName(t.ipcStatus()) + " " + m.source() + " " + m.type());
                }
                h.release("async", "notifier");
            });
            h.start();
            h.awaitClean(sender, async, notifier, r);
            assertEquals(List.of("NOTIFY " + notifier + " " + Ipc.NOTIFY_MESSAGE, "SENDA " + async + " 2",
                    "SEND " + sender + " 1"), h.events());
        }
    }

    @Test
    void pendingNotificationsAreDeliveredLowestPrivilegeIdFirst() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // Privilege ids: a dynamic id (>= 17) for "dynamic"; static NR_TASKS + slot for boot slots.
            ProgramBody notifyR = args -> {
                expect(OK, Trap.current().notify(h.ep("r")), "notify");
                h.awaitRelease("r");
            };
            int dynamic = h.system("dynamic", notifyR);
            int tty = h.spawn(ProcessSpec.system("tty", notifyR).inSlot(Endpoint.TTY));
            int mem = h.spawn(ProcessSpec.system("mem", notifyR).inSlot(Endpoint.MEM));
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 3; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    h.log(callName(t.ipcStatus()) + " " + m.source());
                }
                h.release("dynamic", "tty", "mem");
            });
            h.start();
            h.awaitClean(dynamic, tty, mem, r);
            assertEquals(List.of("NOTIFY " + mem, "NOTIFY " + tty, "NOTIFY " + dynamic), h.events());
        }
    }

    @Test
    void receiveFromASpecificSourceIgnoresOtherPendingWork() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int notifier = h.system("notifier", args -> {
                expect(OK, Trap.current().notify(h.ep("r")), "notify");
                h.awaitRelease("r");
            });
            int sender = h.system("sender", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(7)), "send"));
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(h.ep("sender"), m), "receive sender");
                h.log(callName(t.ipcStatus()) + " " + m.source());
                expect(OK, t.receive(h.ep("notifier"), m), "receive notifier");
                h.log(callName(t.ipcStatus()) + " " + m.source());
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "nothing left");
                h.release("notifier");
            });
            h.start();
            h.awaitClean(notifier, sender, r);
            assertEquals(List.of("SEND " + sender, "NOTIFY " + notifier), h.events());
        }
    }

    @Test
    void receiveNonBlockingWithNothingPendingGivesEnotready() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message(5);
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "ANY");
                expect(ENOTREADY, t.receiveNonBlocking(h.ep("bystander"), m), "specific live source");
                expect(5, m.type(), "buffer untouched");
            });
            h.system("bystander", args -> Trap.current().receive(Endpoint.CLOCK, new Message()));
            h.start();
            h.awaitClean(r);
        }
    }

    @Test
    void statusWordNamesTheCallThatProducedTheMessage() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            // r blocks first; "nb" reaches it with SENDNB, everyone else finds it busy and queues or pends.
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 5; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    int status = t.ipcStatus();
                    assertFalse(Ipc.isFromKernel(status), "no process message is from the kernel");
                    assertEquals(Ipc.isNotify(status), Ipc.statusCall(status) == Ipc.NOTIFY);
                    h.log(callName(status) + " " + m.source());
                    if (Ipc.statusCall(status) == Ipc.SENDREC) expect(OK, t.sendnb(m.source(), m), "reply");
                }
                h.release("async", "notifier");
            });
            int nb = h.system("nb", args -> expect(OK, Trap.current().sendnb(h.ep("r"), new Message(1)), "sendnb"));
            int notifier = h.system("notifier", args -> {
                expect(OK, Trap.current().notify(h.ep("r")), "notify");
                h.awaitRelease("r");
            });
            int async = h.system("async", args -> {
                Trap t = Trap.current();
                table.set(0, h.ep("r"), new Message(2), 0);
                expect(OK, t.senda(table, 1), "senda");
                h.awaitRelease("r");
            });
            int client = h.system("client", args -> expect(OK, Trap.current().sendrec(h.ep("r"), new Message(3)), "sendrec"));
            int sender = h.system("sender", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(4)), "send"));
            h.start();
            h.awaitClean(r, nb, notifier, async, client, sender);
            assertEquals(List.of("SENDNB " + nb, "NOTIFY " + notifier, "SENDA " + async, "SENDREC " + client,
                    "SEND " + sender), h.events());
        }
    }
}

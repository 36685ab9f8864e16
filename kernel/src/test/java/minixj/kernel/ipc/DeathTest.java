package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysPrivctlMsg;
import minixj.lib.ipc.layout.SysProcMsg;
import minixj.lib.ipc.layout.SysStatectlMsg;

/**
 * Spec §1.9: when a process dies (or its IPC references are cleared) everyone blocked on it wakes
 * with EDEADSRCDST, and what it left pending (notifications, asynchronous messages, its place in
 * caller queues) disappears.
 */
class DeathTest {
    @Test
    void senderWakesWithEdeadsrcdstWhenTheDestinationExits() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int s = h.system("s", args -> expect(EDEADSRCDST, Trap.current().send(h.ep("d"), new Message(1)), "send"));
            int d = h.system("d", args -> { });
            h.start();
            h.awaitClean(s, d);
        }
    }

    @Test
    void receiverWakesWithEdeadsrcdstWhenTheSourceExits() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> expect(EDEADSRCDST, Trap.current().receive(h.ep("d"), new Message()), "receive"));
            int d = h.system("d", args -> { });
            h.start();
            h.awaitClean(r, d);
        }
    }

    @Test
    void sendrecCallersWakeWithEdeadsrcdstWhenTheServerIsKilled() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // d takes one request and never replies; a second client is still in the send half.
            int d = h.system("d", args -> {
                Trap t = Trap.current();
                expect(OK, t.receive(Endpoint.ANY, new Message()), "take a request");
                t.receive(Endpoint.CLOCK, new Message()); // blocks for good
            });
            int inReplyHalf = h.user("inReplyHalf", args ->
                    expect(EDEADSRCDST, Trap.current().sendrec(h.ep("d"), new Message(1)), "sendrec"));
            int inSendHalf = h.user("inSendHalf", args ->
                    expect(EDEADSRCDST, Trap.current().sendrec(h.ep("d"), new Message(2)), "sendrec"));
            h.start();
            h.awaitQuiet();
            h.machine.kill(d);
            h.awaitClean(inReplyHalf, inSendHalf);
            assertEquals(128 + Signals.SIGKILL, h.machine.awaitExit(d, IpcHarness.TIMEOUT));
        }
    }

    @Test
    void pendingNotificationOfADeadProcessVanishes() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                expect(OK, t.receive(h.ep("gate"), new Message()), "wait for gate");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, new Message()), "notification gone");
            });
            int n = h.system("n", args -> expect(OK, Trap.current().notify(h.ep("r")), "notify")); // then exits
            int gate = h.system("gate", args -> expect(OK, Trap.current().send(h.ep("r"), new Message()), "gate"));
            h.start();
            h.awaitClean(r, n, gate);
        }
    }

    @Test
    void pendingNotificationDoesNotPassToTheNextOwnerOfThePrivilegeId() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                expect(OK, t.receive(h.ep("gate"), new Message()), "wait for gate");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, new Message()), "no notify from the newcomer");
            });
            int n = h.system("n", args -> expect(OK, Trap.current().notify(h.ep("r")), "notify")); // then exits
            int gate = h.system("gate", args -> {
                Trap t = Trap.current();
                expect(OK, t.receive(Endpoint.ANY, new Message()), "wait for the newcomer");
                expect(OK, t.send(h.ep("r"), new Message()), "wake r");
            });
            h.start();
            h.awaitClean(n);
            h.awaitQuiet();
            // Takes the lowest free dynamic privilege id, the one n had, and stays alive.
            h.system("newcomer", args -> {
                expect(OK, Trap.current().send(h.ep("gate"), new Message()), "go");
                Trap.current().receive(Endpoint.CLOCK, new Message());
            });
            h.awaitClean(r, gate);
        }
    }

    @Test
    void pendingAsyncMessageOfADeadProcessVanishes() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                expect(OK, t.receive(h.ep("gate"), new Message()), "wait for gate");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, new Message()), "async message gone");
            });
            int a = h.system("a", args -> {
                AsyncTable table = new AsyncTable(1);
                table.set(0, h.ep("r"), new Message(1), 0);
                expect(OK, Trap.current().senda(table, 1), "senda"); // then exits
            });
            int gate = h.system("gate", args -> expect(OK, Trap.current().send(h.ep("r"), new Message()), "gate"));
            h.start();
            h.awaitClean(r, a, gate);
        }
    }

    @Test
    void clearedSenderLeavesTheCallerQueue() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int s = h.system("s", args -> Trap.current().send(h.ep("r"), new Message(1)));
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                new SysProcMsg(m).endpoint(h.ep("s"));
                expect(OK, t.kernelCall(SysCalls.SYS_CLEAR, m), "clear s, queued on us");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "s's message left with it");
            });
            h.start();
            h.awaitClean(r);
            assertFalse(h.machine.isAlive(s));
        }
    }

    @Test
    void privctlClearIpcRefsWakesCallersOfALiveProcess() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int d = h.system("d", args -> Trap.current().receive(Endpoint.CLOCK, new Message()));
            int client = h.system("client", args ->
                    expect(EDEADSRCDST, Trap.current().sendrec(h.ep("d"), new Message(1)), "sendrec"));
            int sender = h.system("sender", args ->
                    expect(EDEADSRCDST, Trap.current().send(h.ep("d"), new Message(2)), "send"));
            int receiver = h.system("receiver", args ->
                    expect(EDEADSRCDST, Trap.current().receive(h.ep("d"), new Message()), "receive"));
            int rs = h.system("rs", args -> {
                Message m = new Message();
                new SysPrivctlMsg(m).endpoint(h.ep("d")).request(SysPrivctlMsg.CLEAR_IPC_REFS);
                expect(OK, Trap.current().kernelCall(SysCalls.SYS_PRIVCTL, m), "clear d's IPC references");
            });
            h.start();
            h.awaitClean(client, sender, receiver, rs);
            assertTrue(h.machine.isAlive(d), "the process itself lives on");
        }
    }

    @Test
    void statectlClearIpcRefsWakesTheCallersOfTheCaller() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int client = h.system("client", args ->
                    expect(EDEADSRCDST, Trap.current().sendrec(h.ep("d"), new Message(1)), "sendrec"));
            int d = h.system("d", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                new SysStatectlMsg(m).request(SysStatectlMsg.CLEAR_IPC_REFS);
                expect(OK, t.kernelCall(SysCalls.SYS_STATECTL, m), "clear our own IPC references");
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "caller queue emptied");
            });
            h.start();
            h.awaitClean(client, d);
        }
    }
}

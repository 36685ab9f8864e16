package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysStatectlMsg;

/**
 * Spec §1.10: IPC filters installed with SYS_STATECTL. A message a filter refuses stays where
 * it is (queued sender, pending notification or asynchronous entry) until the filters are
 * cleared; a non-blocking send to a receiver that would refuse it gets ENOTREADY.
 */
class IpcFilterTest {
    private static final int SOURCE = SysStatectlMsg.MATCH_M_SOURCE;
    private static final int TYPE = SysStatectlMsg.MATCH_M_TYPE;

    /** Inside a process: adds a one-element white or black list. */
    private static int addFilter(boolean white, int flags, int source, int type) {
        Message m = new Message();
        new SysStatectlMsg(m).request(white ? SysStatectlMsg.ADD_IPC_WL_FILTER : SysStatectlMsg.ADD_IPC_BL_FILTER)
                .count(1).element(0, flags, source, type);
        return Trap.current().kernelCall(SysCalls.SYS_STATECTL, m);
    }

    private static void clearFilters() {
        Message m = new Message();
        new SysStatectlMsg(m).request(SysStatectlMsg.CLEAR_IPC_FILTERS);
        expect(OK, Trap.current().kernelCall(SysCalls.SYS_STATECTL, m), "clear filters");
    }

    /** Inside a process: receives one message without blocking and logs "source:type". */
    private static void takeOne(IpcHarness h, String what) {
        Message m = new Message();
        expect(OK, Trap.current().receiveNonBlocking(Endpoint.ANY, m), what);
        h.log(m.source() + ":" + m.type());
    }

    @Test
    void whitelistedSourceIsReceivedOthersWaitUntilFiltersAreCleared() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                expect(OK, addFilter(true, SOURCE, h.ep("s2"), 0), "whitelist s2");
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.log(m.source() + ":" + m.type());
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "s1 is held back");
                clearFilters();
                takeOne(h, "s1 after clearing");
            });
            int s1 = h.system("s1", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(1)), "send"));
            int s2 = h.system("s2", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(2)), "send"));
            h.start();
            h.awaitClean(r, s1, s2);
            assertEquals(List.of(s2 + ":2", s1 + ":1"), h.events());
        }
    }

    @Test
    void whitelistedTypeIsReceived() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int s1 = h.system("s1", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(6)), "send"));
            int s2 = h.system("s2", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(7)), "send"));
            int r = h.system("r", args -> {
                expect(OK, addFilter(true, TYPE, 0, 7), "whitelist type 7");
                takeOne(h, "type 7");
                expect(ENOTREADY, Trap.current().receiveNonBlocking(Endpoint.ANY, new Message()), "type 6 held");
                clearFilters();
                takeOne(h, "type 6");
            });
            h.start();
            h.awaitClean(r, s1, s2);
            assertEquals(List.of(s2 + ":7", s1 + ":6"), h.events());
        }
    }

    @Test
    void blacklistedTypeWaitsAndSendnbToARefusingReceiverGivesEnotready() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                expect(OK, addFilter(false, TYPE, 0, 5), "blacklist type 5");
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.log(m.source() + ":" + m.type());
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "type 5 held");
                clearFilters();
                takeOne(h, "type 5 after clearing");
            });
            int nb = h.system("nb", args ->
                    expect(ENOTREADY, Trap.current().sendnb(h.ep("r"), new Message(5)), "sendnb refused by filter"));
            int s1 = h.system("s1", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(5)), "send"));
            int s2 = h.system("s2", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(6)), "send"));
            h.start();
            h.awaitClean(r, nb, s1, s2);
            assertEquals(List.of(s2 + ":6", s1 + ":5"), h.events());
        }
    }

    @Test
    void blacklistedNotifierStaysPending() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int n = h.system("n", args -> {
                expect(OK, Trap.current().notify(h.ep("r")), "notify");
                h.awaitRelease("r");
            });
            int s = h.system("s", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(3)), "send"));
            int r = h.system("r", args -> {
                expect(OK, addFilter(false, SOURCE, h.ep("n"), 0), "blacklist n");
                takeOne(h, "s's message, the notification is refused");
                expect(ENOTREADY, Trap.current().receiveNonBlocking(Endpoint.ANY, new Message()), "notification held");
                clearFilters();
                takeOne(h, "notification after clearing");
                h.release("n");
            });
            h.start();
            h.awaitClean(n, s, r);
            assertEquals(List.of(s + ":3", n + ":" + minixj.lib.ipc.Ipc.NOTIFY_MESSAGE), h.events());
        }
    }

    @Test
    void blacklistedAsyncSenderStaysPending() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            AsyncTable table = new AsyncTable(1);
            int a = h.system("a", args -> {
                table.set(0, h.ep("r"), new Message(4), 0);
                expect(OK, Trap.current().senda(table, 1), "senda");
                h.awaitRelease("r");
            });
            int s = h.system("s", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(3)), "send"));
            int r = h.system("r", args -> {
                expect(OK, addFilter(false, SOURCE, h.ep("a"), 0), "blacklist a");
                takeOne(h, "s's message");
                expect(ENOTREADY, Trap.current().receiveNonBlocking(Endpoint.ANY, new Message()), "async held");
                clearFilters();
                takeOne(h, "async after clearing");
                h.release("a");
            });
            h.start();
            h.awaitClean(a, s, r);
            assertEquals(List.of(s + ":3", a + ":4"), h.events());
        }
    }

    @Test
    void pseudoSourceAnyUsrMatchesUserProcessesOnly() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                expect(OK, addFilter(true, SOURCE, Endpoint.ANY_USR, 0), "whitelist users");
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.log(m.source() + ":" + m.type());
                expect(OK, t.sendnb(m.source(), m), "reply to the user");
                clearFilters();
                takeOne(h, "system sender after clearing");
            });
            int sys = h.system("sys", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(1)), "send"));
            int usr = h.user("usr", args -> expect(OK, Trap.current().sendrec(h.ep("r"), new Message(2)), "sendrec"));
            h.start();
            h.awaitClean(r, sys, usr);
            assertEquals(List.of(usr + ":2", sys + ":1"), h.events());
        }
    }

    @Test
    void tooManyFilterElementsGivesEnomem() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                // At most 2 * NR_SYS_PROCS = 128 elements over all lists.
                for (int i = 0; i < 32; i++) {
                    Message m = new Message();
                    SysStatectlMsg req = new SysStatectlMsg(m).request(SysStatectlMsg.ADD_IPC_BL_FILTER).count(4);
                    for (int e = 0; e < 4; e++) req.element(e, TYPE, 0, 1000 + 4 * i + e);
                    expect(OK, t.kernelCall(SysCalls.SYS_STATECTL, m), "list " + i);
                }
                expect(ENOMEM, addFilter(false, TYPE, 0, 5000), "element 129");
                clearFilters();
                expect(OK, addFilter(false, TYPE, 0, 5000), "room again after clearing");
            });
            h.start();
            h.awaitClean(r);
        }
    }

    @Test
    void badElementFlagsGiveEinval() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                expect(EINVAL, addFilter(true, 0, 0, 0), "no match flags");
                expect(EINVAL, addFilter(true, 4, 0, 0), "unknown flag");
                expect(EINVAL, addFilter(false, SOURCE | 8, h.ep("r"), 0), "unknown flag with a known one");
                // Nothing was installed: a message of any type still gets through.
                expect(OK, Trap.current().receive(Endpoint.ANY, new Message()), "receive");
            });
            int s = h.system("s", args -> expect(OK, Trap.current().send(h.ep("r"), new Message(1)), "send"));
            h.start();
            h.awaitClean(r, s);
        }
    }
}

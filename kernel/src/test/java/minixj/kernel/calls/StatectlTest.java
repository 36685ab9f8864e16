package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysStatectlMsg;
import minixj.lib.sys.FilterElement;
import minixj.lib.sys.Sys;

/** SYS_STATECTL: a process's own IPC filters and IPC references (what live update uses). */
class StatectlTest {
    static final int REPORT = 0x7600;

    @Test
    void filtersDecideWhichSenderIsReceivedAndClearIpcRefsFailsTheRest() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger server = new AtomicInteger();
            int[] senders = new int[5];
            server.set(h.system("server", args -> {
                Trap t = Trap.current();
                assertEquals(EINVAL, Sys.statectlAddFilter(t, true), "no elements");
                assertEquals(EINVAL, Sys.statectlAddFilter(t, true, new FilterElement(0, 0, 0)), "no match flags");
                FilterElement any = new FilterElement(SysStatectlMsg.MATCH_M_TYPE, 0, 1);
                assertEquals(EINVAL, Sys.statectlAddFilter(t, true, any, any, any, any, any), "too many");

                // Whitelist type 0x42: the earlier 0x41 waits.
                assertEquals(OK, Sys.statectlAddFilter(t, true,
                        new FilterElement(SysStatectlMsg.MATCH_M_TYPE, 0, 0x42)));
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                assertEquals(0x42, m.type());
                assertEquals(senders[1], m.source());
                assertEquals(OK, Sys.statectlClearFilters(t));
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                assertEquals(0x41, m.type());

                // Blacklist the sender of 0x43: 0x44 comes first although it was queued later.
                assertEquals(OK, Sys.statectlAddFilter(t, false,
                        new FilterElement(SysStatectlMsg.MATCH_M_SOURCE, senders[2], 0)));
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                assertEquals(0x44, m.type());
                assertEquals(OK, Sys.statectlClearFilters(t));
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                assertEquals(0x43, m.type());

                // The last sender is still blocked on us: clearing our references fails its send.
                assertEquals(0x4, Harness.rtsOf(t, senders[4]), "SENDING");
                assertEquals(OK, Sys.statectlClearIpcRefs(t));
                assertEquals(OK, t.receive(senders[4], m));
                assertEquals(REPORT, m.type());
                assertEquals(EDEADSRCDST, m.getInt(0));
            }));
            for (int i = 0; i < 4; i++) {
                int type = 0x41 + i;
                senders[i] = h.system("sender" + i, args -> assertEquals(OK,
                        Trap.current().send(server.get(), new Message(type))));
            }
            senders[4] = h.system("failing", args -> {
                Trap t = Trap.current();
                int r = t.send(server.get(), new Message(0x45));
                assertEquals(OK, t.send(server.get(), msg(REPORT, r)));
            });
            h.start();
            h.awaitOk(server.get());
            h.awaitOk(senders);
        }
    }
}

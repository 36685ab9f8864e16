package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.lib.ipc.Errno.ELOOP;
import static minixj.lib.ipc.Errno.EPERM;
import static minixj.lib.ipc.Errno.OK;
import static minixj.lib.mem.GrantEntry.CPF_READ;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;
import minixj.lib.sys.Sys;

/**
 * A chain of forwarders: the owner grants directly to F1, each Fi forwards the grant it got to
 * F(i+1) and, with a second indirect grant, to the final grantee G. G's copy through Fi follows
 * i indirect entries: up to 5 work, the 6th is ELOOP (MINIX's MAX_INDIRECT_DEPTH).
 */
class IndirectGrantTest {
    static final int FORWARD = 0x7201;
    static final int HOP = 0x7202;
    static final int DONE = 0x7203;
    static final int FORWARDERS = 6;
    static final int LEN = 5000;

    @Test
    void indirectChainsUpToFiveHopsWorkAndSixIsEloop() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger owner = new AtomicInteger();
            List<Integer> forwarders = new ArrayList<>();
            int g = h.system("grantee", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long local = pg.heap().malloc(LEN);
                byte[] want = SafecopyTest.pattern(LEN);
                Message m = new Message();
                List<Integer> seen = new ArrayList<>();
                for (int n = 0; n < FORWARDERS; n++) {
                    assertEquals(OK, t.receive(Endpoint.ANY, m));
                    assertEquals(HOP, m.type());
                    int hops = m.getInt(4);
                    int r = Sys.safecopyFrom(t, m.source(), m.getInt(0), 0, local, LEN);
                    if (hops <= 5) {
                        assertEquals(OK, r, hops + " hops");
                        byte[] got = new byte[LEN];
                        pg.memory().read(local, got, 0, LEN);
                        assertArrayEquals(want, got, hops + " hops");
                        assertEquals(EPERM, Sys.safecopyFrom(t, m.source(), m.getInt(8), 0, local, LEN),
                                "the forward to the next hop is not ours, " + hops + " hops");
                    } else {
                        assertEquals(ELOOP, r, hops + " hops");
                    }
                    seen.add(m.source());
                    pg.memory().fill(local, LEN, (byte) 0);
                }
                assertEquals(forwarders.stream().sorted().toList(), seen.stream().sorted().toList(),
                        "every forwarder reported once");
                for (int ep : forwarders) assertEquals(OK, t.send(ep, new Message(DONE)));
                assertEquals(OK, t.send(owner.get(), new Message(DONE)));
            });
            int next = Endpoint.NONE;
            for (int i = FORWARDERS; i >= 1; i--) {
                int hops = i;
                int to = next;
                next = h.system("fwd" + i, args -> forward(Trap.current(), hops, to, g));
                forwarders.add(0, next);
            }
            int first = next;
            owner.set(h.system("owner", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                pg.memory().write(buf, SafecopyTest.pattern(LEN), 0, LEN);
                int id = pg.grants().cpfGrantDirect(first, buf, LEN, CPF_READ);
                assertTrue(id >= 0);
                assertEquals(OK, t.send(first, msg(FORWARD, id)));
                assertEquals(OK, t.receive(g, new Message()));
            }));
            h.start();
            h.awaitOk(g, owner.get());
            for (int ep : forwarders) h.awaitOk(ep);
        }
    }

    /** Fi: forwards what it received to G (i hops for G) and to the next forwarder. */
    private static void forward(Trap t, int hops, int next, int grantee) {
        Message m = new Message();
        assertEquals(OK, t.receive(Endpoint.ANY, m));
        assertEquals(FORWARD, m.type());
        int from = m.source();
        int id = m.getInt(0);
        ProcessGrants pg = GrantTables.open(t);
        int toGrantee = pg.grants().cpfGrantIndirect(grantee, from, id);
        int toNext = next == Endpoint.NONE ? -1 : pg.grants().cpfGrantIndirect(next, from, id);
        assertTrue(toGrantee >= 0);
        assertEquals(OK, t.send(grantee, msg(HOP, toGrantee, hops, toNext)));
        if (next != Endpoint.NONE) {
            assertEquals(OK, t.send(next, msg(FORWARD, toNext)));
        }
        assertEquals(OK, t.receive(grantee, m));
        assertEquals(DONE, m.type());
    }
}

package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.lib.ipc.Errno.*;
import static minixj.lib.mem.GrantEntry.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.ipc.layout.SysVsafecopyMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;
import minixj.lib.sys.Sys;

/** Every way a safecopy can be refused, each with MINIX's exact error code. */
class GrantErrorsTest {
    static final int IDS = 0x7101;
    static final int DONE = 0x7102;
    static final int LEN = 100;

    /** The granter's part: allocate and grant, returning the ids to send to the grantee. */
    interface Granter {
        int[] grant(Trap t, ProcessGrants pg, long buffer, int grantee) throws Throwable;
    }

    /** The grantee's part: try the ids. */
    interface Grantee {
        void check(Trap t, int granter, int[] ids, ProcessGrants pg) throws Throwable;
    }

    /** A granter with a {@value #LEN}-byte patterned buffer and a grantee, talking once. */
    static void pair(Granter granter, Grantee grantee) throws Exception {
        try (Harness h = new Harness()) {
            int b = h.system("grantee", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                assertEquals(IDS, m.type());
                int[] ids = new int[m.getInt(0)];
                for (int i = 0; i < ids.length; i++) ids[i] = m.getInt(4 + 4 * i);
                grantee.check(t, m.source(), ids, GrantTables.open(t));
                assertEquals(OK, t.send(m.source(), new Message(DONE)));
            });
            int a = h.system("granter", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                pg.memory().write(buf, SafecopyTest.pattern(LEN), 0, LEN);
                int[] ids = granter.grant(t, pg, buf, b);
                Message m = msg(IDS, ids.length);
                for (int i = 0; i < ids.length; i++) m.putInt(4 + 4 * i, ids[i]);
                assertEquals(OK, t.send(b, m));
                assertEquals(OK, t.receive(b, m));
                assertEquals(DONE, m.type());
            });
            h.start();
            h.awaitOk(a, b);
        }
    }

    @Test
    void wrongGranteeIsRefused() throws Exception {
        pair((t, pg, buf, grantee) -> new int[] {
                    pg.grants().cpfGrantDirect(Endpoint.make(3, 200), buf, LEN, CPF_READ | CPF_WRITE),
                    pg.grants().cpfGrantDirect(Endpoint.ANY, buf, LEN, CPF_READ)},
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, ids[0], 0, local, 1));
                    assertEquals(EPERM, Sys.safecopyTo(t, granter, ids[0], 0, local, 1));
                    assertEquals(EPERM, Sys.safememset(t, granter, ids[0], 0, 0, 1));
                    assertEquals(OK, Sys.safecopyFrom(t, granter, ids[1], 0, local, LEN), "a grant to ANY");
                });
    }

    @Test
    void missingAccessRightIsRefused() throws Exception {
        pair((t, pg, buf, grantee) -> new int[] {
                    pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ),
                    pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_WRITE)},
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    assertEquals(OK, Sys.safecopyFrom(t, granter, ids[0], 0, local, LEN));
                    assertEquals(EPERM, Sys.safecopyTo(t, granter, ids[0], 0, local, LEN));
                    assertEquals(EPERM, Sys.safememset(t, granter, ids[0], 0, 0, LEN));
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, ids[1], 0, local, LEN));
                    assertEquals(OK, Sys.safecopyTo(t, granter, ids[1], 0, local, LEN));
                    assertEquals(OK, Sys.safememset(t, granter, ids[1], 0, 0, LEN));
                });
    }

    @Test
    void outOfRangeOffsetOrLengthIsRefused() throws Exception {
        pair((t, pg, buf, grantee) -> new int[] {pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ | CPF_WRITE)},
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(2 * LEN);
                    int g = ids[0];
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, g, 0, local, LEN + 1));
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, g, 50, local, 51));
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, g, LEN, local, 1));
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, g, LEN + 1, local, 0));
                    assertEquals(EPERM, Sys.safecopyTo(t, granter, g, 99, local, 2));
                    assertEquals(EPERM, Sys.safememset(t, granter, g, 1, 0, LEN));
                    // offset + length would overflow: still refused, not wrapped
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, g, Long.MAX_VALUE, local, 2));
                    // the exact bounds are fine
                    assertEquals(OK, Sys.safecopyFrom(t, granter, g, 50, local, 50));
                    assertEquals(OK, Sys.safecopyFrom(t, granter, g, LEN - 1, local, 1));
                });
    }

    @Test
    void revokedGrantIsRefused() throws Exception {
        pair((t, pg, buf, grantee) -> {
                    int live = pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ);
                    int revoked = pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ);
                    assertEquals(0, pg.grants().cpfRevoke(revoked));
                    return new int[] {live, revoked};
                },
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    assertEquals(OK, Sys.safecopyFrom(t, granter, ids[0], 0, local, LEN));
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, ids[1], 0, local, LEN));
                });
    }

    @Test
    void staleGrantIdIsRefusedAfterTheSlotIsReused() throws Exception {
        pair((t, pg, buf, grantee) -> {
                    int old = pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ);
                    assertEquals(0, pg.grants().cpfRevoke(old));
                    int reused = pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ);
                    assertEquals(index(old), index(reused), "the slot is reused");
                    assertNotEquals(old, reused, "with a new sequence number");
                    return new int[] {old, reused};
                },
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, ids[0], 0, local, LEN));
                    assertEquals(OK, Sys.safecopyFrom(t, granter, ids[1], 0, local, LEN));
                    byte[] got = new byte[LEN];
                    pg.memory().read(local, got, 0, LEN);
                    org.junit.jupiter.api.Assertions.assertArrayEquals(SafecopyTest.pattern(LEN), got);
                });
    }

    @Test
    void badIdsAndUnknownGrantersAreRefused() throws Exception {
        pair((t, pg, buf, grantee) -> new int[] {pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ)},
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    assertEquals(EINVAL, Sys.safecopyFrom(t, granter, GRANT_INVALID, 0, local, 1));
                    assertEquals(EPERM, Sys.safecopyFrom(t, granter, makeId(1000, 0), 0, local, 1), "past the table");
                    assertEquals(EINVAL, Sys.safecopyFrom(t, Endpoint.make(5, 300), ids[0], 0, local, 1));
                    // The grantee never registered a table: any id of its own is unknown.
                    assertEquals(EPERM, Sys.safecopyFrom(t, Sys.whoami(t).endpoint(), 0, 0, local, 1));
                });
    }

    /** A CPF_TRY grant whose copy faulted is marked: the granter's revoke reports GRANT_FAULTED. */
    @Test
    void faultedTryGrantIsReportedOnRevoke() throws Exception {
        try (Harness h = new Harness()) {
            int b = h.system("grantee", args -> {
                Trap t = Trap.current();
                long local = GrantTables.open(t).heap().malloc(LEN);
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                for (int i = 0; i < 3; i++) {
                    assertEquals(i == 2 ? OK : EFAULT, Sys.safecopyFrom(t, m.source(), m.getInt(4 * i), 0, local,
                            LEN), "grant " + i);
                }
                assertEquals(OK, t.send(m.source(), new Message(DONE)));
            });
            int a = h.system("granter", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                // Outside the initial region: nothing will ever be mapped there.
                int tryGrant = pg.grants().cpfGrantDirect(b, 0x2000, LEN, CPF_READ | CPF_TRY);
                int plain = pg.grants().cpfGrantDirect(b, 0x2000, LEN, CPF_READ);
                int tryGood = pg.grants().cpfGrantDirect(b, buf, LEN, CPF_READ | CPF_TRY);
                assertEquals(OK, t.send(b, msg(IDS, tryGrant, plain, tryGood)));
                assertEquals(OK, t.receive(b, new Message()));
                assertEquals(GRANT_FAULTED, pg.grants().cpfRevoke(tryGrant));
                assertEquals(0, pg.grants().cpfRevoke(plain), "not a CPF_TRY grant");
                assertEquals(0, pg.grants().cpfRevoke(tryGood), "never faulted");
            });
            h.start();
            h.awaitOk(a, b);
        }
    }

    @Test
    void deadGranterIsEinval() throws Exception {
        try (Harness h = new Harness()) {
            int b = h.system("grantee", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                int granter = m.source();
                ProcessGrants pg = GrantTables.open(t);
                long local = pg.heap().malloc(LEN);
                long probe = pg.heap().malloc(64);
                assertEquals(OK, Sys.safecopyFrom(t, granter, m.getInt(0), 0, local, LEN), "alive");
                assertEquals(OK, t.send(granter, new Message(DONE)));
                // Wait until the granter is gone: GET_PROC on a dead endpoint is EINVAL.
                for (int i = 0; i < 100 && Sys.getinfo(t, SysGetinfoMsg.GET_PROC, granter, probe, 64) == OK; i++) {
                    Harness.sleepTicks(t, 1);
                }
                assertEquals(EINVAL, Sys.getinfo(t, SysGetinfoMsg.GET_PROC, granter, probe, 64));
                assertEquals(EINVAL, Sys.safecopyFrom(t, granter, m.getInt(0), 0, local, LEN));
                assertEquals(EINVAL, Sys.safecopyTo(t, granter, m.getInt(0), 0, local, LEN));
            });
            int a = h.system("granter", args -> {
                Trap t = Trap.current();
                ProcessGrants pg = GrantTables.open(t);
                long buf = pg.heap().malloc(LEN);
                int g = pg.grants().cpfGrantDirect(b, buf, LEN, CPF_READ | CPF_WRITE);
                assertEquals(OK, t.send(b, msg(IDS, g)));
                assertEquals(OK, t.receive(b, new Message()));
            });
            h.start();
            h.awaitOk(a, b);
        }
    }

    @Test
    void copyOutsideTheInitialRegionIsEfault() throws Exception {
        long below = MemoryLayout.INITIAL_REGION_BASE - MemoryLayout.PAGE_SIZE;
        long above = MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE;
        pair((t, pg, buf, grantee) -> new int[] {
                    pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ | CPF_WRITE),
                    // a grant over the granter's own unmapped memory
                    pg.grants().cpfGrantDirect(grantee, 0x2000, LEN, CPF_READ | CPF_WRITE)},
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    assertEquals(EFAULT, Sys.safecopyFrom(t, granter, ids[0], 0, below, LEN));
                    assertEquals(EFAULT, Sys.safecopyFrom(t, granter, ids[0], 0, above, LEN));
                    assertEquals(EFAULT, Sys.safecopyFrom(t, granter, ids[0], 0, above - 10, LEN), "straddles the end");
                    assertEquals(EFAULT, Sys.safecopyTo(t, granter, ids[0], 0, 0x10, LEN));
                    assertEquals(EFAULT, Sys.safecopyFrom(t, granter, ids[1], 0, local, LEN));
                    assertEquals(EFAULT, Sys.safecopyTo(t, granter, ids[1], 0, local, LEN));
                    assertEquals(EFAULT, Sys.safememset(t, granter, ids[1], 0, 0, LEN));
                    assertEquals(OK, Sys.safecopyFrom(t, granter, ids[0], 0, local, LEN), "and a good one works");
                });
    }

    @Test
    void vsafecopyElementWithoutSelfIsEinval() throws Exception {
        pair((t, pg, buf, grantee) -> new int[] {pg.grants().cpfGrantDirect(grantee, buf, LEN, CPF_READ | CPF_WRITE)},
                (t, granter, ids, pg) -> {
                    long local = pg.heap().malloc(LEN);
                    long vec = pg.heap().malloc(3 * minixj.lib.mem.SafecopyVector.ELEMENT_SIZE);
                    Sys.putVsafecopyElement(pg.memory(), vec, 0, granter, Endpoint.SELF, ids[0], 0, local, 10);
                    Sys.putVsafecopyElement(pg.memory(), vec, 1, granter, granter, ids[0], 0, local, 10);
                    Sys.putVsafecopyElement(pg.memory(), vec, 2, Endpoint.SELF, Endpoint.SELF, ids[0], 0, local, 10);
                    Message m = new Message();
                    SysVsafecopyMsg req = new SysVsafecopyMsg(m).vectorAddress(vec).count(2);
                    assertEquals(EINVAL, t.kernelCall(minixj.lib.ipc.SysCalls.SYS_VSAFECOPY, m));
                    assertEquals(1, req.done(), "the first element was done");
                    m.clear();
                    req.vectorAddress(vec + 2L * minixj.lib.mem.SafecopyVector.ELEMENT_SIZE).count(1);
                    assertEquals(EINVAL, t.kernelCall(minixj.lib.ipc.SysCalls.SYS_VSAFECOPY, m), "both SELF");
                    assertEquals(0, req.done());
                    assertEquals(EINVAL, Sys.vsafecopy(t, vec, minixj.lib.mem.SafecopyVector.MAX_ELEMENTS + 1));
                });
    }

    @Test
    void userProcessesCannotRegisterGrantTables() throws Exception {
        try (Harness h = new Harness()) {
            int u = h.spawn(ProcessSpec.user("user", args -> {
                Trap t = Trap.current();
                assertEquals(ECALLDENIED, Sys.setgrant(t, MemoryLayout.INITIAL_REGION_BASE, 3));
                ProcessGrants pg = GrantTables.open(t);
                assertEquals(GRANT_INVALID, pg.grants().cpfGrantDirect(Endpoint.PM, 0x200000, 10, CPF_READ),
                        "the library cannot register its table");
            }));
            int s = h.system("sys", args -> {
                Trap t = Trap.current();
                assertEquals(EINVAL, Sys.setgrant(t, MemoryLayout.INITIAL_REGION_BASE, -1));
                assertEquals(OK, Sys.setgrant(t, MemoryLayout.INITIAL_REGION_BASE, 0));
            });
            h.start();
            h.awaitOk(u, s);
        }
    }
}

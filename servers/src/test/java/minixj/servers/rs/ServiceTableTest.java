package minixj.servers.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.rs.ServiceFlags;
import minixj.lib.rs.SysFlags;
import org.junit.jupiter.api.Test;

/** RS's service table: allocation, lookups, idleness, clashes, send masks, status, backoff. */
class ServiceTableTest {
    private static ServiceEntry running(ServiceTable table, String name, int endpoint, int privId, String ipc) {
        ServiceEntry entry = table.allocate();
        entry.label = name;
        entry.programName = name;
        entry.privId = privId;
        entry.privFlags = PrivFlags.SYS_PROC;
        entry.ipc = ipc;
        entry.set(ServiceFlags.ACTIVE);
        table.bind(entry, endpoint);
        return entry;
    }

    @Test
    void sixtyFourEntriesThenFull() {
        ServiceTable table = new ServiceTable();
        List<ServiceEntry> all = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            ServiceEntry entry = table.allocate();
            assertNotNull(entry);
            assertEquals(i, entry.index);
            assertTrue(entry.inUse());
            all.add(entry);
        }
        assertNull(table.allocate());
        table.free(all.get(10));
        ServiceEntry again = table.allocate();
        assertEquals(10, again.index);
        assertEquals("", again.label, "a reused entry starts clean");
        assertNull(table.at(64));
        assertSame(again, table.at(10));
    }

    @Test
    void lookupByLabelFindsOnlyTheActiveInstance() {
        ServiceTable table = new ServiceTable();
        ServiceEntry live = running(table, "hello", Endpoint.make(1, 20), 20, "ALL_SYS");
        ServiceEntry replica = table.allocate();
        replica.label = "hello";
        table.bind(replica, Endpoint.make(0, 21));
        live.next = replica;
        assertSame(live, table.byLabel("hello"));
        assertNull(table.byLabel("nobody"));
        live.clear(ServiceFlags.ACTIVE);
        assertNull(table.byLabel("hello"));
        table.free(replica);
        assertNull(live.next, "freeing an instance unlinks it");
    }

    @Test
    void lookupByEndpointChecksTheGeneration() {
        ServiceTable table = new ServiceTable();
        int endpoint = Endpoint.make(3, 40);
        ServiceEntry entry = running(table, "ds", endpoint, 22, "ALL_SYS");
        assertSame(entry, table.byEndpoint(endpoint));
        assertNull(table.byEndpoint(Endpoint.make(4, 40)), "a later process in the same slot is not this entry");
        assertNull(table.byEndpoint(Endpoint.NONE));
        assertNull(table.byEndpoint(Endpoint.ANY));
        table.unbind(entry);
        assertNull(table.byEndpoint(endpoint));
        assertEquals(Endpoint.NONE, entry.endpoint);
    }

    @Test
    void swappingEndpointsMovesTheLookups() {
        ServiceTable table = new ServiceTable();
        ServiceEntry dead = running(table, "vfs", Endpoint.VFS, 6, "ALL");
        ServiceEntry replica = table.allocate();
        table.bind(replica, Endpoint.make(0, 50));
        table.swapEndpoints(dead, replica);
        assertSame(replica, table.byEndpoint(Endpoint.VFS));
        assertSame(dead, table.byEndpoint(Endpoint.make(0, 50)));
    }

    @Test
    void idlenessAndTheFreePass() {
        ServiceTable table = new ServiceTable();
        ServiceEntry a = running(table, "a", Endpoint.make(0, 30), 20, "ALL_SYS");
        ServiceEntry b = running(table, "b", Endpoint.make(0, 31), 21, "ALL_SYS");
        assertTrue(table.isIdle());
        b.set(ServiceFlags.INITIALIZING);
        assertFalse(table.isIdle());
        assertTrue(table.anyOtherInitializing(a));
        assertFalse(table.anyOtherInitializing(b));
        b.set(ServiceFlags.DEAD);
        assertTrue(table.isIdle(), "a dead entry counts as idle");
    }

    @Test
    void upClashesWithLiveLabelsMajorsAndDomains() {
        ServiceTable table = new ServiceTable();
        ServiceEntry tty = running(table, "tty", Endpoint.TTY, 10, "ALL_SYS");
        tty.major = 4;
        tty.domains = List.of(2);
        assertEquals("label tty is taken", table.clashWithActive("tty", 0, List.of()));
        assertEquals("major 4 belongs to tty", table.clashWithActive("x", 4, List.of()));
        assertEquals("domain 2 belongs to tty", table.clashWithActive("x", 0, List.of(1, 2)));
        assertNull(table.clashWithActive("x", 5, List.of(24)));
    }

    @Test
    void sendMasksFollowTheIpcSettingsBothWays() {
        ServiceTable table = new ServiceTable();
        ServiceEntry pm = running(table, "pm", Endpoint.PM, 5, "ALL");
        ServiceEntry ds = running(table, "ds", Endpoint.DS, 11, "ALL_SYS");
        ServiceEntry vfs = running(table, "vfs", Endpoint.VFS, 6, "pm hello");
        ServiceEntry hello = table.allocate();
        hello.programName = "hello";
        hello.label = "hello";
        hello.privId = 20;
        hello.privFlags = PrivFlags.SYS_PROC;
        hello.ipc = "SYSTEM pm USER";
        long mask = table.sendMask(hello);
        long expected = (1L << PrivFlags.staticPrivId(Endpoint.SYSTEM)) | (1L << PrivFlags.USER_PRIV_ID)
                | (1L << pm.privId) // listed, and pm lets everyone in
                | (1L << ds.privId) // ALL_SYS lets a system process in
                | (1L << vfs.privId); // vfs names hello
        assertEquals(expected, mask);

        hello.privFlags = 0; // as a user process, ALL_SYS services no longer let it in
        assertEquals(expected & ~(1L << ds.privId), table.sendMask(hello));

        hello.ipc = "ALL_SYS";
        assertEquals(~(1L << PrivFlags.USER_PRIV_ID) & ~(1L << 20), table.sendMask(hello));
        hello.ipc = "ALL";
        assertEquals(~(1L << 20), table.sendMask(hello), "never a bit for itself");
    }

    @Test
    void statusOfAnEntryAndOfTheTable() {
        ServiceTable table = new ServiceTable();
        ServiceEntry pm = running(table, "pm", Endpoint.PM, 5, "ALL");
        pm.pid = 7;
        pm.restarts = 1;
        pm.sysFlags = SysFlags.CORE_SRV | SysFlags.NEED_REPL | SysFlags.USE_REPL;
        ServiceEntry replica = table.allocate();
        replica.label = "pm";
        replica.programName = "pm";
        table.bind(replica, Endpoint.make(0, 60));
        assertEquals("A----R-rs", pm.status().flagString());
        assertEquals(List.of("restart"), pm.status().policies());
        assertEquals(1, table.statuses().size());
        String text = table.statusText();
        assertTrue(text.startsWith("label: pm\nfilename: pm\nendpoint: 0\npid: 7\nrestarts: 1\nflags: A----R-rs\n"), text);
        assertTrue(text.contains("state: IN_USE\n"), "the replica is listed with its state: " + text);
    }

    @Test
    void backoffDoublesUpToThirtyPeriods() {
        int[] expected = {0, 2, 4, 8, 16, 30, 30, 30};
        for (int restarts = 0; restarts < expected.length; restarts++) {
            assertEquals(expected[restarts], RsConstants.backoffPeriods(restarts, 0), "restarts " + restarts);
        }
        assertEquals(30, RsConstants.backoffPeriods(100, 0));
        assertEquals(1, RsConstants.backoffPeriods(5, SysFlags.NO_BIN_EXP));
        assertEquals(1, RsConstants.backoffPeriods(5, SysFlags.USE_COPY));
        assertEquals(0, RsConstants.backoffPeriods(0, SysFlags.NO_BIN_EXP));
    }
}

package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsChange;
import minixj.lib.ipc.Errno;

/**
 * Maps (type MAP, declared by MINIX, implemented by MinixJ): put, get, list in order, remove,
 * EEXIST/ENOENT/ESRCH, notifications to the map key's subscribers, the privacy bits, re-publish
 * emptying, and (key, type) uniqueness letting a map and a memory value share a key.
 */
class DsMapTest {
    @Test
    void putGetListRemove() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            expect(Errno.ESRCH, () -> ds.mapGet("cfg", "a"));
            expect(Errno.ESRCH, () -> ds.mapList("cfg"));
            expect(Errno.ESRCH, () -> ds.mapDelete("cfg", "a"));
            ds.mapPut("cfg", "beta", new byte[] {2, 2}, 0); // creates the map
            ds.mapPut("cfg", "alpha", new byte[] {1}, 0);
            ds.mapPut("cfg", "empty", new byte[0], 0);
            assertEquals(List.of("alpha", "beta", "empty"), ds.mapList("cfg"));
            assertArrayEquals(new byte[] {2, 2}, ds.mapGet("cfg", "beta"));
            assertArrayEquals(new byte[0], ds.mapGet("cfg", "empty"));
            assertArrayEquals(new byte[] {2}, ds.mapGet("cfg", "beta", 1));
            expect(Errno.ENOENT, () -> ds.mapGet("cfg", "gamma"));
            expect(Errno.EEXIST, () -> ds.mapPut("cfg", "beta", new byte[] {3}, 0));
            ds.mapPut("cfg", "beta", new byte[] {3}, Ds.DSF_OVERWRITE);
            assertArrayEquals(new byte[] {3}, ds.mapGet("cfg", "beta"));
            ds.mapDelete("cfg", "alpha");
            expect(Errno.ENOENT, () -> ds.mapDelete("cfg", "alpha"));
            assertEquals(List.of("beta", "empty"), ds.mapList("cfg"));
            // A map and a memory value may share a key: entries are unique per (key, type).
            ds.publishMemory("cfg", new byte[] {9}, 0);
            assertArrayEquals(new byte[] {9}, ds.retrieveMemory("cfg", 4));
            assertArrayEquals(new byte[] {3}, ds.mapGet("cfg", "beta"));
            // Publishing the map again needs OVERWRITE and empties it.
            expect(Errno.EEXIST, () -> ds.publishMap("cfg", 0));
            ds.publishMap("cfg", Ds.DSF_OVERWRITE);
            assertEquals(List.of(), ds.mapList("cfg"));
            ds.deleteMap("cfg");
            expect(Errno.ESRCH, () -> ds.mapList("cfg"));
            assertArrayEquals(new byte[] {9}, ds.retrieveMemory("cfg", 4));
        }));
    }

    @Test
    void subscribersHearOfPutsAndRemovalsAndPrivacyApplies() throws Exception {
        run(labelled("owner", (ds, t, eps) -> {
            await(t, eps.get("watch"));
            ds.mapPut("open", "x", new byte[] {1}, 0);
            ds.mapPut("locked", "x", new byte[] {1}, Ds.DSF_PRIV_OVERWRITE);
            ds.mapPut("hidden", "x", new byte[] {1}, Ds.DSF_PRIV_RETRIEVE);
            signal(t, eps.get("watch"));
            await(t, eps.get("watch"));
            ds.mapDelete("open", "y");
            signal(t, eps.get("watch"));
        }), labelled("watch", (ds, t, eps) -> {
            ds.subscribe("open", 0);
            signal(t, eps.get("owner"));
            await(t, eps.get("owner"));
            awaitNotify(t);
            assertEquals(new DsChange("open", Ds.DSF_TYPE_MAP, eps.get("owner")), ds.check());
            assertNull(ds.check());
            ds.mapPut("open", "y", new byte[] {2}, 0); // anyone may add to an unprotected map
            assertEquals("open", ds.check().key());
            expect(Errno.EPERM, () -> ds.mapPut("locked", "y", new byte[] {2}, 0));
            expect(Errno.EPERM, () -> ds.mapDelete("locked", "x"));
            assertArrayEquals(new byte[] {1}, ds.mapGet("locked", "x"));
            expect(Errno.EPERM, () -> ds.mapGet("hidden", "x"));
            expect(Errno.EPERM, () -> ds.mapList("hidden"));
            expect(Errno.EPERM, () -> ds.deleteMap("open")); // only the owner deletes the map
            signal(t, eps.get("owner"));
            await(t, eps.get("owner"));
            awaitNotify(t);
            assertEquals("open", ds.check().key()); // the removal is a change of the map
            assertEquals(List.of("x"), ds.mapList("open"));
        }));
    }
}

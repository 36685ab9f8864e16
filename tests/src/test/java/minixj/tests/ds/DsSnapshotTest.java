package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static minixj.tests.ds.DsMatrixTest.bytes;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsSnapshot;
import minixj.lib.ipc.Errno;

/**
 * Snapshots of memory values (MINIX declares them, MinixJ implements them): versions from 1,
 * reading by version or the newest, the bounded history (ENOSPC, or the oldest dropped with
 * OVERWRITE), history kept across overwrites and dropped with the entry, and the privacy bits.
 */
class DsSnapshotTest {
    @Test
    void versionsHistoryAndLifetime() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            expect(Errno.ESRCH, () -> ds.snapshot("state", 0));
            byte[] v1 = bytes(40, 1);
            byte[] v2 = bytes(50, 2);
            ds.publishMemory("state", v1, 0);
            expect(Errno.ENOENT, () -> ds.retrieveSnapshot("state", 0, 100)); // none taken yet
            assertEquals(1, ds.snapshot("state", 0));
            assertEquals(2, ds.snapshotMemory("state", v2, 0)); // publishes and records
            assertArrayEquals(v2, ds.retrieveMemory("state", 100));
            DsSnapshot newest = ds.retrieveSnapshot("state", 0, 100);
            assertEquals(2, newest.version());
            assertEquals(1, newest.oldestVersion());
            assertEquals(2, newest.newestVersion());
            assertArrayEquals(v2, newest.data());
            assertArrayEquals(v1, ds.retrieveSnapshot("state", 1, 100).data());
            DsSnapshot cut = ds.retrieveSnapshot("state", 1, 4);
            assertEquals(40, cut.size());
            assertArrayEquals(java.util.Arrays.copyOf(v1, 4), cut.data());
            expect(Errno.ENOENT, () -> ds.retrieveSnapshot("state", 3, 100));
            // Overwriting the value keeps the history.
            ds.publishMemory("state", bytes(5, 9), Ds.DSF_OVERWRITE);
            assertArrayEquals(v1, ds.retrieveSnapshot("state", 1, 100).data());
            // The history is bounded: full means ENOSPC, unless OVERWRITE drops the oldest.
            for (int v = 3; v <= Ds.MAX_SNAPSHOTS; v++) assertEquals(v, ds.snapshot("state", 0));
            expect(Errno.ENOSPC, () -> ds.snapshot("state", 0));
            assertEquals(Ds.MAX_SNAPSHOTS + 1, ds.snapshotMemory("state", bytes(7, 3), Ds.DSF_OVERWRITE));
            DsSnapshot after = ds.retrieveSnapshot("state", 0, 100);
            assertEquals(2, after.oldestVersion());
            assertEquals(Ds.MAX_SNAPSHOTS + 1, after.newestVersion());
            expect(Errno.ENOENT, () -> ds.retrieveSnapshot("state", 1, 100));
            assertArrayEquals(v2, ds.retrieveSnapshot("state", 2, 100).data());
            // Deleting the entry drops its snapshots.
            ds.deleteMemory("state");
            expect(Errno.ESRCH, () -> ds.retrieveSnapshot("state", 0, 100));
            ds.publishMemory("state", v1, 0);
            expect(Errno.ENOENT, () -> ds.retrieveSnapshot("state", 0, 100));
            // A snapshot of a new key creates it; only memory values have snapshots.
            assertEquals(1, ds.snapshotMemory("fresh", v2, 0));
            assertArrayEquals(v2, ds.retrieveMemory("fresh", 100));
            ds.publishU32("number", 1, 0);
            expect(Errno.ESRCH, () -> ds.snapshot("number", 0));
        }));
    }

    @Test
    void privSnapshotAndPrivRetrieveGuardTheHistory() throws Exception {
        run(labelled("owner", (ds, t, eps) -> {
            ds.publishMemory("guarded", bytes(8, 1), Ds.DSF_PRIV_SNAPSHOT);
            ds.publishMemory("hidden", bytes(8, 2), Ds.DSF_PRIV_RETRIEVE);
            ds.publishMemory("shared", bytes(8, 3), 0);
            assertEquals(1, ds.snapshot("guarded", 0));
            assertEquals(1, ds.snapshot("hidden", 0));
            signal(t, eps.get("other"));
            await(t, eps.get("other"));
            assertEquals(2, ds.snapshot("guarded", 0)); // the owner still may
        }), labelled("other", (ds, t, eps) -> {
            await(t, eps.get("owner"));
            expect(Errno.EPERM, () -> ds.snapshot("guarded", 0));
            expect(Errno.EPERM, () -> ds.snapshotMemory("guarded", new byte[1], 0));
            assertEquals(1, ds.retrieveSnapshot("guarded", 0, 8).version()); // PRIV_SNAPSHOT does not hide it
            expect(Errno.EPERM, () -> ds.retrieveSnapshot("hidden", 0, 8));
            assertEquals(1, ds.snapshot("shared", 0)); // unprotected: anyone may
            assertEquals(2, ds.snapshotMemory("shared", bytes(4, 4), 0));
            signal(t, eps.get("owner"));
        }));
    }
}

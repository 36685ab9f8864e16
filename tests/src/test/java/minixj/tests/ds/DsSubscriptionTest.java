package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsChange;
import minixj.lib.ipc.Errno;

/**
 * Subscriptions: patterns match whole keys, one subscription per label (replaced only with
 * OVERWRITE), type filters, INITIAL, CHECK in slot order one key at a time, the notify on deletion
 * that leaves nothing to check, PRIV_SUBSCRIBE, and a hostile pattern that must not hang DS.
 */
class DsSubscriptionTest {
    private static String key(DsChange c) {
        return c == null ? null : c.key();
    }

    @Test
    void anchoredPatternsOneSubscriptionPerLabelAndTypeFilters() throws Exception {
        run(labelled("sub", (ds, t, eps) -> {
            expect(Errno.ESRCH, ds::check); // no subscription yet
            expect(Errno.EINVAL, () -> ds.subscribe("(", 0));
            expect(Errno.EINVAL, () -> ds.subscribe("", 0));
            ds.subscribe("key\\.[0-9]+", 0);
            expect(Errno.EEXIST, () -> ds.subscribe("other", 0));
            assertNull(ds.check());
            ds.publishU32("key.1", 1, 0);
            ds.publishU32("xkey.2", 2, 0); // anchored at the start
            ds.publishU32("key.3x", 3, 0); // and at the end
            ds.publishString("key.4", "four", 0);
            DsChange first = ds.check();
            assertEquals(new DsChange("key.1", Ds.DSF_TYPE_U32, eps.get("sub")), first);
            assertEquals(new DsChange("key.4", Ds.DSF_TYPE_STR, eps.get("sub")), ds.check());
            assertNull(ds.check());
            // OVERWRITE replaces the subscription: the old pattern no longer counts.
            ds.subscribe("xkey\\..*", Ds.DSF_OVERWRITE | Ds.DSF_INITIAL);
            assertEquals("xkey.2", key(ds.check()));
            assertNull(ds.check());
            ds.publishU32("key.1", 11, Ds.DSF_OVERWRITE);
            assertNull(ds.check());
            // Type bits in the flags limit the subscription to those types.
            ds.subscribe("t\\..*", Ds.DSF_OVERWRITE | Ds.DSF_TYPE_STR | Ds.DSF_TYPE_MEM);
            ds.publishU32("t.u32", 1, 0);
            ds.publishString("t.str", "s", 0);
            ds.publishMemory("t.mem", new byte[] {1}, 0);
            assertEquals(new DsChange("t.str", Ds.DSF_TYPE_STR, eps.get("sub")), ds.check());
            assertEquals(new DsChange("t.mem", Ds.DSF_TYPE_MEM, eps.get("sub")), ds.check());
            assertNull(ds.check());
        }));
    }

    @Test
    void initialReportsExistingKeysInSlotOrderWithTheirOwner() throws Exception {
        run(labelled("pub", (ds, t, eps) -> {
            ds.publishU32("cfg.b", 2, 0);
            ds.publishU32("cfg.a", 1, 0);
            ds.publishString("other", "x", 0);
            ds.publishString("cfg.c", "three", 0);
            signal(t, eps.get("sub"));
        }), labelled("sub", (ds, t, eps) -> {
            await(t, eps.get("pub"));
            ds.subscribe("cfg\\..*", Ds.DSF_INITIAL);
            awaitNotify(t); // INITIAL notifies at once when something matches
            int pub = eps.get("pub");
            assertEquals(new DsChange("cfg.b", Ds.DSF_TYPE_U32, pub), ds.check());
            assertEquals(new DsChange("cfg.a", Ds.DSF_TYPE_U32, pub), ds.check());
            assertEquals(new DsChange("cfg.c", Ds.DSF_TYPE_STR, pub), ds.check());
            assertNull(ds.check());
            assertEquals("three", ds.retrieveString("cfg.c", 10)); // check names it, retrieve reads it
        }));
    }

    @Test
    void deletionNotifiesButLeavesNothingToCheck() throws Exception {
        run(labelled("pub", (ds, t, eps) -> {
            await(t, eps.get("sub"));
            ds.publishU32("drv.chr.x", 1, 0);
            ds.publishU32("drv.chr.y", 1, 0);
            ds.publishU32("drv.chr.z", 1, 0);
            ds.deleteU32("drv.chr.y"); // before the subscriber looked: its mark goes with it
            signal(t, eps.get("sub"));
            await(t, eps.get("sub"));
            ds.deleteU32("drv.chr.x");
            signal(t, eps.get("sub"));
        }), labelled("sub", (ds, t, eps) -> {
            ds.subscribe("drv\\.chr\\..*", 0);
            signal(t, eps.get("pub"));
            await(t, eps.get("pub"));
            awaitNotify(t);
            assertEquals("drv.chr.x", key(ds.check()));
            assertEquals("drv.chr.z", key(ds.check()));
            assertNull(ds.check());
            signal(t, eps.get("pub"));
            await(t, eps.get("pub"));
            awaitNotify(t); // the deletion's notify
            assertNull(ds.check()); // ENOENT: something was deleted
            expect(Errno.ESRCH, () -> ds.retrieveU32("drv.chr.x"));
        }));
    }

    @Test
    void privSubscribeEntriesReachOnlyTheirOwnersSubscription() throws Exception {
        run(labelled("owner", (ds, t, eps) -> {
            ds.subscribe("p\\..*", 0);
            await(t, eps.get("other"));
            ds.publishU32("p.secret", 7, Ds.DSF_PRIV_SUBSCRIBE);
            ds.publishU32("p.public", 8, 0);
            assertEquals("p.secret", key(ds.check()));
            assertEquals("p.public", key(ds.check()));
            assertNull(ds.check());
            signal(t, eps.get("other"));
        }), labelled("other", (ds, t, eps) -> {
            ds.subscribe("p\\..*", 0);
            signal(t, eps.get("owner"));
            await(t, eps.get("owner"));
            assertEquals("p.public", key(ds.check()));
            assertNull(ds.check());
            assertEquals(7, ds.retrieveU32("p.secret")); // PRIV_SUBSCRIBE hides changes, not the value
        }));
    }

    @Test
    void aCatastrophicPatternDoesNotHangTheStore() throws Exception {
        run(labelled("sub", (ds, t, eps) -> {
            ds.subscribe("(a+)+b", 0); // exponential backtracking on a long run of a's without b
            ds.publishU32("a".repeat(70), 1, 0);
            ds.publishU32("aaab", 2, 0);
            assertEquals("aaab", key(ds.check()));
            assertNull(ds.check());
            assertEquals(1, ds.retrieveU32("a".repeat(70)));
        }));
    }
}

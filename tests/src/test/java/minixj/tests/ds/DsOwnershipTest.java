package minixj.tests.ds;

import static minixj.tests.ds.DsHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsEntryInfo;
import minixj.lib.ipc.Errno;

/**
 * Ownership by label and the privacy bits: PRIV_RETRIEVE, PRIV_OVERWRITE, ownership passing to
 * whoever overwrites an unprotected entry, deletion by the owner only, the table dump hiding
 * private values; labels from RS only, renaming, deleting a label (its entries and subscription
 * go, subscribers are told), and callers without a label known by their endpoint until RS labels
 * them.
 */
class DsOwnershipTest {
    private static DsEntryInfo row(Ds ds, String key) {
        return ds.entries().stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
    }

    @Test
    void privacyBitsAndOwnership() throws Exception {
        run(labelled("alice", (ds, t, eps) -> {
            ds.publishU32("a.private", 41, Ds.DSF_PRIV_RETRIEVE);
            ds.publishU32("a.locked", 42, Ds.DSF_PRIV_OVERWRITE);
            ds.publishU32("a.open", 43, 0);
            ds.publishString("a.all", "mine", Ds.DSF_PRIVATE);
            assertEquals(41, ds.retrieveU32("a.private"));
            assertEquals(41, row(ds, "a.private").value()); // the owner sees its value in the dump
            signal(t, eps.get("bob"));
            await(t, eps.get("bob"));
            ds.publishU32("a.locked", 52, Ds.DSF_OVERWRITE); // the owner still may
            assertEquals(52, ds.retrieveU32("a.locked"));
            expect(Errno.EPERM, () -> ds.deleteU32("a.open")); // bob owns it now
            ds.deleteU32("a.private");
            signal(t, eps.get("bob"));
        }), labelled("bob", (ds, t, eps) -> {
            await(t, eps.get("alice"));
            expect(Errno.EPERM, () -> ds.retrieveU32("a.private"));
            expect(Errno.EPERM, () -> ds.retrieveString("a.all", 10));
            expect(Errno.EPERM, () -> ds.publishU32("a.locked", 1, Ds.DSF_OVERWRITE));
            expect(Errno.EPERM, () -> ds.publishString("a.all", "yours", Ds.DSF_OVERWRITE));
            expect(Errno.EEXIST, () -> ds.publishU32("a.open", 1, 0));
            expect(Errno.EPERM, () -> ds.deleteU32("a.private"));
            assertEquals(42, ds.retrieveU32("a.locked")); // PRIV_OVERWRITE does not hide it
            DsEntryInfo hidden = row(ds, "a.private");
            assertEquals("alice", hidden.owner());
            assertEquals(0, hidden.value());
            assertEquals(Ds.DSF_TYPE_U32 | Ds.DSF_PRIV_RETRIEVE | Ds.DSF_IN_USE, hidden.flags());
            ds.publishU32("a.open", 53, Ds.DSF_OVERWRITE); // unprotected: bob takes it over
            assertEquals("bob", row(ds, "a.open").owner());
            signal(t, eps.get("alice"));
            await(t, eps.get("alice"));
            expect(Errno.ESRCH, () -> ds.retrieveU32("a.private"));
            ds.deleteU32("a.open");
        }));
    }

    @Test
    void deletingALabelTakesItsEntriesAndSubscriptionAndTellsSubscribers() throws Exception {
        run((ds, t, eps) -> {
            int svc = eps.get("svc");
            await(t, svc);
            expect(Errno.EINVAL, () -> ds.publishLabel("#" + svc, svc, Ds.DSF_OVERWRITE)); // reserved
            ds.deleteLabel("svc");
            expect(Errno.ESRCH, () -> ds.deleteLabel("svc"));
            ds.publishLabel("svc", svc, 0); // a fresh label: a reset service's new identity
            signal(t, eps.get("watch"));
            signal(t, svc);
        }, labelled("svc", (ds, t, eps) -> {
            ds.subscribe(".*", 0);
            await(t, eps.get("watch"));
            ds.publishU32("svc.state", 1, 0);
            ds.publishMemory("svc.blob", new byte[] {1, 2, 3}, Ds.DSF_PRIVATE);
            signal(t, eps.get("watch"));
            await(t, eps.get("watch"));
            signal(t, eps.get("rs"));
            await(t, eps.get("rs"));
            expect(Errno.ESRCH, ds::check); // its subscription went with the old label
            expect(Errno.ESRCH, () -> ds.retrieveMemory("svc.blob", 10));
        }), labelled("watch", (ds, t, eps) -> {
            ds.subscribe("svc\\..*", 0);
            signal(t, eps.get("svc"));
            await(t, eps.get("svc"));
            awaitNotify(t);
            assertEquals("svc.state", ds.check().key());
            assertNull(ds.check()); // svc.blob is PRIV_SUBSCRIBE
            signal(t, eps.get("svc"));
            await(t, eps.get("rs"));
            awaitNotify(t); // the deletion of svc.state
            assertNull(ds.check());
            expect(Errno.ESRCH, () -> ds.retrieveU32("svc.state"));
            assertEquals(eps.get("svc"), ds.retrieveLabelEndpoint("svc"));
        }));
    }

    @Test
    void relabellingAnEndpointRenamesItsLabel() throws Exception {
        run((ds, t, eps) -> {
            int svc = eps.get("svc");
            expect(Errno.EEXIST, () -> ds.publishLabel("svc.new", svc, 0));
            ds.publishLabel("svc.new", svc, Ds.DSF_OVERWRITE);
            assertEquals("svc.new", ds.retrieveLabelName(svc));
            expect(Errno.ESRCH, () -> ds.retrieveLabelEndpoint("svc"));
            assertEquals(svc, ds.retrieveLabelEndpoint("svc.new"));
            signal(t, svc);
            await(t, svc);
            // Moving another endpoint's label onto svc: svc keeps one name, the other loses it.
            int anon = eps.get("anon");
            ds.publishLabel("other", anon, 0);
            assertEquals("other", ds.retrieveLabelName(anon));
            ds.publishLabel("other", svc, Ds.DSF_OVERWRITE);
            assertEquals("other", ds.retrieveLabelName(svc));
            expect(Errno.ESRCH, () -> ds.retrieveLabelEndpoint("svc.new"));
            expect(Errno.ESRCH, () -> ds.retrieveLabelName(anon));
            signal(t, anon);
        }, labelled("svc", (ds, t, eps) -> {
            assertEquals("svc", ds.retrieveLabelName(eps.get("svc")));
            await(t, eps.get("rs"));
            assertEquals("svc.new", ds.retrieveLabelName(eps.get("svc")));
            expect(Errno.ESRCH, () -> ds.retrieveLabelName(eps.get("anon")));
            signal(t, eps.get("rs"));
        }), unlabelled("anon", (ds, t, eps) -> await(t, eps.get("rs"))));
    }

    @Test
    void anUnlabelledCallerIsKnownByItsEndpointUntilRsLabelsIt() throws Exception {
        run((ds, t, eps) -> {
            await(t, eps.get("anon"));
            ds.publishLabel("anon", eps.get("anon"), 0);
            signal(t, eps.get("anon"));
        }, unlabelled("anon", (ds, t, eps) -> {
            int self = eps.get("anon");
            expect(Errno.ESRCH, () -> ds.retrieveLabelName(self));
            ds.subscribe("anon\\..*", 0);
            ds.publishU32("anon.value", 5, Ds.DSF_PRIV_OVERWRITE);
            assertEquals("#" + self, row(ds, "anon.value").owner());
            assertEquals(self, ds.check().ownerEndpoint());
            signal(t, eps.get("rs"));
            await(t, eps.get("rs"));
            // The label adopted what the endpoint name owned: the entry and the subscription.
            assertEquals("anon", row(ds, "anon.value").owner());
            ds.publishU32("anon.value", 6, Ds.DSF_OVERWRITE);
            assertEquals(self, ds.check().ownerEndpoint());
            ds.deleteU32("anon.value");
        }));
    }

    @Test
    void theTableDumpListsEveryEntryWithOwnerAndSize() throws Exception {
        run(labelled("svc", (ds, t, eps) -> {
            ds.publishString("s", "hello", 0);
            ds.publishMemory("m", new byte[300], 0);
            ds.mapPut("map", "a", new byte[10], 0);
            ds.mapPut("map", "b", new byte[5], 0);
            List<DsEntryInfo> rows = ds.entries();
            DsEntryInfo label = rows.stream().filter(r -> r.key().equals("svc")).findFirst().orElseThrow();
            assertEquals(Ds.DSF_TYPE_LABEL, label.type());
            assertEquals("rs", label.owner());
            assertEquals(eps.get("svc"), label.value());
            assertEquals(6, row(ds, "s").size());
            assertEquals(300, row(ds, "m").size());
            assertEquals(15, row(ds, "map").size());
            assertEquals("svc", row(ds, "map").owner());
        }));
    }
}

package minixj.servers.ds;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import minixj.lib.ds.Ds;

/**
 * {@link DsState#validate}: a sound state passes; each kind of damage a crashed instance may
 * leave is reported, and after a repair the state is sound again and the store still works.
 */
class DsStateValidateTest {
    private static final int OWNER_EP = 100;

    /** A store over {@code state} for a caller labelled "svc", notifies recorded. */
    private static Store store(DsState state, List<Integer> notified) {
        Names names = new Names(state, 6);
        Subscriptions subs = new Subscriptions(state, names, notified::add);
        return new Store(state, names, subs);
    }

    private static DsState populated() {
        DsState state = new DsState();
        Store store = store(state, new ArrayList<>());
        Store.Caller rs = new Store.Caller(2, "rs");
        store.publish(rs, "svc", Ds.DSF_TYPE_LABEL, OWNER_EP, null);
        Store.Caller svc = store.caller(OWNER_EP);
        store.publish(svc, "u", Ds.DSF_TYPE_U32, 1, null);
        store.publish(svc, "s", Ds.DSF_TYPE_STR, 0, "hi\0".getBytes());
        store.publish(svc, "m", Ds.DSF_TYPE_MEM, 0, new byte[] {1, 2, 3});
        new Snapshots(state, store).take(svc, "m", Ds.DSF_TYPE_MEM, null);
        new Maps(state, store, new Subscriptions(state, new Names(state, 6), x -> { })).put(svc, "map", "a",
                Ds.DSF_TYPE_MAP, new byte[] {4});
        new Subscriptions(state, new Names(state, 6), x -> { }).subscribe("svc", OWNER_EP, ".*", 0);
        return state;
    }

    private static DsEntry entry(DsState state, String key) {
        for (DsEntry e : state.entries) if (e != null && e.key.equals(key)) return e;
        throw new AssertionError("no entry " + key);
    }

    private static void damaged(String expected, Consumer<DsState> damage) {
        DsState state = populated();
        damage.accept(state);
        List<String> problems = state.validate(false);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), () -> expected + " not in " + problems);
        assertFalse(state.validate(true).isEmpty());
        assertEquals(List.of(), state.validate(false), "repaired");
        // The repaired store still serves.
        Store store = store(state, new ArrayList<>());
        store.publish(store.caller(OWNER_EP), "after.repair", Ds.DSF_TYPE_U32, 5, null);
        assertEquals(5, store.retrieveValue(store.caller(OWNER_EP), "after.repair", Ds.DSF_TYPE_U32));
    }

    @Test
    void aSoundStatePasses() {
        DsState state = populated();
        assertEquals(List.of(), state.validate(false));
        assertEquals(List.of(), state.validate(true));
        assertEquals(5, state.entryCount()); // the label, u, s, m and map
        assertEquals(1, state.subscriptionCount());
    }

    @Test
    void everyKindOfDamageIsFoundAndRepaired() {
        damaged("entry table", s -> s.entries = new DsEntry[3]);
        damaged("entry table", s -> s.entries = null);
        damaged("subscription table", s -> s.subscriptions = null);
        damaged("no key", s -> entry(s, "u").key = null);
        damaged("bad key", s -> entry(s, "u").key = "k".repeat(Ds.DS_MAX_KEYLEN));
        damaged("bad type", s -> entry(s, "u").flags = Ds.DSF_TYPE_U32 | Ds.DSF_TYPE_STR);
        damaged("no owner", s -> entry(s, "u").owner = null);
        damaged("no value", s -> entry(s, "m").bytes = null);
        damaged("stray flag", s -> entry(s, "u").flags |= 0x10000);
        damaged("without its NUL", s -> entry(s, "s").bytes = "hi!".getBytes());
        damaged("duplicates", s -> s.entries[Ds.MAX_ENTRIES - 1] = new DsEntry("u", Ds.DSF_TYPE_U32, "x"));
        damaged("second time", s -> {
            DsEntry twin = new DsEntry("svc2", Ds.DSF_TYPE_LABEL, "rs");
            twin.value = OWNER_EP;
            s.entries[Ds.MAX_ENTRIES - 1] = twin;
        });
        damaged("snapshots", s -> entry(s, "m").snapshots.add(null));
        damaged("no snapshot list", s -> entry(s, "m").snapshots = null);
        damaged("newest version", s -> entry(s, "m").newestVersion = 0);
        damaged("snapshots", s -> {
            for (int i = 0; i < Ds.MAX_SNAPSHOTS + 3; i++) entry(s, "m").snapshots.add(new byte[1]);
            entry(s, "m").newestVersion = 100;
        });
        damaged("bad map entry", s -> entry(s, "map").map.put("bad", null));
        damaged("no map", s -> entry(s, "map").map = null);
        damaged("pattern does not compile", s -> s.subscriptions[0].regex = "(");
        damaged("no owner", s -> s.subscriptions[0].owner = null);
        damaged("second subscription", s -> s.subscriptions[5] = new Subscription("svc", "x", 0));
        damaged("change marks", s -> s.subscriptions[0].changed = new boolean[2]);
        damaged("marks free slot", s -> s.subscriptions[0].changed[Ds.MAX_ENTRIES - 2] = true);
        damaged("more than", s -> {
            for (int i = 0; i < 70; i++) {
                DsEntry e = new DsEntry("big" + i, Ds.DSF_TYPE_MEM, "svc");
                e.bytes = new byte[Ds.MAX_VALUE_SIZE];
                s.entries[40 + i] = e;
            }
        });
    }
}

package minixj.servers.ds;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ds.Ds;
import minixj.lib.ipc.Errno;

/**
 * Map entries (type MAP, declared by MINIX, never implemented there): one key holding up to
 * {@link Ds#MAX_MAP_ENTRIES} named byte values. A put creates the map if needed (owned by the
 * caller, with the request's privacy bits); an existing name needs OVERWRITE (EEXIST). Anyone may
 * put or remove names unless the map is PRIV_OVERWRITE (then only the owner, EPERM); PRIV_RETRIEVE
 * guards reads. Absent map: ESRCH; absent name: ENOENT; map full: ENOMEM. Puts and removals
 * notify the map key's subscribers.
 */
final class Maps {
    private final DsState state;
    private final Store store;
    private final Subscriptions subscriptions;

    Maps(DsState state, Store store, Subscriptions subscriptions) {
        this.state = state;
        this.store = store;
        this.subscriptions = subscriptions;
    }

    void put(Store.Caller caller, String key, String name, int flags, byte[] value) {
        Store.checkValue(Ds.DSF_TYPE_MEM, value);
        int slot = state.find(key, Ds.DSF_TYPE_MAP);
        DsEntry e = slot < 0 ? null : state.entries[slot];
        byte[] old = null;
        if (e != null) {
            Store.checkMayWrite(caller, e);
            old = e.map.get(name);
            if (old != null && (flags & Ds.DSF_OVERWRITE) == 0) throw new Refusal(Errno.EEXIST);
            if (old == null && e.map.size() >= Ds.MAX_MAP_ENTRIES) throw new Refusal(Errno.ENOMEM);
        }
        store.checkBudget(old == null ? 0 : old.length, value.length);
        if (e == null) {
            slot = store.create(caller, key, (flags & Ds.DSF_MASK_INTERNAL & ~Ds.DSF_MASK_TYPE) | Ds.DSF_TYPE_MAP);
            e = state.entries[slot];
        }
        e.map.put(name, value.clone());
        subscriptions.changed(slot);
    }

    byte[] get(Store.Caller caller, String key, String name) {
        byte[] value = store.readable(caller, key, Ds.DSF_TYPE_MAP).map.get(name);
        if (value == null) throw new Refusal(Errno.ENOENT);
        return value;
    }

    void remove(Store.Caller caller, String key, String name) {
        int slot = state.find(key, Ds.DSF_TYPE_MAP);
        if (slot < 0) throw new Refusal(Errno.ESRCH);
        DsEntry e = state.entries[slot];
        Store.checkMayWrite(caller, e);
        if (e.map.remove(name) == null) throw new Refusal(Errno.ENOENT);
        subscriptions.changed(slot);
    }

    List<String> names(Store.Caller caller, String key) {
        return new ArrayList<>(store.readable(caller, key, Ds.DSF_TYPE_MAP).map.keySet());
    }
}

package minixj.servers.ds;

import minixj.lib.ds.Ds;
import minixj.lib.ipc.Errno;

/**
 * Snapshots of memory values (MINIX declares DS_SNAPSHOT but never implemented it): a memory
 * entry keeps up to {@link Ds#MAX_SNAPSHOTS} copies, numbered from 1 per key. A snapshot either
 * copies the current value or publishes a new value (overwriting) and copies that, in one step.
 * A full history refuses a new snapshot (ENOSPC) unless the request says OVERWRITE, which drops
 * the oldest. Only the owner may snapshot a PRIV_SNAPSHOT entry; PRIV_RETRIEVE guards reads.
 */
final class Snapshots {
    private final DsState state;
    private final Store store;

    Snapshots(DsState state, Store store) {
        this.state = state;
        this.store = store;
    }

    /** One snapshot read back. */
    record Version(int version, int oldest, int newest, byte[] bytes) {
    }

    /**
     * DS_SNAPSHOT: records the current value of ({@code key}, MEM), or first publishes
     * {@code newValue} there when it is not null. Returns the new version.
     */
    int take(Store.Caller caller, String key, int flags, byte[] newValue) {
        if ((flags & Ds.DSF_MASK_TYPE) != Ds.DSF_TYPE_MEM) throw new Refusal(Errno.EINVAL);
        if (newValue != null) Store.checkValue(Ds.DSF_TYPE_MEM, newValue);
        int slot = state.find(key, Ds.DSF_TYPE_MEM);
        DsEntry e = slot < 0 ? null : state.entries[slot];
        if (e == null && newValue == null) throw new Refusal(Errno.ESRCH);
        boolean full = e != null && e.snapshots.size() >= Ds.MAX_SNAPSHOTS;
        if (e != null) {
            Store.checkMayWrite(caller, e);
            if (full && (flags & Ds.DSF_OVERWRITE) == 0) throw new Refusal(Errno.ENOSPC);
        }
        long released = full ? e.snapshots.get(0).length : 0;
        long added;
        if (newValue != null) {
            released += e == null ? 0 : e.bytes.length;
            added = 2L * newValue.length; // the value and its copy
        } else {
            added = e.bytes.length;
        }
        store.checkBudget(released, added);
        if (newValue != null) {
            store.publish(caller, key, (flags & Ds.DSF_MASK_INTERNAL) | Ds.DSF_OVERWRITE, 0, newValue);
            e = state.entries[state.find(key, Ds.DSF_TYPE_MEM)];
        }
        if (e.snapshots.size() >= Ds.MAX_SNAPSHOTS) e.snapshots.remove(0);
        e.snapshots.add(e.bytes.clone());
        return ++e.newestVersion;
    }

    /** DS_RETRIEVE_SNAPSHOT: {@code version} (0 = newest) of ({@code key}, MEM); ENOENT if not kept. */
    Version get(Store.Caller caller, String key, int version) {
        DsEntry e = store.readable(caller, key, Ds.DSF_TYPE_MEM);
        int kept = e.snapshots.size();
        if (kept == 0) throw new Refusal(Errno.ENOENT);
        int newest = e.newestVersion;
        int oldest = newest - kept + 1;
        int wanted = version == 0 ? newest : version;
        if (wanted < oldest || wanted > newest) throw new Refusal(Errno.ENOENT);
        return new Version(wanted, oldest, newest, e.snapshots.get(wanted - oldest));
    }
}

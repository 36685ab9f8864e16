package minixj.servers.ds;

import java.util.ArrayList;
import java.util.List;

import minixj.lib.ds.Ds;
import minixj.lib.ds.DsEntryInfo;
import minixj.lib.ipc.Errno;

/**
 * The rules of the store (MINIX's {@code store.c}): publish, retrieve, delete, label lookups and
 * the table dump. Callers are given by name (see {@link Names}); refusals are thrown as
 * {@link Refusal}s carrying MINIX's error code. No IPC happens here except through the notifier
 * of {@link Subscriptions}.
 */
final class Store {
    private final DsState state;
    private final Names names;
    private final Subscriptions subscriptions;

    Store(DsState state, Names names, Subscriptions subscriptions) {
        this.state = state;
        this.names = names;
        this.subscriptions = subscriptions;
    }

    /** The caller as DS knows it. */
    record Caller(int endpoint, String name) {
    }

    Caller caller(int endpoint) {
        return new Caller(endpoint, names.nameOf(endpoint));
    }

    /**
     * PUBLISH: {@code value} is the u32 or the label's endpoint, {@code bytes} a string (its NUL
     * included) or memory value, null for other types. Labels only from RS (EPERM). An existing
     * (key, type) needs OVERWRITE (EEXIST) and, if it is PRIV_OVERWRITE, the owner (EPERM). The
     * caller becomes the owner and the request's type and privacy bits the entry's flags.
     */
    void publish(Caller caller, String key, int flags, int value, byte[] bytes) {
        int type = flags & Ds.DSF_MASK_TYPE;
        if (!DsState.isType(type)) throw new Refusal(Errno.EINVAL);
        checkValue(type, bytes);
        int slot = state.find(key, type);
        if (type == Ds.DSF_TYPE_LABEL) {
            if (!names.isRs(caller.endpoint())) throw new Refusal(Errno.EPERM);
            if (key.startsWith(Names.ENDPOINT_PREFIX)) throw new Refusal(Errno.EINVAL);
            if (slot < 0) slot = state.findLabelOf(value); // re-labelling an endpoint renames it
        }
        DsEntry e;
        if (slot >= 0) {
            e = state.entries[slot];
            if ((flags & Ds.DSF_OVERWRITE) == 0) throw new Refusal(Errno.EEXIST);
            checkMayWrite(caller, e);
            checkBudget(sizeOf(e.bytes) + (type == Ds.DSF_TYPE_MAP ? mapBytes(e) : 0), sizeOf(bytes));
        } else {
            slot = state.freeSlot();
            if (slot < 0) throw new Refusal(Errno.ENOMEM);
            checkBudget(0, sizeOf(bytes));
            e = new DsEntry(key, 0, caller.name());
            state.entries[slot] = e;
        }
        e.key = key;
        e.flags = flags & Ds.DSF_MASK_INTERNAL & ~Ds.DSF_IN_USE;
        e.owner = caller.name();
        e.value = type == Ds.DSF_TYPE_LABEL || type == Ds.DSF_TYPE_U32 ? value : 0;
        e.bytes = bytes == null ? null : bytes.clone();
        if (type == Ds.DSF_TYPE_STR) e.bytes[e.bytes.length - 1] = 0; // MINIX forces the NUL
        if (type == Ds.DSF_TYPE_MAP) e.map.clear(); // publishing a map (again) empties it
        subscriptions.changed(slot);
        if (type == Ds.DSF_TYPE_LABEL) {
            // One name per endpoint: a label moved onto an endpoint that had another drops that one.
            for (int i = 0; i < state.entries.length; i++) {
                DsEntry other = state.entries[i];
                if (i != slot && other != null && other.type() == Ds.DSF_TYPE_LABEL && other.value == value) remove(i);
            }
            adopt(Names.anonymous(value), key);
        }
    }

    /** A new entry owned by the caller, without notifying anyone yet; ENOMEM when the table is full. */
    int create(Caller caller, String key, int flags) {
        int slot = state.freeSlot();
        if (slot < 0) throw new Refusal(Errno.ENOMEM);
        state.entries[slot] = new DsEntry(key, flags & Ds.DSF_MASK_INTERNAL & ~Ds.DSF_IN_USE, caller.name());
        return slot;
    }

    /** EPERM if {@code e} is PRIV_OVERWRITE (= PRIV_SNAPSHOT) and the caller is not its owner. */
    static void checkMayWrite(Caller caller, DsEntry e) {
        if (e.is(Ds.DSF_PRIV_OVERWRITE) && !e.owner.equals(caller.name())) throw new Refusal(Errno.EPERM);
    }

    /** Checks a value's bytes against its type and the size limit. */
    static void checkValue(int type, byte[] bytes) {
        boolean hasBytes = type == Ds.DSF_TYPE_STR || type == Ds.DSF_TYPE_MEM;
        if (hasBytes != (bytes != null)) throw new Refusal(Errno.EINVAL);
        if (bytes == null) return;
        if (bytes.length > Ds.MAX_VALUE_SIZE) throw new Refusal(Errno.E2BIG);
        if (type == Ds.DSF_TYPE_STR && bytes.length == 0) throw new Refusal(Errno.EINVAL);
    }

    private static long sizeOf(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    /** Bytes of a map's values. */
    static long mapBytes(DsEntry e) {
        long n = 0;
        for (byte[] v : e.map.values()) n += v.length;
        return n;
    }

    /**
     * ENOMEM if the store would hold more than {@link Ds#MAX_TOTAL_BYTES}: {@code released} bytes
     * go, {@code added} come.
     */
    void checkBudget(long released, long added) {
        if (state.usedBytes() - released + added > Ds.MAX_TOTAL_BYTES) throw new Refusal(Errno.ENOMEM);
    }

    /**
     * When RS labels an endpoint that used DS unlabelled, the label takes over what the
     * endpoint-derived name owned (entries and subscription). MinixJ's addition, see {@link Names}.
     */
    private void adopt(String anonymous, String label) {
        for (DsEntry e : state.entries) if (e != null && e.owner.equals(anonymous)) e.owner = label;
        subscriptions.rename(anonymous, label);
    }

    /**
     * The entry ({@code key}, {@code type}) for reading: ESRCH if absent, EPERM if it is
     * PRIV_RETRIEVE and the caller is not its owner.
     */
    DsEntry readable(Caller caller, String key, int type) {
        int slot = state.find(key, type);
        if (slot < 0) throw new Refusal(Errno.ESRCH);
        DsEntry e = state.entries[slot];
        if (e.is(Ds.DSF_PRIV_RETRIEVE) && !e.owner.equals(caller.name())) throw new Refusal(Errno.EPERM);
        return e;
    }

    /** RETRIEVE of a u32 or label: the value. */
    int retrieveValue(Caller caller, String key, int type) {
        if (type != Ds.DSF_TYPE_U32 && type != Ds.DSF_TYPE_LABEL) throw new Refusal(Errno.EINVAL);
        return readable(caller, key, type).value;
    }

    /** RETRIEVE of a string or memory value: its bytes (the caller copies as many as fit). */
    byte[] retrieveBytes(Caller caller, String key, int type) {
        if (type != Ds.DSF_TYPE_STR && type != Ds.DSF_TYPE_MEM) throw new Refusal(Errno.EINVAL);
        return readable(caller, key, type).bytes;
    }

    /** RETRIEVE_LABEL: the label of {@code endpoint} (ESRCH if none). */
    String labelOf(int endpoint) {
        String label = names.labelOf(endpoint);
        if (label == null) throw new Refusal(Errno.ESRCH);
        return label;
    }

    /**
     * DELETE: ESRCH if absent, EPERM unless the caller owns it. Deleting a label also drops the
     * label's subscription and deletes every entry it owns (notifying their subscribers).
     */
    void delete(Caller caller, String key, int type) {
        if (!DsState.isType(type)) throw new Refusal(Errno.EINVAL);
        int slot = state.find(key, type);
        if (slot < 0) throw new Refusal(Errno.ESRCH);
        DsEntry e = state.entries[slot];
        if (!e.owner.equals(caller.name())) throw new Refusal(Errno.EPERM);
        remove(slot);
        if (type != Ds.DSF_TYPE_LABEL) return;
        subscriptions.drop(key);
        for (int i = 0; i < state.entries.length; i++) {
            DsEntry owned = state.entries[i];
            if (owned != null && owned.owner.equals(key)) remove(i);
        }
    }

    private void remove(int slot) {
        subscriptions.deleting(slot);
        state.entries[slot] = null;
    }

    /** GETSYSINFO: every slot's metadata; values of others' private entries read as 0. */
    List<DsEntryInfo> table(Caller caller) {
        List<DsEntryInfo> rows = new ArrayList<>();
        for (int i = 0; i < state.entries.length; i++) {
            DsEntry e = state.entries[i];
            if (e == null) continue;
            boolean hidden = e.is(Ds.DSF_PRIV_RETRIEVE) && !e.owner.equals(caller.name());
            rows.add(new DsEntryInfo(i, e.key, e.flags | Ds.DSF_IN_USE, e.owner, hidden ? 0 : e.value,
                    e.reportedSize()));
        }
        return rows;
    }
}

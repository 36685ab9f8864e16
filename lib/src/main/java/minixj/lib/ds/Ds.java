package minixj.lib.ds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.DsMsg;
import minixj.lib.mem.GrantEntry;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.ProcessGrants;

/**
 * The Data Store's client library (MINIX's {@code ds_*} calls of libsys), one object per process.
 *
 * <p>DS is a system-wide key/value store for services: values are u32s, strings, byte arrays
 * ("memory"), labels (a service's name and endpoint, published by RS only) and maps. Every entry
 * has an owner, the label of the process that published it; a process is known to DS by the label
 * RS published for its endpoint (a process without one gets the name {@code "#<endpoint>"}, see
 * the server's documentation). Keys are unique per (key, type) and 1..79 bytes long.
 *
 * <pre>{@code
 * Ds ds = new Ds(Trap.current());
 * ds.publishU32("drv.chr.hello", 1, Ds.DSF_OVERWRITE);
 * int up = ds.retrieveU32("drv.chr.hello");
 * ds.subscribe("drv\\.chr\\..*", Ds.DSF_INITIAL);
 * // on each notify from DS:
 * for (DsChange c; (c = ds.check()) != null; ) { ... }
 * }</pre>
 *
 * <p>Privacy bits of a published entry: {@link #DSF_PRIV_RETRIEVE} (only the owner may read it),
 * {@link #DSF_PRIV_OVERWRITE} (only the owner may overwrite it or take snapshots of it),
 * {@link #DSF_PRIV_SUBSCRIBE} (only the owner's subscription hears of it); {@link #DSF_PRIVATE}
 * is all three. Request flags: {@link #DSF_OVERWRITE} (replace an existing value or
 * subscription, else EEXIST; with snapshots, drop the oldest when the history is full) and
 * {@link #DSF_INITIAL} (a new subscription reports the matching entries that already exist).
 *
 * <p><b>Subscriptions</b>: one per owner, a regular expression that must match the whole key
 * (Java syntax, anchored at both ends; MINIX uses POSIX extended expressions wrapped in
 * {@code ^...$}; a match that needs more than a fixed number of steps, as a catastrophically
 * backtracking pattern does, counts as no match), optionally limited to some types (type bits in
 * the flags). When a matching entry
 * is published or overwritten DS marks it changed for the subscriber and sends it a notify; on
 * deletion the mark is cleared but the notify still goes out, so {@link #check()} answers
 * "nothing" (null) and the subscriber knows something was deleted. Notifies coalesce: loop
 * {@code check()} until it returns null.
 *
 * <p><b>Snapshots</b> (declared by MINIX, implemented here): a memory entry keeps a history of up
 * to {@link #MAX_SNAPSHOTS} copies, numbered 1, 2, 3, ... per key. {@link #snapshot(String, int)}
 * copies the current value; {@link #snapshotMemory} publishes a new value (overwriting) and
 * records it in one step. {@link #retrieveSnapshot} reads a version (0 = newest). A full history
 * refuses a new snapshot with ENOSPC unless the request carries {@link #DSF_OVERWRITE}, which drops
 * the oldest. Overwriting the value keeps the history; deleting the entry drops it. Only the owner
 * may snapshot an entry published with {@link #DSF_PRIV_SNAPSHOT}; {@link #DSF_PRIV_RETRIEVE}
 * also guards the snapshots.
 *
 * <p><b>Maps</b> (type {@link #DSF_TYPE_MAP}, declared by MINIX, implemented here): one key
 * holding up to {@link #MAX_MAP_ENTRIES} named byte values. {@link #mapPut} creates the map on
 * first use (owned by the caller, with the request's privacy bits); an existing name needs
 * {@link #DSF_OVERWRITE} (else EEXIST). Anyone may put or remove names unless the map is
 * {@link #DSF_PRIV_OVERWRITE} (then only its owner: EPERM), and {@link #DSF_PRIV_RETRIEVE} guards
 * reads. An absent map is ESRCH, an absent name ENOENT. Every put or removal notifies the map
 * key's subscribers. The whole map goes with {@link #delete(String, int)} of type MAP.
 *
 * <p><b>Limits</b> (the numbers are MINIX's where MINIX has one): {@link #MAX_ENTRIES} entries
 * (ENOMEM when full), {@link #MAX_SUBSCRIPTIONS} subscriptions (EAGAIN), keys, names and patterns
 * of at most {@link #DS_MAX_KEYLEN} bytes with the NUL (EINVAL), values of at most
 * {@link #MAX_VALUE_SIZE} bytes (E2BIG), and {@link #MAX_TOTAL_BYTES} bytes of values, snapshots
 * and map entries in all (ENOMEM).
 *
 * <p>Errors are thrown as {@link DsException} with MINIX's code: EPERM (not the owner, or a label
 * published by someone other than RS), ESRCH (no such entry, or no subscription to check), EEXIST,
 * EINVAL (bad key, pattern, type or flags), and the limits' codes above.
 *
 * <p>Byte values, keys and names travel through grants this library makes for DS on the
 * process's grant table; a process has one grant table, so share its {@link ProcessGrants} with
 * anything else of the process that grants ({@link #Ds(Trap, ProcessGrants)}).
 */
public final class Ds {
    /** Longest key, name or pattern, with its terminating NUL (MINIX's DS_MAX_KEYLEN). */
    public static final int DS_MAX_KEYLEN = 80;
    /** Entries in DS's table (MINIX: 2 * NR_SYS_PROCS). */
    public static final int MAX_ENTRIES = 128;
    /** Subscriptions DS keeps (MINIX: 4 * NR_SYS_PROCS). */
    public static final int MAX_SUBSCRIPTIONS = 256;
    /** Largest string (with its NUL), memory value, snapshot or map value. MinixJ's limit. */
    public static final int MAX_VALUE_SIZE = 64 * 1024;
    /** Snapshots kept per memory entry. */
    public static final int MAX_SNAPSHOTS = 16;
    /** Names per map. */
    public static final int MAX_MAP_ENTRIES = 64;
    /** Bytes of all values, snapshots and map values together. */
    public static final int MAX_TOTAL_BYTES = 4 * 1024 * 1024;

    /** Entry in use (set by DS; not a request flag). */
    public static final int DSF_IN_USE = 0x001;
    /** Only the owner may retrieve the value. */
    public static final int DSF_PRIV_RETRIEVE = 0x002;
    /** Only the owner may overwrite the value. */
    public static final int DSF_PRIV_OVERWRITE = 0x004;
    /** Only the owner may take snapshots (the same bit as {@link #DSF_PRIV_OVERWRITE}, as in MINIX). */
    public static final int DSF_PRIV_SNAPSHOT = 0x004;
    /** Only the owner's subscription is told about the entry. */
    public static final int DSF_PRIV_SUBSCRIBE = 0x008;
    /** All three privacy bits: the entry is the owner's alone. MinixJ's shorthand. */
    public static final int DSF_PRIVATE = DSF_PRIV_RETRIEVE | DSF_PRIV_OVERWRITE | DSF_PRIV_SUBSCRIBE;
    /** Type: a 32-bit value. */
    public static final int DSF_TYPE_U32 = 0x010;
    /** Type: a NUL-terminated string. */
    public static final int DSF_TYPE_STR = 0x020;
    /** Type: a byte array. */
    public static final int DSF_TYPE_MEM = 0x040;
    /** Type: a map of names to byte arrays. */
    public static final int DSF_TYPE_MAP = 0x080;
    /** Type: a label, the name of a service with its endpoint as value (RS publishes these). */
    public static final int DSF_TYPE_LABEL = 0x100;
    /** The type bits. */
    public static final int DSF_MASK_TYPE = 0xFF0;
    /** The bits an entry keeps (type and privacy). */
    public static final int DSF_MASK_INTERNAL = 0xFFF;
    /** Request flag: replace an existing value, subscription or (snapshots) the oldest version. */
    public static final int DSF_OVERWRITE = 0x01000;
    /** Request flag: a new subscription reports the matching entries that already exist. */
    public static final int DSF_INITIAL = 0x02000;

    private final Trap trap;
    private final ProcessGrants grants;
    private final int ds;

    /**
     * A client with a grant table of its own ({@link GrantTables#open}); use it only in a process
     * that makes no other grants.
     */
    public Ds(Trap trap) {
        this(trap, GrantTables.open(trap));
    }

    /** A client that makes its grants on the process's shared {@code grants}. */
    public Ds(Trap trap, ProcessGrants grants) {
        this(trap, grants, Endpoint.DS);
    }

    /** A client of the DS at {@code dsEndpoint} (tests; DS normally sits at {@link Endpoint#DS}). */
    public Ds(Trap trap, ProcessGrants grants, int dsEndpoint) {
        this.trap = trap;
        this.grants = grants;
        this.ds = dsEndpoint;
    }

    // ------------------------------------------------------------------ publish

    /** Publishes a u32 under {@code key} (ds_publish_u32). */
    public void publishU32(String key, int value, int flags) {
        publish("ds_publish_u32", key, typed(flags, DSF_TYPE_U32), value, null);
    }

    /** Publishes a string under {@code key} (ds_publish_str); DS stores it with its NUL. */
    public void publishString(String key, String value, int flags) {
        publish("ds_publish_str", key, typed(flags, DSF_TYPE_STR), 0, cString(value));
    }

    /** Publishes a copy of {@code value} under {@code key} (ds_publish_mem). */
    public void publishMemory(String key, byte[] value, int flags) {
        publish("ds_publish_mem", key, typed(flags, DSF_TYPE_MEM), 0, value);
    }

    /**
     * Publishes {@code length} bytes at {@code address} of this process's simulated memory: DS
     * copies them straight from the range through a grant.
     */
    public void publishMemory(String key, long address, int length, int flags) {
        try (GrantScope scope = scope("ds_publish_mem")) {
            DsMsg m = keyed(scope, key).flags(typed(flags, DSF_TYPE_MEM))
                    .valueGrant(scope.grant(address, length, GrantEntry.CPF_READ)).valueLength(length);
            request("ds_publish_mem", DsMsg.DS_PUBLISH, m);
        }
    }

    /** Publishes {@code label} as the name of {@code endpoint} (ds_publish_label; RS only). */
    public void publishLabel(String label, int endpoint, int flags) {
        publish("ds_publish_label", label, typed(flags, DSF_TYPE_LABEL), endpoint, null);
    }

    /** Creates an empty map under {@code key}; with {@link #DSF_OVERWRITE} an existing one is emptied. */
    public void publishMap(String key, int flags) {
        publish("ds_publish_map", key, typed(flags, DSF_TYPE_MAP), 0, null);
    }

    private void publish(String call, String key, int flags, int value, byte[] bytes) {
        try (GrantScope scope = scope(call)) {
            DsMsg m = keyed(scope, key).flags(flags).value(value);
            if (bytes != null) m.valueGrant(scope.readable(bytes)).valueLength(bytes.length);
            request(call, DsMsg.DS_PUBLISH, m);
        }
    }

    // ------------------------------------------------------------------ retrieve

    /** The u32 published under {@code key} (ds_retrieve_u32). */
    public int retrieveU32(String key) {
        try (GrantScope scope = scope("ds_retrieve_u32")) {
            return request("ds_retrieve_u32", DsMsg.DS_RETRIEVE, keyed(scope, key).flags(DSF_TYPE_U32)).value();
        }
    }

    /**
     * The string published under {@code key}, cut to at most {@code maxLength} bytes
     * (ds_retrieve_str: it asks for {@code maxLength + 1} bytes and ends the copy at the NUL).
     */
    public String retrieveString(String key, int maxLength) {
        if (maxLength < 0 || maxLength >= MAX_VALUE_SIZE) throw new DsException("ds_retrieve_str", Errno.EINVAL);
        byte[] b = retrieveBytes("ds_retrieve_str", key, DSF_TYPE_STR, maxLength + 1);
        int n = 0;
        while (n < b.length && n < maxLength && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** The whole string published under {@code key}. */
    public String retrieveString(String key) {
        return retrieveString(key, MAX_VALUE_SIZE - 1);
    }

    /** At most {@code capacity} bytes of the memory value under {@code key} (ds_retrieve_mem). */
    public byte[] retrieveMemory(String key, int capacity) {
        return retrieveBytes("ds_retrieve_mem", key, DSF_TYPE_MEM, capacity);
    }

    /**
     * Copies at most {@code capacity} bytes of the memory value under {@code key} to
     * {@code address} of this process's simulated memory; returns the number copied.
     */
    public int retrieveMemory(String key, long address, int capacity) {
        try (GrantScope scope = scope("ds_retrieve_mem")) {
            DsMsg m = keyed(scope, key).flags(DSF_TYPE_MEM)
                    .valueGrant(scope.grant(address, capacity, GrantEntry.CPF_WRITE)).valueLength(capacity);
            return request("ds_retrieve_mem", DsMsg.DS_RETRIEVE, m).valueLength();
        }
    }

    private byte[] retrieveBytes(String call, String key, int type, int capacity) {
        if (capacity < 0) throw new DsException(call, Errno.EINVAL);
        try (GrantScope scope = scope(call)) {
            long buffer = scope.buffer(capacity);
            DsMsg m = keyed(scope, key).flags(type)
                    .valueGrant(scope.grant(buffer, capacity, GrantEntry.CPF_WRITE)).valueLength(capacity);
            int copied = request(call, DsMsg.DS_RETRIEVE, m).valueLength();
            return scope.read(buffer, copied);
        }
    }

    /** The endpoint of the service labelled {@code label} (ds_retrieve_label_endpt). */
    public int retrieveLabelEndpoint(String label) {
        try (GrantScope scope = scope("ds_retrieve_label_endpt")) {
            return request("ds_retrieve_label_endpt", DsMsg.DS_RETRIEVE, keyed(scope, label).flags(DSF_TYPE_LABEL))
                    .value();
        }
    }

    /** The label of {@code endpoint} (ds_retrieve_label_name); ESRCH if it has none. */
    public String retrieveLabelName(int endpoint) {
        try (GrantScope scope = scope("ds_retrieve_label_name")) {
            long buffer = scope.buffer(DS_MAX_KEYLEN);
            DsMsg m = message().value(endpoint)
                    .keyGrant(scope.grant(buffer, DS_MAX_KEYLEN, GrantEntry.CPF_WRITE)).keyLength(DS_MAX_KEYLEN);
            request("ds_retrieve_label_name", DsMsg.DS_RETRIEVE_LABEL, m);
            return cut(scope.read(buffer, DS_MAX_KEYLEN));
        }
    }

    // ------------------------------------------------------------------ delete

    /** Deletes the entry ({@code key}, {@code type}); only its owner may (ds_delete_*). */
    public void delete(String key, int type) {
        try (GrantScope scope = scope("ds_delete")) {
            request("ds_delete", DsMsg.DS_DELETE, keyed(scope, key).flags(type & DSF_MASK_TYPE));
        }
    }

    /** Deletes the u32 under {@code key}. */
    public void deleteU32(String key) {
        delete(key, DSF_TYPE_U32);
    }

    /** Deletes the string under {@code key}. */
    public void deleteString(String key) {
        delete(key, DSF_TYPE_STR);
    }

    /** Deletes the memory value (and its snapshots) under {@code key}. */
    public void deleteMemory(String key) {
        delete(key, DSF_TYPE_MEM);
    }

    /** Deletes the map under {@code key} with all its names. */
    public void deleteMap(String key) {
        delete(key, DSF_TYPE_MAP);
    }

    /**
     * Deletes a label (RS, when a service goes away): DS also drops the label's subscription and
     * every entry it owns.
     */
    public void deleteLabel(String label) {
        delete(label, DSF_TYPE_LABEL);
    }

    // ------------------------------------------------------------------ subscribe and check

    /**
     * Subscribes to the keys that {@code regex} matches as a whole (ds_subscribe). Type bits in
     * {@code flags} limit it to those types (none: all); {@link #DSF_OVERWRITE} replaces an
     * existing subscription (else EEXIST); {@link #DSF_INITIAL} reports existing matches at once.
     * A pattern that does not compile is EINVAL.
     */
    public void subscribe(String regex, int flags) {
        try (GrantScope scope = scope("ds_subscribe")) {
            request("ds_subscribe", DsMsg.DS_SUBSCRIBE, keyed(scope, regex).flags(flags));
        }
    }

    /**
     * The next entry that changed for this process's subscription, or null when none did
     * (ds_check's ENOENT: after a notify that means something was deleted). ESRCH without a
     * subscription.
     */
    public DsChange check() {
        try (GrantScope scope = scope("ds_check")) {
            long buffer = scope.buffer(DS_MAX_KEYLEN);
            DsMsg m = message().keyGrant(scope.grant(buffer, DS_MAX_KEYLEN, GrantEntry.CPF_WRITE))
                    .keyLength(DS_MAX_KEYLEN);
            int r = exchange(DsMsg.DS_CHECK, m);
            if (r == Errno.ENOENT) return null;
            if (r != Errno.OK) throw new DsException("ds_check", r);
            return new DsChange(cut(scope.read(buffer, DS_MAX_KEYLEN)), m.flags() & DSF_MASK_TYPE, m.value());
        }
    }

    // ------------------------------------------------------------------ snapshots

    /** Records the current memory value under {@code key} as a new snapshot; returns its version. */
    public int snapshot(String key, int flags) {
        try (GrantScope scope = scope("ds_snapshot")) {
            return request("ds_snapshot", DsMsg.DS_SNAPSHOT, keyed(scope, key).flags(typed(flags, DSF_TYPE_MEM)))
                    .version();
        }
    }

    /**
     * Publishes {@code value} under {@code key} (overwriting, with {@code flags}' privacy bits) and
     * records it as a new snapshot, in one step; returns the version.
     */
    public int snapshotMemory(String key, byte[] value, int flags) {
        try (GrantScope scope = scope("ds_snapshot")) {
            DsMsg m = keyed(scope, key).flags(typed(flags, DSF_TYPE_MEM))
                    .valueGrant(scope.readable(value)).valueLength(value.length);
            return request("ds_snapshot", DsMsg.DS_SNAPSHOT, m).version();
        }
    }

    /**
     * Snapshot {@code version} (0 = the newest) of {@code key}, at most {@code capacity} bytes of
     * it. ESRCH if there is no such memory entry, ENOENT if that version is not kept.
     */
    public DsSnapshot retrieveSnapshot(String key, int version, int capacity) {
        if (capacity < 0) throw new DsException("ds_retrieve_snapshot", Errno.EINVAL);
        try (GrantScope scope = scope("ds_retrieve_snapshot")) {
            long buffer = scope.buffer(capacity);
            DsMsg m = keyed(scope, key).flags(DSF_TYPE_MEM).version(version)
                    .valueGrant(scope.grant(buffer, capacity, GrantEntry.CPF_WRITE)).valueLength(capacity);
            request("ds_retrieve_snapshot", DsMsg.DS_RETRIEVE_SNAPSHOT, m);
            return new DsSnapshot(m.version(), m.oldestVersion(), m.newestVersion(), m.value(),
                    scope.read(buffer, m.valueLength()));
        }
    }

    // ------------------------------------------------------------------ maps

    /** Puts {@code value} under {@code name} in the map {@code key}, creating the map if needed. */
    public void mapPut(String key, String name, byte[] value, int flags) {
        try (GrantScope scope = scope("ds_map_put")) {
            DsMsg m = named(scope, key, name).flags(typed(flags, DSF_TYPE_MAP))
                    .valueGrant(scope.readable(value)).valueLength(value.length);
            request("ds_map_put", DsMsg.DS_MAP_PUT, m);
        }
    }

    /** At most {@code capacity} bytes of {@code name} in the map {@code key}. */
    public byte[] mapGet(String key, String name, int capacity) {
        if (capacity < 0) throw new DsException("ds_map_get", Errno.EINVAL);
        try (GrantScope scope = scope("ds_map_get")) {
            long buffer = scope.buffer(capacity);
            DsMsg m = named(scope, key, name).flags(DSF_TYPE_MAP)
                    .valueGrant(scope.grant(buffer, capacity, GrantEntry.CPF_WRITE)).valueLength(capacity);
            return scope.read(buffer, request("ds_map_get", DsMsg.DS_MAP_GET, m).valueLength());
        }
    }

    /** The whole value of {@code name} in the map {@code key}. */
    public byte[] mapGet(String key, String name) {
        return mapGet(key, name, MAX_VALUE_SIZE);
    }

    /** Removes {@code name} from the map {@code key}. */
    public void mapDelete(String key, String name) {
        try (GrantScope scope = scope("ds_map_delete")) {
            request("ds_map_delete", DsMsg.DS_MAP_DELETE, named(scope, key, name).flags(DSF_TYPE_MAP));
        }
    }

    /** The names in the map {@code key}, in ascending order. */
    public List<String> mapList(String key) {
        int capacity = MAX_MAP_ENTRIES * DS_MAX_KEYLEN;
        try (GrantScope scope = scope("ds_map_list")) {
            long buffer = scope.buffer(capacity);
            DsMsg m = keyed(scope, key).flags(DSF_TYPE_MAP)
                    .valueGrant(scope.grant(buffer, capacity, GrantEntry.CPF_WRITE)).valueLength(capacity);
            request("ds_map_list", DsMsg.DS_MAP_LIST, m);
            byte[] names = scope.read(buffer, m.valueLength());
            List<String> list = new ArrayList<>(m.value());
            int start = 0;
            for (int i = 0; i < names.length; i++) {
                if (names[i] == 0) {
                    list.add(new String(names, start, i - start, StandardCharsets.UTF_8));
                    start = i + 1;
                }
            }
            return list;
        }
    }

    // ------------------------------------------------------------------ the table

    /** Every entry of DS's table, without the values' bytes (DS_GETSYSINFO). */
    public List<DsEntryInfo> entries() {
        try (GrantScope scope = scope("ds_getsysinfo")) {
            long buffer = scope.buffer(DsEntryInfo.TABLE_SIZE);
            DsMsg m = message().valueGrant(scope.grant(buffer, DsEntryInfo.TABLE_SIZE, GrantEntry.CPF_WRITE))
                    .valueLength(DsEntryInfo.TABLE_SIZE);
            request("ds_getsysinfo", DsMsg.DS_GETSYSINFO, m);
            List<DsEntryInfo> list = new ArrayList<>();
            for (int slot = 0; slot < MAX_ENTRIES; slot++) {
                DsEntryInfo info = DsEntryInfo.decode(grants.memory(), buffer, slot);
                if (info != null) list.add(info);
            }
            return list;
        }
    }

    // ------------------------------------------------------------------ plumbing

    private GrantScope scope(String call) {
        return new GrantScope(grants, ds, call);
    }

    private static DsMsg message() {
        return new DsMsg(new Message());
    }

    private static int typed(int flags, int type) {
        return (flags & ~DSF_MASK_TYPE) | type;
    }

    /** A request carrying {@code key} (with its NUL) through a read grant. */
    private static DsMsg keyed(GrantScope scope, String key) {
        byte[] k = cString(key);
        return message().keyGrant(scope.readable(k)).keyLength(k.length);
    }

    private static DsMsg named(GrantScope scope, String key, String name) {
        byte[] n = cString(name);
        return keyed(scope, key).nameGrant(scope.readable(n)).nameLength(n.length);
    }

    private static byte[] cString(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] z = new byte[b.length + 1];
        System.arraycopy(b, 0, z, 0, b.length);
        return z;
    }

    private static String cut(byte[] b) {
        int n = 0;
        while (n < b.length && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    /** sendrec to DS; the result is the IPC error or the reply's type. */
    private int exchange(int type, DsMsg m) {
        m.message().type(type);
        int r = trap.sendrec(ds, m.message());
        return r != Errno.OK ? r : m.message().type();
    }

    private DsMsg request(String call, int type, DsMsg m) {
        int r = exchange(type, m);
        if (r != Errno.OK) throw new DsException(call, r);
        return m;
    }
}

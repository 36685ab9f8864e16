package minixj.servers.ds;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import minixj.lib.ds.Ds;

/**
 * Everything DS knows, in one object with no static parts: the entry table and the subscription
 * table. A restarted or live-updated DS takes this object over from its predecessor; after a real
 * crash the new instance must not trust it blindly, so {@link #validate(boolean)} checks every
 * invariant the server relies on and can repair what it finds.
 */
public final class DsState {
    /** The entry table, by slot; null slots are free. */
    DsEntry[] entries = new DsEntry[Ds.MAX_ENTRIES];
    /** The subscription table; null slots are free. */
    Subscription[] subscriptions = new Subscription[Ds.MAX_SUBSCRIPTIONS];

    /** An empty store. */
    public DsState() {
    }

    /** Number of entries in use. */
    public int entryCount() {
        int n = 0;
        for (DsEntry e : entries) if (e != null) n++;
        return n;
    }

    /** Number of subscriptions in use. */
    public int subscriptionCount() {
        int n = 0;
        for (Subscription s : subscriptions) if (s != null) n++;
        return n;
    }

    /** The slot of entry ({@code key}, {@code type}), or -1. */
    int find(String key, int type) {
        for (int i = 0; i < entries.length; i++) {
            DsEntry e = entries[i];
            if (e != null && e.type() == type && e.key.equals(key)) return i;
        }
        return -1;
    }

    /** The slot of the label entry whose endpoint is {@code endpoint}, or -1. */
    int findLabelOf(int endpoint) {
        for (int i = 0; i < entries.length; i++) {
            DsEntry e = entries[i];
            if (e != null && e.type() == Ds.DSF_TYPE_LABEL && e.value == endpoint) return i;
        }
        return -1;
    }

    /** The lowest free entry slot, or -1. */
    int freeSlot() {
        for (int i = 0; i < entries.length; i++) if (entries[i] == null) return i;
        return -1;
    }

    /** The subscription owned by {@code owner}, or null. */
    Subscription subscriptionOf(String owner) {
        for (Subscription s : subscriptions) if (s != null && s.owner.equals(owner)) return s;
        return null;
    }

    /** Bytes held by values, snapshots and map values together. */
    long usedBytes() {
        long n = 0;
        for (DsEntry e : entries) if (e != null) n += e.size();
        return n;
    }

    /**
     * Checks every invariant of the store: table sizes, keys (1..79 bytes), exactly one known type
     * per entry, no stray flag bits, an owner, values that fit the type (strings NUL-terminated,
     * sizes within {@link Ds#MAX_VALUE_SIZE}), snapshot histories and maps within their limits,
     * (key, type) unique, one label per endpoint, subscriptions with an owner (one each), a
     * pattern that compiles and change marks only for entries that exist, and the total byte
     * budget.
     *
     * @param repair whether to fix what is wrong: drop what cannot be trusted (an entry without a
     *     key or owner, a subscription whose pattern does not compile, a duplicate), trim what is
     *     too long, clear stray marks and bits
     * @return the problems found (empty if the state is sound); with {@code repair}, a second call
     *     returns an empty list
     */
    public List<String> validate(boolean repair) {
        List<String> problems = new ArrayList<>();
        if (entries == null || entries.length != Ds.MAX_ENTRIES) {
            problems.add("entry table has " + (entries == null ? "no array" : entries.length + " slots"));
            if (repair) entries = resized(entries, new DsEntry[Ds.MAX_ENTRIES]);
        }
        if (subscriptions == null || subscriptions.length != Ds.MAX_SUBSCRIPTIONS) {
            problems.add("subscription table has "
                    + (subscriptions == null ? "no array" : subscriptions.length + " slots"));
            if (repair) subscriptions = resized(subscriptions, new Subscription[Ds.MAX_SUBSCRIPTIONS]);
        }
        DsEntry[] table = entries == null ? new DsEntry[0] : entries;
        Set<String> seen = new HashSet<>();
        Set<Integer> labelled = new HashSet<>();
        for (int i = 0; i < table.length; i++) {
            DsEntry e = table[i];
            if (e == null) continue;
            String fatal = fatalProblem(e);
            if (fatal == null && !seen.add(e.type() + ":" + e.key)) fatal = "duplicates an earlier entry";
            if (fatal == null && e.type() == Ds.DSF_TYPE_LABEL && !labelled.add(e.value)) {
                fatal = "labels endpoint " + e.value + " a second time";
            }
            if (fatal != null) {
                problems.add("entry " + i + ": " + fatal);
                if (repair && i < (entries == null ? 0 : entries.length)) entries[i] = null;
                continue;
            }
            fixableProblems(i, e, problems, repair);
        }
        validateSubscriptions(problems, repair);
        if (entries != null && usedBytes() > Ds.MAX_TOTAL_BYTES) {
            problems.add("values hold " + usedBytes() + " bytes, more than " + Ds.MAX_TOTAL_BYTES);
            if (repair) shrinkToBudget();
        }
        return problems;
    }

    /** Why {@code e} cannot be kept at all, or null. */
    private static String fatalProblem(DsEntry e) {
        if (e.key == null || e.key.isEmpty()) return "no key";
        int keyBytes = e.key.getBytes(StandardCharsets.UTF_8).length;
        if (keyBytes >= Ds.DS_MAX_KEYLEN || e.key.indexOf('\0') >= 0) return "bad key";
        if (!isType(e.type())) return "bad type bits 0x" + Integer.toHexString(e.type());
        if (e.owner == null || e.owner.isEmpty()) return "no owner";
        int type = e.type();
        if ((type == Ds.DSF_TYPE_STR || type == Ds.DSF_TYPE_MEM) && e.bytes == null) return "no value";
        if (e.bytes != null && e.bytes.length > Ds.MAX_VALUE_SIZE) return "value of " + e.bytes.length + " bytes";
        if (type == Ds.DSF_TYPE_STR && e.bytes.length == 0) return "empty string buffer";
        return null;
    }

    static boolean isType(int type) {
        return type == Ds.DSF_TYPE_U32 || type == Ds.DSF_TYPE_STR || type == Ds.DSF_TYPE_MEM
                || type == Ds.DSF_TYPE_MAP || type == Ds.DSF_TYPE_LABEL;
    }

    private static void fixableProblems(int slot, DsEntry e, List<String> problems, boolean repair) {
        String at = "entry " + slot + " (" + e.key + "): ";
        if ((e.flags & ~Ds.DSF_MASK_INTERNAL) != 0 || (e.flags & Ds.DSF_IN_USE) != 0) {
            problems.add(at + "stray flag bits 0x" + Integer.toHexString(e.flags));
            if (repair) e.flags &= Ds.DSF_MASK_INTERNAL & ~Ds.DSF_IN_USE;
        }
        int type = e.type();
        if (type == Ds.DSF_TYPE_STR && e.bytes[e.bytes.length - 1] != 0) {
            problems.add(at + "string without its NUL");
            if (repair) e.bytes[e.bytes.length - 1] = 0;
        }
        if ((type == Ds.DSF_TYPE_U32 || type == Ds.DSF_TYPE_LABEL || type == Ds.DSF_TYPE_MAP) && e.bytes != null) {
            problems.add(at + "bytes on a value without bytes");
            if (repair) e.bytes = null;
        }
        validateSnapshots(at, e, problems, repair);
        validateMap(at, e, problems, repair);
    }

    private static void validateSnapshots(String at, DsEntry e, List<String> problems, boolean repair) {
        if (e.snapshots == null) {
            problems.add(at + "no snapshot list");
            if (repair) e.snapshots = new ArrayList<>();
            return;
        }
        if (e.type() != Ds.DSF_TYPE_MEM && !e.snapshots.isEmpty()) {
            problems.add(at + "snapshots on a value that is not memory");
            if (repair) e.snapshots.clear();
        }
        int before = e.snapshots.size();
        if (repair) e.snapshots.removeIf(s -> s == null || s.length > Ds.MAX_VALUE_SIZE);
        else if (e.snapshots.stream().anyMatch(s -> s == null || s.length > Ds.MAX_VALUE_SIZE)) before = -1;
        if (before != e.snapshots.size()) problems.add(at + "unusable snapshots");
        if (e.snapshots.size() > Ds.MAX_SNAPSHOTS) {
            problems.add(at + e.snapshots.size() + " snapshots");
            if (repair) e.snapshots.subList(0, e.snapshots.size() - Ds.MAX_SNAPSHOTS).clear();
        }
        if (e.newestVersion < e.snapshots.size()) {
            problems.add(at + "newest version " + e.newestVersion + " below the " + e.snapshots.size() + " kept");
            if (repair) e.newestVersion = e.snapshots.size();
        }
    }

    private static void validateMap(String at, DsEntry e, List<String> problems, boolean repair) {
        if (e.map == null) {
            problems.add(at + "no map");
            if (repair) e.map = new TreeMap<>();
            return;
        }
        if (e.type() != Ds.DSF_TYPE_MAP && !e.map.isEmpty()) {
            problems.add(at + "map entries on a value that is not a map");
            if (repair) e.map.clear();
        }
        for (Iterator<Map.Entry<String, byte[]>> it = e.map.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, byte[]> m = it.next();
            String name = m.getKey();
            if (name == null || name.isEmpty() || name.indexOf('\0') >= 0
                    || name.getBytes(StandardCharsets.UTF_8).length >= Ds.DS_MAX_KEYLEN
                    || m.getValue() == null || m.getValue().length > Ds.MAX_VALUE_SIZE) {
                problems.add(at + "bad map entry " + name);
                if (repair) it.remove();
            }
        }
        if (e.map.size() > Ds.MAX_MAP_ENTRIES) {
            problems.add(at + e.map.size() + " map entries");
            if (repair) while (e.map.size() > Ds.MAX_MAP_ENTRIES) e.map.pollLastEntry();
        }
    }

    private void validateSubscriptions(List<String> problems, boolean repair) {
        Subscription[] table = subscriptions == null ? new Subscription[0] : subscriptions;
        Set<String> owners = new HashSet<>();
        for (int i = 0; i < table.length; i++) {
            Subscription s = table[i];
            if (s == null) continue;
            String fatal = null;
            if (s.owner == null || s.owner.isEmpty()) fatal = "no owner";
            else if (s.regex == null || KeyPattern.compile(s.regex) == null) fatal = "pattern does not compile";
            else if (!owners.add(s.owner)) fatal = "second subscription of " + s.owner;
            if (fatal != null) {
                problems.add("subscription " + i + ": " + fatal);
                if (repair) subscriptions[i] = null;
                continue;
            }
            if ((s.types & ~Ds.DSF_MASK_TYPE) != 0) {
                problems.add("subscription " + i + ": stray type bits 0x" + Integer.toHexString(s.types));
                if (repair) s.types &= Ds.DSF_MASK_TYPE;
            }
            if (s.changed == null || s.changed.length != Ds.MAX_ENTRIES) {
                problems.add("subscription " + i + ": change marks for "
                        + (s.changed == null ? "no" : s.changed.length) + " slots");
                if (repair) {
                    boolean[] marks = new boolean[Ds.MAX_ENTRIES];
                    if (s.changed != null) System.arraycopy(s.changed, 0, marks, 0,
                            Math.min(marks.length, s.changed.length));
                    s.changed = marks;
                }
            }
            if (s.changed == null || entries == null) continue;
            for (int slot = 0; slot < s.changed.length; slot++) {
                if (s.changed[slot] && (slot >= entries.length || entries[slot] == null)) {
                    problems.add("subscription " + i + ": marks free slot " + slot);
                    if (repair) s.changed[slot] = false;
                }
            }
        }
    }

    /** Drops snapshots, then entries from the last slot down, until the budget holds. */
    private void shrinkToBudget() {
        for (DsEntry e : entries) if (e != null) e.snapshots.clear();
        for (int i = entries.length - 1; i >= 0 && usedBytes() > Ds.MAX_TOTAL_BYTES; i--) {
            if (entries[i] != null && entries[i].size() > 0) entries[i] = null;
        }
        for (Subscription s : subscriptions) {
            if (s == null) continue;
            for (int slot = 0; slot < s.changed.length; slot++) if (entries[slot] == null) s.changed[slot] = false;
        }
    }

    private static <T> T[] resized(T[] old, T[] fresh) {
        if (old != null) System.arraycopy(old, 0, fresh, 0, Math.min(old.length, fresh.length));
        return fresh;
    }
}

package minixj.servers.ds;

import java.util.ArrayList;
import java.util.TreeMap;

import minixj.lib.ds.Ds;

/**
 * One entry of DS's table (MINIX's {@code struct data_store}): a key, its type and privacy bits,
 * the owner's label and the value. Plain data, so a restarted or updated DS can take it over.
 */
public final class DsEntry {
    /** The key, 1..79 bytes of UTF-8. */
    String key;
    /** Type and privacy bits ({@code Ds.DSF_TYPE_*}, {@code Ds.DSF_PRIV_*}). */
    int flags;
    /** Label of the owner (or {@code "#<endpoint>"} for an unlabelled one). */
    String owner;
    /** The u32 value, or the endpoint of a label. */
    int value;
    /** The bytes of a string (NUL-terminated) or memory value. */
    byte[] bytes;
    /** Memory values: the snapshots kept, oldest first. */
    ArrayList<byte[]> snapshots = new ArrayList<>();
    /** Memory values: the version number of the newest snapshot (0: none taken yet). */
    int newestVersion;
    /** Maps: name to value. */
    TreeMap<String, byte[]> map = new TreeMap<>();

    DsEntry(String key, int flags, String owner) {
        this.key = key;
        this.flags = flags;
        this.owner = owner;
    }

    int type() {
        return flags & Ds.DSF_MASK_TYPE;
    }

    boolean is(int privacyBit) {
        return (flags & privacyBit) != 0;
    }

    /** Bytes this entry holds against DS's total (value, snapshots, map values). */
    long size() {
        long n = bytes == null ? 0 : bytes.length;
        if (snapshots != null) for (byte[] s : snapshots) n += s == null ? 0 : s.length;
        if (map != null) for (byte[] v : map.values()) n += v == null ? 0 : v.length;
        return n;
    }

    /** The size reported in the table dump: the value's or the map's bytes, without snapshots. */
    int reportedSize() {
        if (bytes != null) return bytes.length;
        long n = 0;
        if (map != null) for (byte[] v : map.values()) n += v == null ? 0 : v.length;
        return (int) Math.min(n, Integer.MAX_VALUE);
    }
}

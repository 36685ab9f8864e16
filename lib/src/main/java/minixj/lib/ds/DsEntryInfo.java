package minixj.lib.ds;

import java.nio.charset.StandardCharsets;

import minixj.lib.mem.UserMemory;

/**
 * One slot of DS's entry table as {@link Ds#entries()} (DS_GETSYSINFO) reports it: the metadata
 * of a value, not its bytes. The u32 or endpoint value of an entry private to another owner
 * (DSF_PRIV_RETRIEVE) reads as 0.
 *
 * <p>On the wire the table is {@link Ds#MAX_ENTRIES} records of {@link #RECORD_SIZE} bytes, one
 * per slot, little-endian: flags (4), key (80, NUL-padded), owner (80, NUL-padded), value (4),
 * size (4). A free slot has flags 0. The caller must ask for exactly {@link #TABLE_SIZE} bytes.
 *
 * @param slot the entry's index in DS's table (the order CHECK reports changes in)
 * @param key the key
 * @param flags type and privacy bits ({@code Ds.DSF_*})
 * @param owner the owner's label (or the endpoint-derived name of an unlabelled owner)
 * @param value the u32 or endpoint value (0 for byte values and for private entries of others)
 * @param size the size in bytes of a string, memory value or map (sum of its entries' sizes)
 */
public record DsEntryInfo(int slot, String key, int flags, String owner, int value, int size) {
    private static final int FLAGS = 0;
    private static final int KEY = 4;
    private static final int OWNER = KEY + Ds.DS_MAX_KEYLEN;
    private static final int VALUE = OWNER + Ds.DS_MAX_KEYLEN;
    private static final int SIZE = VALUE + 4;
    /** Bytes per record. */
    public static final int RECORD_SIZE = SIZE + 4;
    /** Bytes of the whole table. */
    public static final int TABLE_SIZE = RECORD_SIZE * Ds.MAX_ENTRIES;

    /** The entry's type bits. */
    public int type() {
        return flags & Ds.DSF_MASK_TYPE;
    }

    /** Writes this record at {@code address} (the start of its slot's record) in {@code memory}. */
    public void encode(UserMemory memory, long address) {
        memory.fill(address, RECORD_SIZE, (byte) 0);
        memory.writeInt(address + FLAGS, flags);
        writeText(memory, address + KEY, key);
        writeText(memory, address + OWNER, owner);
        memory.writeInt(address + VALUE, value);
        memory.writeInt(address + SIZE, size);
    }

    /** Reads the record of {@code slot} from a table at {@code address}; null for a free slot. */
    public static DsEntryInfo decode(UserMemory memory, long address, int slot) {
        long at = address + (long) slot * RECORD_SIZE;
        int flags = memory.readInt(at + FLAGS);
        if (flags == 0) return null;
        return new DsEntryInfo(slot, readText(memory, at + KEY), flags, readText(memory, at + OWNER),
                memory.readInt(at + VALUE), memory.readInt(at + SIZE));
    }

    private static void writeText(UserMemory memory, long address, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        memory.write(address, b, 0, Math.min(b.length, Ds.DS_MAX_KEYLEN - 1));
    }

    private static String readText(UserMemory memory, long address) {
        byte[] b = new byte[Ds.DS_MAX_KEYLEN];
        memory.read(address, b, 0, b.length);
        int n = 0;
        while (n < b.length - 1 && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}

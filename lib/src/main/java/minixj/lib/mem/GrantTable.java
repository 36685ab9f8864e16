package minixj.lib.mem;

import static minixj.lib.mem.GrantEntry.*;

/**
 * A process's grant table: MINIX's libsys grant library ({@code safecopies.c}).
 *
 * <p>The table lives in the process's own simulated memory, where the kernel reads it when
 * another process presents one of its grant ids. It starts with 3 entries and doubles when full
 * (new block from the {@link Heap}, copy, re-register with the kernel, free the old block). Free
 * slots form a list kept in ascending order at growth, so the first grant ever issued is id 0 —
 * live update relies on a fresh instance issuing the same ids as the old one.
 *
 * <p>All state that matters to the kernel (flags, sequence numbers) is in simulated memory; the
 * object only remembers where the table is and the head of the free list.
 */
public final class GrantTable {
    /** Entries of the first table (MINIX's static grants). */
    public static final int INITIAL_ENTRIES = 3;

    private final UserMemory memory;
    private final Heap heap;
    private final GrantTableRegistrar registrar;
    private long address;
    private int entries;
    private int freeList = -1;

    /**
     * Creates an empty grant library; nothing is allocated or registered until the first grant.
     *
     * @param memory the process's memory, where entries are written
     * @param heap allocator for the table blocks (in the same memory)
     * @param registrar registers the table with the kernel (SYS_SETGRANT)
     */
    public GrantTable(UserMemory memory, Heap heap, GrantTableRegistrar registrar) {
        this.memory = memory;
        this.heap = heap;
        this.registrar = registrar;
    }

    /**
     * Grants {@code to} access to {@code [start, start + length)} of this process.
     *
     * @param access a subset of CPF_READ | CPF_WRITE | CPF_TRY
     * @return the grant id, or GRANT_INVALID if {@code access} or the range is bad or the table
     *     is full
     */
    public int cpfGrantDirect(int to, long start, long length, int access) {
        if ((access & ~ACCESS_MASK) != 0 || !isRange(start, length)) {
            return GRANT_INVALID;
        }
        int slot = newSlot();
        if (slot < 0) {
            return GRANT_INVALID;
        }
        long e = entryAddress(address, slot);
        memory.writeInt(e + DIRECT_WHO_TO, to);
        memory.writeInt(e + DIRECT_START, (int) start);
        memory.writeInt(e + DIRECT_LEN, (int) length);
        return publish(slot, access | CPF_DIRECT | CPF_USED | CPF_VALID);
    }

    /**
     * Forwards grant {@code grantId}, received from {@code from}, to {@code to}. The original
     * grant's rights apply.
     *
     * @return the grant id, or GRANT_INVALID if the table is full
     */
    public int cpfGrantIndirect(int to, int from, int grantId) {
        int slot = newSlot();
        if (slot < 0) {
            return GRANT_INVALID;
        }
        long e = entryAddress(address, slot);
        memory.writeInt(e + INDIRECT_WHO_TO, to);
        memory.writeInt(e + INDIRECT_WHO_FROM, from);
        memory.writeInt(e + INDIRECT_GRANT, grantId);
        return publish(slot, CPF_INDIRECT | CPF_USED | CPF_VALID);
    }

    /**
     * Grants {@code to} access to {@code [start, start + length)} of another process
     * {@code from}. The kernel honours it only if this process is VFS or MIB.
     *
     * @param access a subset of CPF_READ | CPF_WRITE | CPF_TRY
     * @return the grant id, or GRANT_INVALID if {@code access} or the range is bad or the table
     *     is full
     */
    public int cpfGrantMagic(int to, int from, long start, long length, int access) {
        if ((access & ~ACCESS_MASK) != 0 || !isRange(start, length)) {
            return GRANT_INVALID;
        }
        int slot = newSlot();
        if (slot < 0) {
            return GRANT_INVALID;
        }
        long e = entryAddress(address, slot);
        memory.writeInt(e + MAGIC_WHO_FROM, from);
        memory.writeInt(e + MAGIC_WHO_TO, to);
        memory.writeInt(e + MAGIC_START, (int) start);
        memory.writeInt(e + MAGIC_LEN, (int) length);
        return publish(slot, access | CPF_MAGIC | CPF_USED | CPF_VALID);
    }

    /**
     * Revokes a grant: clears its flags, bumps the slot's sequence (so the id goes stale) and puts
     * the slot at the head of the free list.
     *
     * @return GRANT_FAULTED if it was a CPF_TRY grant whose copy faulted, 0 otherwise, or -1 if
     *     {@code grantId} does not name a live grant of this table
     */
    public int cpfRevoke(int grantId) {
        if (!isLive(grantId)) {
            return -1;
        }
        int slot = index(grantId);
        long e = entryAddress(address, slot);
        int flags = memory.readInt(e + FLAGS);
        int result = (flags & CPF_TRY) != 0 && memory.readInt(e + FAULTED) != GRANT_INVALID
                ? GRANT_FAULTED : 0;
        memory.writeInt(e + FLAGS, 0);
        memory.writeInt(e + SEQ, (memory.readInt(e + SEQ) + 1) & (MAX_SEQ - 1));
        memory.writeInt(e + FREE_NEXT, freeList);
        freeList = slot;
        return result;
    }

    /** True if {@code grantId} names a grant of this table that is in use. */
    public boolean isLive(int grantId) {
        if (!isValidId(grantId) || index(grantId) >= entries) {
            return false;
        }
        long e = entryAddress(address, index(grantId));
        return (memory.readInt(e + FLAGS) & CPF_USED) != 0
                && memory.readInt(e + SEQ) == sequence(grantId);
    }

    /** Address of the table in simulated memory (0 before the first grant). */
    public long tableAddress() {
        return address;
    }

    /** Number of entries of the table (0 before the first grant). */
    public int entries() {
        return entries;
    }

    /** Start and length must fit the 32-bit fields of an entry. */
    private static boolean isRange(long start, long length) {
        return start >= 0 && start <= 0xFFFF_FFFFL && length >= 0 && length <= 0xFFFF_FFFFL;
    }

    /** Makes the entry visible to the kernel last, as MINIX does after a barrier. */
    private int publish(int slot, int flags) {
        long e = entryAddress(address, slot);
        memory.writeInt(e + FAULTED, GRANT_INVALID);
        memory.writeInt(e + FLAGS, flags);
        return makeId(slot, memory.readInt(e + SEQ));
    }

    /** Takes the head of the free list, growing the table if it is empty; -1 if that fails. */
    private int newSlot() {
        if (freeList < 0) {
            grow();
            if (freeList < 0) {
                return -1;
            }
        }
        int slot = freeList;
        freeList = memory.readInt(entryAddress(address, slot) + FREE_NEXT);
        return slot;
    }

    /**
     * Replaces the table with one twice as large. On failure (no memory, kernel refused) the old
     * table stays in place, so existing grants remain valid.
     */
    private void grow() {
        int newEntries = entries == 0 ? INITIAL_ENTRIES : entries * 2;
        if (newEntries > MAX_INDEX) {
            return;
        }
        long newAddress = heap.malloc((long) newEntries * ENTRY_SIZE, 8);
        if (newAddress == 0) {
            return;
        }
        if (entries > 0) {
            byte[] old = new byte[entries * ENTRY_SIZE];
            memory.read(address, old, 0, old.length);
            memory.write(newAddress, old, 0, old.length);
        }
        for (int i = entries; i < newEntries; i++) {
            long e = entryAddress(newAddress, i);
            memory.fill(e, ENTRY_SIZE, (byte) 0);
            // Only grown when the list is empty, so the new slots alone form it, ascending.
            memory.writeInt(e + FREE_NEXT, i + 1 < newEntries ? i + 1 : freeList);
        }
        if (registrar.register(newAddress, newEntries) != 0) {
            heap.free(newAddress);
            return;
        }
        if (entries > 0) {
            heap.free(address);
        }
        freeList = entries;
        address = newAddress;
        entries = newEntries;
    }
}

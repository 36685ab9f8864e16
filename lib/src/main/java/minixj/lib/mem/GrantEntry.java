package minixj.lib.mem;

/**
 * The in-memory layout of one grant table entry ({@code cp_grant_t} of MINIX's
 * {@code <minix/safecopies.h>}), shared by the grant library that writes entries and the kernel
 * that reads them through the granter's page table.
 *
 * <p>An entry is 32 bytes of little-endian 32-bit fields:
 * <pre>
 *  0 flags    (CPF_*)
 *  4 seq      (sequence number of the slot, 11 bits)
 *  8 u0 .. 20 u3  (the union; meaning depends on the grant type, see the named offsets)
 * 24 faulted  (grant id written by the kernel when a CPF_TRY copy faulted, else GRANT_INVALID)
 * 28 reserved
 * </pre>
 * Addresses and lengths are unsigned 32-bit values (the simulated address space is 32 bits).
 *
 * <p>Grant ids are {@code (sequence << 20) | index}: a stale id (its slot revoked and reused)
 * fails because the slot's sequence has moved on.
 */
public final class GrantEntry {
    private GrantEntry() {
    }

    /** Size of one entry in bytes. */
    public static final int ENTRY_SIZE = 32;

    /** Offset of the CPF_* flags. */
    public static final int FLAGS = 0;
    /** Offset of the sequence number. */
    public static final int SEQ = 4;
    /** Offsets of the union's four ints. */
    public static final int U0 = 8;
    public static final int U1 = 12;
    public static final int U2 = 16;
    public static final int U3 = 20;
    /** Offset of the faulted field (CPF_TRY grants). */
    public static final int FAULTED = 24;

    /** Direct grant: the grantee. */
    public static final int DIRECT_WHO_TO = U0;
    /** Direct grant: start address in the granter. */
    public static final int DIRECT_START = U1;
    /** Direct grant: length in bytes. */
    public static final int DIRECT_LEN = U2;

    /** Indirect grant: the grantee. */
    public static final int INDIRECT_WHO_TO = U0;
    /** Indirect grant: the process that granted the forwarded grant to us. */
    public static final int INDIRECT_WHO_FROM = U1;
    /** Indirect grant: the forwarded grant id (in {@code who_from}'s table). */
    public static final int INDIRECT_GRANT = U2;

    /** Magic grant: the process whose memory is granted. */
    public static final int MAGIC_WHO_FROM = U0;
    /** Magic grant: the grantee. */
    public static final int MAGIC_WHO_TO = U1;
    /** Magic grant: start address in {@code who_from}. */
    public static final int MAGIC_START = U2;
    /** Magic grant: length in bytes. */
    public static final int MAGIC_LEN = U3;

    /** Free slot: index of the next free slot, or -1 at the end of the list. */
    public static final int FREE_NEXT = U0;

    /** Grantee may read. */
    public static final int CPF_READ = 0x1;
    /** Grantee may write. */
    public static final int CPF_WRITE = 0x2;
    /** Fail fast on unmapped memory instead of asking VM (the kernel sets {@code faulted}). */
    public static final int CPF_TRY = 0x10;
    /** Slot in use. */
    public static final int CPF_USED = 0x100;
    /** Grant on the granter's own memory. */
    public static final int CPF_DIRECT = 0x200;
    /** Forwarding of a grant received from another process. */
    public static final int CPF_INDIRECT = 0x400;
    /** Grant on another process's memory (VFS and MIB only). */
    public static final int CPF_MAGIC = 0x800;
    /** Entry complete; the kernel may use it. */
    public static final int CPF_VALID = 0x1000;

    /** Access bits a grant may carry. */
    public static final int ACCESS_MASK = CPF_READ | CPF_WRITE | CPF_TRY;

    /** The invalid grant id; any id {@code > -1} is syntactically valid. */
    public static final int GRANT_INVALID = -1;
    /** {@code cpfRevoke} result for a CPF_TRY grant whose copy faulted. */
    public static final int GRANT_FAULTED = 1;

    /** Bits of the index part of an id. */
    public static final int INDEX_BITS = 20;
    /** Bits of the sequence part of an id. */
    public static final int SEQ_BITS = 11;
    /** Number of sequence values; sequences wrap to 0 at this value. */
    public static final int MAX_SEQ = 1 << SEQ_BITS;
    /** Number of index values. */
    public static final int MAX_INDEX = 1 << INDEX_BITS;

    /** The id of slot {@code index} at sequence {@code seq}. */
    public static int makeId(int index, int seq) {
        return ((seq & (MAX_SEQ - 1)) << INDEX_BITS) | (index & (MAX_INDEX - 1));
    }

    /** The slot index of an id. */
    public static int index(int id) {
        return id & (MAX_INDEX - 1);
    }

    /** The sequence number of an id. */
    public static int sequence(int id) {
        return (id >>> INDEX_BITS) & (MAX_SEQ - 1);
    }

    /** True if {@code id} could name a grant (not negative). */
    public static boolean isValidId(int id) {
        return id > GRANT_INVALID;
    }

    /** Address of entry {@code index} in a table at {@code table}. */
    public static long entryAddress(long table, int index) {
        return table + (long) index * ENTRY_SIZE;
    }
}

package minixj.kernel.memory;

import static minixj.lib.ipc.Errno.EFAULT;
import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.ELOOP;
import static minixj.lib.ipc.Errno.ENOTREADY;
import static minixj.lib.ipc.Errno.EPERM;
import static minixj.lib.ipc.Errno.OK;
import static minixj.lib.mem.GrantEntry.*;

import minixj.lib.ipc.Endpoint;

/**
 * Decides whether a grant allows an access: MINIX's {@code verify_grant} (spec §4.3).
 *
 * <p>Grant entries are read from the granter's own memory through its page table, exactly where
 * the grant library ({@link minixj.lib.mem.GrantTable}) wrote them, so a process can only ever
 * hurt itself by scribbling on its table. Differences from MINIX: an entry that cannot be read
 * gives EFAULT rather than EPERM (the table itself is broken, which is worth telling apart), and
 * a direct or magic grant's range must not wrap in either case (MINIX checks it for direct only).
 */
public final class GrantVerifier {
    /** Most indirect entries followed before giving up with ELOOP. */
    public static final int MAX_INDIRECT_DEPTH = 5;

    private static final long MEM_LIMIT = 1L << 32;

    private final Mmu mmu;
    private final GrantContext context;

    /** A verifier reading tables through {@code mmu}, learning about processes from {@code context}. */
    public GrantVerifier(Mmu mmu, GrantContext context) {
        this.mmu = mmu;
        this.context = context;
    }

    /**
     * Checks that {@code grantee} may access {@code bytes} bytes at {@code offset} in grant
     * {@code grantId} of {@code granter}.
     *
     * @param grantee the process doing the copy, or ANY to skip grantee checks
     * @param access the CPF_READ / CPF_WRITE bits wanted (0: only check the grant exists)
     * @param bytes unsigned length of the access
     * @param offset unsigned offset of the access within the grant
     */
    public GrantResult verify(int granter, int grantee, int grantId, long bytes, int access,
                              long offset) {
        byte[] entry = new byte[ENTRY_SIZE];
        int depth = 0;
        int flags;
        while (true) {
            if (!context.isLive(granter) || !isValidId(grantId)) {
                return GrantResult.error(EINVAL);
            }
            GrantTableInfo table = context.grantTable(granter);
            if (table != null && table.registeredBy() != granter) {
                // Live update: the table is the old instance's. Only its owner may use it;
                // everyone else retries once the new instance registers its own.
                if (access == 0) {
                    return new GrantResult(OK, granter, GrantResult.NO_ADDRESS, 0);
                }
                if (table.entries() <= 0 || grantee != table.registeredBy()) {
                    return GrantResult.error(ENOTREADY);
                }
            }
            if (table == null || index(grantId) >= table.entries()) {
                return GrantResult.error(EPERM);
            }
            PageTable pt = context.pageTable(granter);
            // A null table would mean physical addressing to the MMU: never for a process.
            if (pt == null || !mmu.read(pt, entryAddress(table.address(), index(grantId)),
                    entry, 0, ENTRY_SIZE).ok()) {
                return GrantResult.error(EFAULT);
            }
            flags = field(entry, FLAGS);
            if ((flags & (CPF_USED | CPF_VALID)) != (CPF_USED | CPF_VALID)
                    || field(entry, SEQ) != sequence(grantId)) {
                return GrantResult.error(EPERM);
            }
            if ((flags & CPF_INDIRECT) == 0) {
                break;
            }
            if (depth == MAX_INDIRECT_DEPTH) {
                return GrantResult.error(ELOOP);
            }
            depth++;
            if (!grantedTo(field(entry, INDIRECT_WHO_TO), grantee)) {
                return GrantResult.error(EPERM);
            }
            grantee = granter;
            granter = field(entry, INDIRECT_WHO_FROM);
            grantId = field(entry, INDIRECT_GRANT);
        }

        if ((flags & access) != access) {
            return GrantResult.error(EPERM);
        }
        int whoTo;
        long start;
        long len;
        int owner;
        if ((flags & CPF_DIRECT) != 0) {
            whoTo = field(entry, DIRECT_WHO_TO);
            start = unsigned(entry, DIRECT_START);
            len = unsigned(entry, DIRECT_LEN);
            owner = granter;
        } else if ((flags & CPF_MAGIC) != 0) {
            if (!context.mayIssueMagic(granter)) {
                return GrantResult.error(EPERM);
            }
            whoTo = field(entry, MAGIC_WHO_TO);
            start = unsigned(entry, MAGIC_START);
            len = unsigned(entry, MAGIC_LEN);
            owner = field(entry, MAGIC_WHO_FROM);
        } else {
            return GrantResult.error(EPERM); // no known grant type
        }
        if (start + len > MEM_LIMIT || !grantedTo(whoTo, grantee)
                || offset < 0 || bytes < 0 || offset > len || bytes > len - offset) {
            return GrantResult.error(EPERM);
        }
        return new GrantResult(OK, owner, start + offset, flags);
    }

    /**
     * Records in the granter's entry that a CPF_TRY copy through {@code grantId} faulted, so the
     * granter's {@code cpfRevoke} reports GRANT_FAULTED (spec §4.4).
     *
     * @return OK, EPERM if the id is out of the table, EFAULT if the entry cannot be written
     */
    public int markFaulted(int granter, int grantId) {
        GrantTableInfo table = context.grantTable(granter);
        PageTable pt = context.pageTable(granter);
        if (!isValidId(grantId) || table == null || index(grantId) >= table.entries()) {
            return EPERM;
        }
        if (pt == null) {
            return EFAULT;
        }
        byte[] id = {(byte) grantId, (byte) (grantId >> 8), (byte) (grantId >> 16),
                (byte) (grantId >> 24)};
        long at = entryAddress(table.address(), index(grantId)) + FAULTED;
        return mmu.write(pt, at, id, 0, 4).ok() ? OK : EFAULT;
    }

    /** MINIX's grantee check: the entry names the grantee, or either side is ANY. */
    private static boolean grantedTo(int whoTo, int grantee) {
        return whoTo == grantee || whoTo == Endpoint.ANY || grantee == Endpoint.ANY;
    }

    /** A little-endian int of an entry. */
    private static int field(byte[] entry, int offset) {
        return (entry[offset] & 0xFF) | (entry[offset + 1] & 0xFF) << 8
                | (entry[offset + 2] & 0xFF) << 16 | (entry[offset + 3] & 0xFF) << 24;
    }

    private static long unsigned(byte[] entry, int offset) {
        return Integer.toUnsignedLong(field(entry, offset));
    }
}

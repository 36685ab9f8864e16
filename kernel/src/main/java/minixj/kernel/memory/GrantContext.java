package minixj.kernel.memory;

/**
 * What {@link GrantVerifier} needs to know about processes; the kernel implements it over its
 * process and privilege tables.
 */
public interface GrantContext {
    /** True if {@code endpoint} names a live process (MINIX's {@code isokendpt}). */
    boolean isLive(int endpoint);

    /**
     * The grant table registered (SYS_SETGRANT) for the process at {@code endpoint}'s slot, or
     * null if none ever was. A table registered by an older endpoint of the slot (live update in
     * progress, MINIX's {@code s_grant_endpoint != p_endpoint}) is reported with that endpoint in
     * {@link GrantTableInfo#registeredBy()}; use 0 entries if such a slot has no table yet.
     */
    GrantTableInfo grantTable(int endpoint);

    /** The page table of the live process {@code endpoint}. */
    PageTable pageTable(int endpoint);

    /** True if {@code endpoint} may issue magic grants (VFS and MIB in MINIX). */
    boolean mayIssueMagic(int endpoint);
}

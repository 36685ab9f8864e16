package minixj.lib.ipc;

/** Privilege-structure flags ({@code s_flags}) and the fixed privilege ids of MINIX. */
public final class PrivFlags {
    private PrivFlags() {
    }

    public static final int PREEMPTIBLE = 0x2;
    public static final int BILLABLE = 0x4;
    public static final int DYN_PRIV_ID = 0x8;
    public static final int SYS_PROC = 0x10;
    public static final int CHECK_IO_PORT = 0x20;
    public static final int CHECK_IRQ = 0x40;
    public static final int CHECK_MEM = 0x80;
    public static final int ROOT_SYS_PROC = 0x100;
    public static final int VM_SYS_PROC = 0x200;
    public static final int LU_SYS_PROC = 0x400;
    public static final int RST_SYS_PROC = 0x800;

    /** Number of privilege structures. */
    public static final int NR_SYS_PROCS = 64;

    /** The static privilege id of a boot slot: NR_TASKS + slot. */
    public static int staticPrivId(int slot) {
        return Endpoint.NR_TASKS + slot;
    }

    /** The one privilege structure shared by all user processes (INIT's static id, 16). */
    public static final int USER_PRIV_ID = staticPrivId(Endpoint.INIT);
}

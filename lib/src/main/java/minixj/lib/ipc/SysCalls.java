package minixj.lib.ipc;

/**
 * Kernel call numbers ({@code SYS_*}), as in MINIX's com.h: {@link #KERNEL_CALL} plus an index.
 *
 * <p>A kernel call is made with {@link Trap#kernelCall}; it is not IPC. The caller's kernel-call
 * mask must have the bit {@code number - KERNEL_CALL}, otherwise the answer is ECALLDENIED.
 */
public final class SysCalls {
    private SysCalls() {
    }

    /** Base of the kernel call numbers. */
    public static final int KERNEL_CALL = 0x600;
    /** Number of kernel call slots. */
    public static final int NR_SYS_CALLS = 58;

    public static final int SYS_FORK = KERNEL_CALL;
    public static final int SYS_EXEC = KERNEL_CALL + 1;
    public static final int SYS_CLEAR = KERNEL_CALL + 2;
    public static final int SYS_SCHEDULE = KERNEL_CALL + 3;
    public static final int SYS_PRIVCTL = KERNEL_CALL + 4;
    public static final int SYS_TRACE = KERNEL_CALL + 5;
    public static final int SYS_KILL = KERNEL_CALL + 6;
    public static final int SYS_GETKSIG = KERNEL_CALL + 7;
    public static final int SYS_ENDKSIG = KERNEL_CALL + 8;
    public static final int SYS_SIGSEND = KERNEL_CALL + 9;
    public static final int SYS_SIGRETURN = KERNEL_CALL + 10;
    public static final int SYS_MEMSET = KERNEL_CALL + 13;
    public static final int SYS_UMAP = KERNEL_CALL + 14;
    public static final int SYS_VIRCOPY = KERNEL_CALL + 15;
    public static final int SYS_PHYSCOPY = KERNEL_CALL + 16;
    public static final int SYS_UMAP_REMOTE = KERNEL_CALL + 17;
    public static final int SYS_VUMAP = KERNEL_CALL + 18;
    public static final int SYS_IRQCTL = KERNEL_CALL + 19;
    public static final int SYS_DEVIO = KERNEL_CALL + 21;
    public static final int SYS_SDEVIO = KERNEL_CALL + 22;
    public static final int SYS_VDEVIO = KERNEL_CALL + 23;
    public static final int SYS_SETALARM = KERNEL_CALL + 24;
    public static final int SYS_TIMES = KERNEL_CALL + 25;
    public static final int SYS_GETINFO = KERNEL_CALL + 26;
    public static final int SYS_ABORT = KERNEL_CALL + 27;
    public static final int SYS_IOPENABLE = KERNEL_CALL + 28;
    public static final int SYS_SAFECOPYFROM = KERNEL_CALL + 31;
    public static final int SYS_SAFECOPYTO = KERNEL_CALL + 32;
    public static final int SYS_VSAFECOPY = KERNEL_CALL + 33;
    public static final int SYS_SETGRANT = KERNEL_CALL + 34;
    public static final int SYS_READBIOS = KERNEL_CALL + 35;
    public static final int SYS_SPROF = KERNEL_CALL + 36;
    public static final int SYS_STIME = KERNEL_CALL + 39;
    public static final int SYS_SETTIME = KERNEL_CALL + 40;
    public static final int SYS_VMCTL = KERNEL_CALL + 43;
    public static final int SYS_DIAGCTL = KERNEL_CALL + 44;
    public static final int SYS_VTIMER = KERNEL_CALL + 45;
    public static final int SYS_RUNCTL = KERNEL_CALL + 46;
    public static final int SYS_GETMCONTEXT = KERNEL_CALL + 50;
    public static final int SYS_SETMCONTEXT = KERNEL_CALL + 51;
    public static final int SYS_UPDATE = KERNEL_CALL + 52;
    public static final int SYS_EXIT = KERNEL_CALL + 53;
    public static final int SYS_SCHEDCTL = KERNEL_CALL + 54;
    public static final int SYS_STATECTL = KERNEL_CALL + 55;
    public static final int SYS_SAFEMEMSET = KERNEL_CALL + 56;
    public static final int SYS_PADCONF = KERNEL_CALL + 57;

    /** The mask bit of a kernel call number. */
    public static long maskBit(int callNumber) {
        return 1L << (callNumber - KERNEL_CALL);
    }

    /** SYS_BASIC_CALLS of system.conf: what every system service gets by default. */
    public static final long BASIC_CALLS = maskBit(SYS_EXIT) | maskBit(SYS_SAFECOPYFROM) | maskBit(SYS_SAFECOPYTO)
            | maskBit(SYS_VSAFECOPY) | maskBit(SYS_GETINFO) | maskBit(SYS_TIMES) | maskBit(SYS_SETALARM)
            | maskBit(SYS_SETGRANT) | maskBit(SYS_DIAGCTL) | maskBit(SYS_STATECTL) | maskBit(SYS_SAFEMEMSET);

    /** Every kernel call. */
    public static final long ALL_CALLS = (1L << NR_SYS_CALLS) - 1;
}

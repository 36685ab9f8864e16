package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * PM's resource and information calls: GETRUSAGE, GETSYSINFO, REBOOT, GETGROUPS and SETGROUPS.
 * <ul>
 * <li>{@link #what}: GETRUSAGE's who ({@link #RUSAGE_SELF}, {@link #RUSAGE_CHILDREN}),
 * GETSYSINFO's item ({@link #SI_PROC_TAB}), REBOOT's how (RB_* flags), the number of groups of
 * GETGROUPS (0 = just count them; the reply's type is the count) and SETGROUPS.</li>
 * <li>{@link #address}/{@link #size}: where PM copies the result in the caller's memory
 * (GETRUSAGE: a {@code minixj.lib.posix.Rusage}; GETSYSINFO: the table, whose size must be
 * given exactly).</li>
 * <li>{@link #group}: the supplementary group ids of SETGROUPS and of GETGROUPS's reply (at most
 * {@link #NGROUPS_MAX}).</li>
 * </ul>
 */
public record PmInfoMsg(Message message) {
    public static final int RUSAGE_SELF = 0;
    public static final int RUSAGE_CHILDREN = -1;
    /** GETSYSINFO items (minix/sysinfo.h): PM's process table, {@link PmProcEntry} by slot. */
    public static final int SI_PROC_TAB = 2;
    /** REBOOT flags (NetBSD's sys/reboot.h): without RB_HALT the machine reboots. */
    public static final int RB_AUTOBOOT = 0;
    public static final int RB_HALT = 0x0008;
    public static final int RB_POWERDOWN = RB_HALT | 0x0800;
    /** Most supplementary groups a process has (MINIX's NGROUPS_MAX). */
    public static final int NGROUPS_MAX = 8;

    public int what() { return message.getInt(0); }
    public PmInfoMsg what(int v) { message.putInt(0, v); return this; }
    public int size() { return message.getInt(4); }
    public PmInfoMsg size(int v) { message.putInt(4, v); return this; }
    public long address() { return message.getLong(8); }
    public PmInfoMsg address(long v) { message.putLong(8, v); return this; }
    public int group(int i) { return message.getInt(16 + 4 * checkGroup(i)); }
    public PmInfoMsg group(int i, int v) { message.putInt(16 + 4 * checkGroup(i), v); return this; }

    private static int checkGroup(int i) {
        if (i < 0 || i >= NGROUPS_MAX) throw new IndexOutOfBoundsException("group " + i);
        return i;
    }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * The PM ↔ VFS protocol (spec §6.3): PM tells VFS about process events with asynchronous
 * requests ({@code VFS_PM_*}, 0x900 + n) and VFS answers each with a plain send of the matching
 * reply (0x980 + n) carrying the target's endpoint; PM never blocks on VFS after boot. INIT is
 * the exception: PM sends one per boot process and ends with a SENDREC of {@link #endpoint}
 * NONE, so both tables agree before anything runs.
 *
 * <p>Fields: {@link #endpoint} (the process concerned; FORK's parent), {@link #child} (FORK's
 * child endpoint, INIT's slot), {@link #pid}, {@link #id1}/{@link #id2} (SETUID's effective and
 * real uid, SETGID's gids, SRV_FORK's uid and gid), {@link #result} (replies), EXEC's
 * {@link #pathAddress}/{@link #pathLength} (in the process's own memory), and EXEC's reply
 * {@link #imageAddress}/{@link #imageLength}: where VFS placed the executable in the process's
 * memory for the kernel's SYS_EXEC.
 */
public record VfsPmMsg(Message message) {
    public static final int VFS_PM_RQ_BASE = 0x900;
    public static final int VFS_PM_RS_BASE = 0x980;
    public static final int VFS_PM_INIT = VFS_PM_RQ_BASE;
    public static final int VFS_PM_SETUID = VFS_PM_RQ_BASE + 1;
    public static final int VFS_PM_SETGID = VFS_PM_RQ_BASE + 2;
    public static final int VFS_PM_SETSID = VFS_PM_RQ_BASE + 3;
    public static final int VFS_PM_EXIT = VFS_PM_RQ_BASE + 4;
    public static final int VFS_PM_DUMPCORE = VFS_PM_RQ_BASE + 5;
    public static final int VFS_PM_EXEC = VFS_PM_RQ_BASE + 6;
    public static final int VFS_PM_FORK = VFS_PM_RQ_BASE + 7;
    public static final int VFS_PM_SRV_FORK = VFS_PM_RQ_BASE + 8;
    public static final int VFS_PM_UNPAUSE = VFS_PM_RQ_BASE + 9;
    public static final int VFS_PM_REBOOT = VFS_PM_RQ_BASE + 10;
    public static final int VFS_PM_SETGROUPS = VFS_PM_RQ_BASE + 11;
    /** Number of request kinds. */
    public static final int VFS_PM_COUNT = 12;

    /** Whether {@code type} is a request from PM. */
    public static boolean isRequest(int type) {
        return type >= VFS_PM_RQ_BASE && type < VFS_PM_RQ_BASE + VFS_PM_COUNT;
    }

    /** Whether {@code type} is VFS's reply to a request. */
    public static boolean isReply(int type) {
        return type >= VFS_PM_RS_BASE && type < VFS_PM_RS_BASE + VFS_PM_COUNT;
    }

    /** The reply type of request {@code type}. */
    public static int replyOf(int type) {
        return type - VFS_PM_RQ_BASE + VFS_PM_RS_BASE;
    }

    public int endpoint() { return message.getInt(0); }
    public VfsPmMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int child() { return message.getInt(4); }
    public VfsPmMsg child(int v) { message.putInt(4, v); return this; }
    public int pid() { return message.getInt(8); }
    public VfsPmMsg pid(int v) { message.putInt(8, v); return this; }
    public int id1() { return message.getInt(12); }
    public VfsPmMsg id1(int v) { message.putInt(12, v); return this; }
    public int id2() { return message.getInt(16); }
    public VfsPmMsg id2(int v) { message.putInt(16, v); return this; }
    public int result() { return message.getInt(20); }
    public VfsPmMsg result(int v) { message.putInt(20, v); return this; }
    public long pathAddress() { return message.getLong(24); }
    public VfsPmMsg pathAddress(long v) { message.putLong(24, v); return this; }
    public int pathLength() { return message.getInt(32); }
    public VfsPmMsg pathLength(int v) { message.putInt(32, v); return this; }
    public int imageLength() { return message.getInt(36); }
    public VfsPmMsg imageLength(int v) { message.putInt(36, v); return this; }
    public long imageAddress() { return message.getLong(40); }
    public VfsPmMsg imageAddress(long v) { message.putLong(40, v); return this; }
}

package minixj.lib.ipc.layout;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import minixj.lib.ipc.Endpoint;

/**
 * One entry of PM's process table as GETSYSINFO(SI_PROC_TAB) copies it out: the table is
 * {@link Endpoint#NR_PROCS} entries of {@link #SIZE} bytes, entry {@code i} describing slot
 * {@code i} ({@link #flags} 0 when the slot is free). Little-endian layout:
 * <pre>
 *  0 flags       4 endpoint    8 pid        12 parent pid
 * 16 real uid   20 eff. uid   24 saved uid  28 real gid   32 eff. gid   36 saved gid
 * 40 pgrp       44 session    48 wait status (W_EXITCODE, zombies)      52 groups count
 * 56 pending    64 mask       72 ignored    80 caught     (signals 1..64, bit n-1 = signal n)
 * 88 CPU ticks of waited-for children (user + system)
 * </pre>
 * Flags are PM's: IN_USE 0x1, WAITING 0x2, ZOMBIE 0x4, PROC_STOPPED 0x8, ALARM_ON 0x10,
 * SIGSUSPENDED 0x100, PRIV_PROC 0x2000.
 */
public record PmProcEntry(int flags, int endpoint, int pid, int parentPid, int realUid, int effUid, int savedUid,
                          int realGid, int effGid, int savedGid, int pgrp, int session, int waitStatus,
                          int groups, long pending, long mask, long ignored, long caught, long childTicks) {
    public static final int SIZE = 96;
    /** Size of the whole table, the only size GETSYSINFO(SI_PROC_TAB) accepts. */
    public static final int TABLE_SIZE = SIZE * Endpoint.NR_PROCS;
    public static final int IN_USE = 0x1;
    public static final int ZOMBIE = 0x4;
    public static final int PROC_STOPPED = 0x8;
    public static final int PRIV_PROC = 0x2000;

    /** True when the slot holds a process (a zombie included). */
    public boolean inUse() { return (flags & IN_USE) != 0; }

    /** Writes this entry at {@code slot} of {@code table} (a table of {@link #TABLE_SIZE} bytes). */
    public void writeTo(byte[] table, int slot) {
        ByteBuffer b = ByteBuffer.wrap(table, slot * SIZE, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(flags).putInt(endpoint).putInt(pid).putInt(parentPid)
                .putInt(realUid).putInt(effUid).putInt(savedUid).putInt(realGid).putInt(effGid).putInt(savedGid)
                .putInt(pgrp).putInt(session).putInt(waitStatus).putInt(groups)
                .putLong(pending).putLong(mask).putLong(ignored).putLong(caught).putLong(childTicks);
    }

    /** Reads the entry of {@code slot} from {@code table}. */
    public static PmProcEntry readFrom(byte[] table, int slot) {
        ByteBuffer b = ByteBuffer.wrap(table, slot * SIZE, SIZE).order(ByteOrder.LITTLE_ENDIAN);
        return new PmProcEntry(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(),
                b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(),
                b.getLong(), b.getLong(), b.getLong(), b.getLong(), b.getLong());
    }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * PM's time calls (MINIX's time.c and alarm.c): ITIMER (setitimer/getitimer), CLOCK_GETRES,
 * CLOCK_GETTIME, CLOCK_SETTIME, GETTIMEOFDAY and STIME. Fields:
 * <ul>
 * <li>{@link #which}: ITIMER's timer ({@link #ITIMER_REAL}, {@link #ITIMER_VIRTUAL},
 * {@link #ITIMER_PROF}) or the clock of CLOCK_* ({@link #CLOCK_REALTIME},
 * {@link #CLOCK_MONOTONIC}).</li>
 * <li>{@link #flags}: ITIMER's {@link #ITIMER_SET} (install the value and interval below) and
 * {@link #ITIMER_GET} (reply with the old ones); at least one is needed.</li>
 * <li>{@link #seconds}/{@link #fraction}: a time: ITIMER's value (microseconds), the timespec of
 * CLOCK_* (nanoseconds), GETTIMEOFDAY's reply (microseconds), STIME's seconds.</li>
 * <li>{@link #intervalSeconds}/{@link #intervalFraction}: ITIMER's interval (microseconds).</li>
 * </ul>
 * ITIMER's reply carries the old value and interval in the same fields as the request.
 */
public record PmTimeMsg(Message message) {
    public static final int ITIMER_REAL = 0;
    public static final int ITIMER_VIRTUAL = 1;
    public static final int ITIMER_PROF = 2;
    public static final int ITIMER_SET = 0x1;
    public static final int ITIMER_GET = 0x2;
    /** Clock ids (NetBSD's, as MINIX uses). */
    public static final int CLOCK_REALTIME = 0;
    public static final int CLOCK_MONOTONIC = 3;

    public int which() { return message.getInt(0); }
    public PmTimeMsg which(int v) { message.putInt(0, v); return this; }
    public int flags() { return message.getInt(4); }
    public PmTimeMsg flags(int v) { message.putInt(4, v); return this; }
    public long seconds() { return message.getLong(8); }
    public PmTimeMsg seconds(long v) { message.putLong(8, v); return this; }
    public long fraction() { return message.getLong(16); }
    public PmTimeMsg fraction(long v) { message.putLong(16, v); return this; }
    public long intervalSeconds() { return message.getLong(24); }
    public PmTimeMsg intervalSeconds(long v) { message.putLong(24, v); return this; }
    public long intervalFraction() { return message.getLong(32); }
    public PmTimeMsg intervalFraction(long v) { message.putLong(32, v); return this; }
}

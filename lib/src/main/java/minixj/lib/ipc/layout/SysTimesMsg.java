package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_TIMES: a process's user and system ticks, the boot time, the uptime and the realtime (ticks since the epoch). */
public record SysTimesMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysTimesMsg endpoint(int v) { message.putInt(0, v); return this; }
    public long userTicks() { return message.getLong(8); }
    public SysTimesMsg userTicks(long v) { message.putLong(8, v); return this; }
    public long systemTicks() { return message.getLong(16); }
    public SysTimesMsg systemTicks(long v) { message.putLong(16, v); return this; }
    public long uptime() { return message.getLong(24); }
    public SysTimesMsg uptime(long v) { message.putLong(24, v); return this; }
    public long bootTime() { return message.getLong(32); }
    public SysTimesMsg bootTime(long v) { message.putLong(32, v); return this; }
    public long realtime() { return message.getLong(40); }
    public SysTimesMsg realtime(long v) { message.putLong(40, v); return this; }
    /** Monotonic nanoseconds since boot (finer than ticks in virtual time), for clock_gettime. */
    public long monotonicNs() { return message.getLong(48); }
    public SysTimesMsg monotonicNs(long v) { message.putLong(48, v); return this; }
}

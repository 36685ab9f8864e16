package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_VTIMER: set or get a process's ITIMER_VIRTUAL or ITIMER_PROF tick counter. */
public record SysVtimerMsg(Message message) {
    public static final int VT_VIRTUAL = 1;
    public static final int VT_PROF = 2;

    public int endpoint() { return message.getInt(0); }
    public SysVtimerMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int which() { return message.getInt(4); }
    public SysVtimerMsg which(int v) { message.putInt(4, v); return this; }
    public int set() { return message.getInt(8); }
    public SysVtimerMsg set(int v) { message.putInt(8, v); return this; }
    public long value() { return message.getLong(16); }
    public SysVtimerMsg value(long v) { message.putLong(16, v); return this; }
    public long oldValue() { return message.getLong(24); }
    public SysVtimerMsg oldValue(long v) { message.putLong(24, v); return this; }
}

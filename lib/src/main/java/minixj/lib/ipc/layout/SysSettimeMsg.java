package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_STIME (value = boot time in seconds) and SYS_SETTIME (absolute ticks since the epoch, or a delta). */
public record SysSettimeMsg(Message message) {
    public int absolute() { return message.getInt(0); }
    public SysSettimeMsg absolute(int v) { message.putInt(0, v); return this; }
    public long value() { return message.getLong(8); }
    public SysSettimeMsg value(long v) { message.putLong(8, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_SETALARM: expiry in ticks (absolute or relative); the reply has the ticks left on the old alarm and the uptime. */
public record SysSetalarmMsg(Message message) {
    public long expiry() { return message.getLong(0); }
    public SysSetalarmMsg expiry(long v) { message.putLong(0, v); return this; }
    public int absolute() { return message.getInt(8); }
    public SysSetalarmMsg absolute(int v) { message.putInt(8, v); return this; }
    public long timeLeft() { return message.getLong(16); }
    public SysSetalarmMsg timeLeft(long v) { message.putLong(16, v); return this; }
    public long uptime() { return message.getLong(24); }
    public SysSetalarmMsg uptime(long v) { message.putLong(24, v); return this; }
}

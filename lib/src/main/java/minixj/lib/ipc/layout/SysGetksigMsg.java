package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_GETKSIG reply: the next signaled process (or NONE) and its pending signals. */
public record SysGetksigMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysGetksigMsg endpoint(int v) { message.putInt(0, v); return this; }
    public long sigsetLow() { return message.getLong(8); }
    public SysGetksigMsg sigsetLow(long v) { message.putLong(8, v); return this; }
    public long sigsetHigh() { return message.getLong(16); }
    public SysGetksigMsg sigsetHigh(long v) { message.putLong(16, v); return this; }
}

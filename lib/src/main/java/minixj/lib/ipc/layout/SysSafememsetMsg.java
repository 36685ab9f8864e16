package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_SAFEMEMSET: the granter, grant id, offset, byte pattern and count. */
public record SysSafememsetMsg(Message message) {
    public int granter() { return message.getInt(0); }
    public SysSafememsetMsg granter(int v) { message.putInt(0, v); return this; }
    public int grantId() { return message.getInt(4); }
    public SysSafememsetMsg grantId(int v) { message.putInt(4, v); return this; }
    public long offset() { return message.getLong(8); }
    public SysSafememsetMsg offset(long v) { message.putLong(8, v); return this; }
    public int pattern() { return message.getInt(16); }
    public SysSafememsetMsg pattern(int v) { message.putInt(16, v); return this; }
    public long length() { return message.getLong(24); }
    public SysSafememsetMsg length(long v) { message.putLong(24, v); return this; }
}

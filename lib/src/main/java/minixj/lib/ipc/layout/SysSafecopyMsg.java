package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_SAFECOPYFROM/TO: the granter, the grant id, the offset in the grant, the caller's address and the byte count. */
public record SysSafecopyMsg(Message message) {
    public int granter() { return message.getInt(0); }
    public SysSafecopyMsg granter(int v) { message.putInt(0, v); return this; }
    public int grantId() { return message.getInt(4); }
    public SysSafecopyMsg grantId(int v) { message.putInt(4, v); return this; }
    public long offset() { return message.getLong(8); }
    public SysSafecopyMsg offset(long v) { message.putLong(8, v); return this; }
    public long address() { return message.getLong(16); }
    public SysSafecopyMsg address(long v) { message.putLong(16, v); return this; }
    public long length() { return message.getLong(24); }
    public SysSafecopyMsg length(long v) { message.putLong(24, v); return this; }
}

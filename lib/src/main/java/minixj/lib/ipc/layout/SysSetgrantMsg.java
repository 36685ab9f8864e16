package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_SETGRANT: the caller's grant table address and number of entries. */
public record SysSetgrantMsg(Message message) {
    public long address() { return message.getLong(0); }
    public SysSetgrantMsg address(long v) { message.putLong(0, v); return this; }
    public int entries() { return message.getInt(8); }
    public SysSetgrantMsg entries(int v) { message.putInt(8, v); return this; }
}

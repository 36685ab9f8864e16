package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_UPDATE: swap the slots of two system processes (endpoints stay with the slots), with flags such as ROLLBACK. */
public record SysUpdateMsg(Message message) {
    /** Abort pending sends of the new instance (rollback). */
    public static final int ROLLBACK = 1;

    public int source() { return message.getInt(0); }
    public SysUpdateMsg source(int v) { message.putInt(0, v); return this; }
    public int destination() { return message.getInt(4); }
    public SysUpdateMsg destination(int v) { message.putInt(4, v); return this; }
    public int flags() { return message.getInt(8); }
    public SysUpdateMsg flags(int v) { message.putInt(8, v); return this; }
}

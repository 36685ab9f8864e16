package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_FORK: the parent, the child's slot and flags; the reply carries the child's endpoint. */
public record SysForkMsg(Message message) {
    public int parent() { return message.getInt(0); }
    public SysForkMsg parent(int v) { message.putInt(0, v); return this; }
    public int slot() { return message.getInt(4); }
    public SysForkMsg slot(int v) { message.putInt(4, v); return this; }
    public int flags() { return message.getInt(8); }
    public SysForkMsg flags(int v) { message.putInt(8, v); return this; }
    public int child() { return message.getInt(12); }
    public SysForkMsg child(int v) { message.putInt(12, v); return this; }
}

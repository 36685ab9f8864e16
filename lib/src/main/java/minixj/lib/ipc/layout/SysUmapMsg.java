package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_UMAP: translate a process's virtual address to a physical one. */
public record SysUmapMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysUmapMsg endpoint(int v) { message.putInt(0, v); return this; }
    public long virtualAddress() { return message.getLong(8); }
    public SysUmapMsg virtualAddress(long v) { message.putLong(8, v); return this; }
    public long length() { return message.getLong(16); }
    public SysUmapMsg length(long v) { message.putLong(16, v); return this; }
    public long physicalAddress() { return message.getLong(24); }
    public SysUmapMsg physicalAddress(long v) { message.putLong(24, v); return this; }
}

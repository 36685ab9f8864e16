package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_MEMSET: fill physical (or, with a process, virtual) memory with a byte pattern. */
public record SysMemsetMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysMemsetMsg endpoint(int v) { message.putInt(0, v); return this; }
    public long address() { return message.getLong(8); }
    public SysMemsetMsg address(long v) { message.putLong(8, v); return this; }
    public int pattern() { return message.getInt(16); }
    public SysMemsetMsg pattern(int v) { message.putInt(16, v); return this; }
    public long length() { return message.getLong(24); }
    public SysMemsetMsg length(long v) { message.putLong(24, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_VMCTL: VM's requests to the kernel (page-fault clearing, memory requests, address spaces, inhibits). */
public record SysVmctlMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysVmctlMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int request() { return message.getInt(4); }
    public SysVmctlMsg request(int v) { message.putInt(4, v); return this; }
    public long value() { return message.getLong(8); }
    public SysVmctlMsg value(long v) { message.putLong(8, v); return this; }
    public long value2() { return message.getLong(16); }
    public SysVmctlMsg value2(long v) { message.putLong(16, v); return this; }
    public int result() { return message.getInt(24); }
    public SysVmctlMsg result(int v) { message.putInt(24, v); return this; }
    public int writeFlag() { return message.getInt(28); }
    public SysVmctlMsg writeFlag(int v) { message.putInt(28, v); return this; }
    public long address() { return message.getLong(32); }
    public SysVmctlMsg address(long v) { message.putLong(32, v); return this; }
    public long length() { return message.getLong(40); }
    public SysVmctlMsg length(long v) { message.putLong(40, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_VSAFECOPY: a vector of safecopy elements in the caller's memory (address, count); reply has how many were done. */
public record SysVsafecopyMsg(Message message) {
    public long vectorAddress() { return message.getLong(0); }
    public SysVsafecopyMsg vectorAddress(long v) { message.putLong(0, v); return this; }
    public int count() { return message.getInt(8); }
    public SysVsafecopyMsg count(int v) { message.putInt(8, v); return this; }
    public int done() { return message.getInt(12); }
    public SysVsafecopyMsg done(int v) { message.putInt(12, v); return this; }
}

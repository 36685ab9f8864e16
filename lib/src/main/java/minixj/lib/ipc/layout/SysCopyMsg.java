package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_VIRCOPY/SYS_PHYSCOPY: source endpoint and address, destination endpoint and address, byte count, flags (CP_FLAG_TRY). */
public record SysCopyMsg(Message message) {
    /** Fail instead of asking VM to page memory in. */
    public static final int CP_FLAG_TRY = 1;

    public int sourceEndpoint() { return message.getInt(0); }
    public SysCopyMsg sourceEndpoint(int v) { message.putInt(0, v); return this; }
    public long sourceAddress() { return message.getLong(8); }
    public SysCopyMsg sourceAddress(long v) { message.putLong(8, v); return this; }
    public int destinationEndpoint() { return message.getInt(4); }
    public SysCopyMsg destinationEndpoint(int v) { message.putInt(4, v); return this; }
    public long destinationAddress() { return message.getLong(16); }
    public SysCopyMsg destinationAddress(long v) { message.putLong(16, v); return this; }
    public long length() { return message.getLong(24); }
    public SysCopyMsg length(long v) { message.putLong(24, v); return this; }
    public int flags() { return message.getInt(32); }
    public SysCopyMsg flags(int v) { message.putInt(32, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_PRIVCTL: target, request, and for SET_SYS the privilege fields inline (-1 privId = dynamic). */
public record SysPrivctlMsg(Message message) {
    public static final int ALLOW = 1;
    public static final int DISALLOW = 2;
    public static final int SET_SYS = 3;
    public static final int SET_USER = 4;
    public static final int ADD_IO = 5;
    public static final int ADD_MEM = 6;
    public static final int ADD_IRQ = 7;
    public static final int QUERY_MEM = 8;
    public static final int UPDATE_SYS = 9;
    public static final int YIELD = 10;
    public static final int CLEAR_IPC_REFS = 11;

    public int endpoint() { return message.getInt(0); }
    public SysPrivctlMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int request() { return message.getInt(4); }
    public SysPrivctlMsg request(int v) { message.putInt(4, v); return this; }
    public int flags() { return message.getInt(8); }
    public SysPrivctlMsg flags(int v) { message.putInt(8, v); return this; }
    public int trapMask() { return message.getInt(12); }
    public SysPrivctlMsg trapMask(int v) { message.putInt(12, v); return this; }
    public long ipcTo() { return message.getLong(16); }
    public SysPrivctlMsg ipcTo(long v) { message.putLong(16, v); return this; }
    public long kernelCallMask() { return message.getLong(24); }
    public SysPrivctlMsg kernelCallMask(long v) { message.putLong(24, v); return this; }
    public int sigManager() { return message.getInt(32); }
    public SysPrivctlMsg sigManager(int v) { message.putInt(32, v); return this; }
    public int backupSigManager() { return message.getInt(36); }
    public SysPrivctlMsg backupSigManager(int v) { message.putInt(36, v); return this; }
    public int privId() { return message.getInt(40); }
    public SysPrivctlMsg privId(int v) { message.putInt(40, v); return this; }
    public int initFlags() { return message.getInt(44); }
    public SysPrivctlMsg initFlags(int v) { message.putInt(44, v); return this; }
    public int arg() { return message.getInt(48); }
    public SysPrivctlMsg arg(int v) { message.putInt(48, v); return this; }

    /** ADD_IO/ADD_MEM/QUERY_MEM: first address of the range (shares the bytes of ipcTo). */
    public long rangeBase() { return message.getLong(16); }
    public SysPrivctlMsg rangeBase(long v) { message.putLong(16, v); return this; }
    /** ADD_IO/ADD_MEM/QUERY_MEM: last address of the range (shares the bytes of kernelCallMask). */
    public long rangeLimit() { return message.getLong(24); }
    public SysPrivctlMsg rangeLimit(long v) { message.putLong(24, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_TRACE: the ptrace backend (PM's call): request, traced process, address and data. */
public record SysTraceMsg(Message message) {
    public static final int T_STOP = -1;
    public static final int T_GETINS = 1;
    public static final int T_GETDATA = 2;
    public static final int T_GETUSER = 3;
    public static final int T_SETINS = 4;
    public static final int T_SETDATA = 5;
    public static final int T_SETUSER = 6;
    public static final int T_RESUME = 7;
    public static final int T_STEP = 9;
    public static final int T_SYSCALL = 10;
    public static final int T_DETACH = 12;
    public static final int T_READB_INS = 100;
    public static final int T_WRITEB_INS = 101;

    /** T_GETUSER offsets of the "user area": the traced process's kernel-visible state. */
    public static final int USER_ENDPOINT = 0;
    public static final int USER_RTS_FLAGS = 4;
    public static final int USER_PRIORITY = 8;
    public static final int USER_USER_TICKS = 12;
    public static final int USER_SYS_TICKS = 16;

    public int request() { return message.getInt(0); }
    public SysTraceMsg request(int v) { message.putInt(0, v); return this; }
    public int endpoint() { return message.getInt(4); }
    public SysTraceMsg endpoint(int v) { message.putInt(4, v); return this; }
    public long address() { return message.getLong(8); }
    public SysTraceMsg address(long v) { message.putLong(8, v); return this; }
    public long data() { return message.getLong(16); }
    public SysTraceMsg data(long v) { message.putLong(16, v); return this; }
}

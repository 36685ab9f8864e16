package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_GETINFO: request, the caller's buffer address and the size it expects, and a process argument; small answers come back inline. */
public record SysGetinfoMsg(Message message) {
    public static final int GET_KINFO = 0;
    public static final int GET_IMAGE = 1;
    public static final int GET_PROCTAB = 2;
    public static final int GET_RANDOMNESS = 3;
    public static final int GET_MONPARAMS = 4;
    public static final int GET_KENV = 5;
    public static final int GET_IRQHOOKS = 6;
    public static final int GET_PRIVTAB = 8;
    public static final int GET_KADDRESSES = 9;
    public static final int GET_SCHEDINFO = 10;
    public static final int GET_PROC = 11;
    public static final int GET_MACHINE = 12;
    public static final int GET_LOCKTIMING = 13;
    public static final int GET_BIOSBUFFER = 14;
    public static final int GET_LOADINFO = 15;
    public static final int GET_IRQACTIDS = 16;
    public static final int GET_PRIV = 17;
    public static final int GET_HZ = 18;
    public static final int GET_WHOAMI = 19;
    public static final int GET_RANDOMNESS_BIN = 20;
    public static final int GET_IDLETSC = 21;
    public static final int GET_CPUINFO = 23;
    public static final int GET_REGS = 24;
    public static final int GET_CPUTICKS = 25;
    /**
     * MinixJ: where the boot files (the initial RAM disk the launcher loaded, see
     * {@code minixj.lib.fs.BootFiles}) lie in physical memory: two longs, address and length
     * (16 bytes; both 0 when there are none).
     */
    public static final int GET_BOOTFILES = 40;

    public int request() { return message.getInt(0); }
    public SysGetinfoMsg request(int v) { message.putInt(0, v); return this; }
    public long address() { return message.getLong(8); }
    public SysGetinfoMsg address(long v) { message.putLong(8, v); return this; }
    public int size() { return message.getInt(16); }
    public SysGetinfoMsg size(int v) { message.putInt(16, v); return this; }
    public int endpoint() { return message.getInt(20); }
    public SysGetinfoMsg endpoint(int v) { message.putInt(20, v); return this; }
    public int valueInt() { return message.getInt(24); }
    public SysGetinfoMsg valueInt(int v) { message.putInt(24, v); return this; }
    public int flags() { return message.getInt(28); }
    public SysGetinfoMsg flags(int v) { message.putInt(28, v); return this; }
    public long valueLong() { return message.getLong(32); }
    public SysGetinfoMsg valueLong(long v) { message.putLong(32, v); return this; }

    /** GET_WHOAMI reply: the caller's process name (at most 15 bytes). */
    public String name() {
        byte[] b = new byte[16];
        message.getBytes(40, b, 0, 16);
        int n = 0;
        while (n < 16 && b[n] != 0) n++;
        return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
    }
    public SysGetinfoMsg name(String name) {
        byte[] b = new byte[16];
        byte[] src = name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        System.arraycopy(src, 0, b, 0, Math.min(15, src.length));
        message.putBytes(40, b, 0, 16);
        return this;
    }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_RUNCTL: stop or resume a process (action RC_STOP/RC_RESUME, flags RC_DELAY). */
public record SysRunctlMsg(Message message) {
    public static final int RC_STOP = 0;
    public static final int RC_RESUME = 1;
    public static final int RC_DELAY = 1;

    public int endpoint() { return message.getInt(0); }
    public SysRunctlMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int action() { return message.getInt(4); }
    public SysRunctlMsg action(int v) { message.putInt(4, v); return this; }
    public int flags() { return message.getInt(8); }
    public SysRunctlMsg flags(int v) { message.putInt(8, v); return this; }
}

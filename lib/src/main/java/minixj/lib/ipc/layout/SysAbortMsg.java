package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_ABORT: how to stop the machine (RBT_HALT, RBT_REBOOT, RBT_POWEROFF, ...). */
public record SysAbortMsg(Message message) {
    public static final int RBT_HALT = 0;
    public static final int RBT_REBOOT = 1;
    public static final int RBT_PANIC = 2;
    public static final int RBT_POWEROFF = 4;
    public static final int RBT_RESET = 5;

    public int how() { return message.getInt(0); }
    public SysAbortMsg how(int v) { message.putInt(0, v); return this; }
}

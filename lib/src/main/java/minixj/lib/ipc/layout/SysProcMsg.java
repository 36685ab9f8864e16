package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** Kernel calls that name one process: SYS_CLEAR, SYS_KILL, SYS_ENDKSIG, SYS_EXIT (endpoint, signal). */
public record SysProcMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysProcMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int signal() { return message.getInt(4); }
    public SysProcMsg signal(int v) { message.putInt(4, v); return this; }
}

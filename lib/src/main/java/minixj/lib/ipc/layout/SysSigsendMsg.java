package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * SYS_SIGSEND and SYS_SIGRETURN (PM's calls): run the signal handler {@code handlerId} of a
 * process for {@code signal} when the process next returns from the kernel; the return from the
 * handler is announced with SIGRETURN.
 */
public record SysSigsendMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysSigsendMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int signal() { return message.getInt(4); }
    public SysSigsendMsg signal(int v) { message.putInt(4, v); return this; }
    public int handlerId() { return message.getInt(8); }
    public SysSigsendMsg handlerId(int v) { message.putInt(8, v); return this; }
    public int flags() { return message.getInt(12); }
    public SysSigsendMsg flags(int v) { message.putInt(12, v); return this; }
}

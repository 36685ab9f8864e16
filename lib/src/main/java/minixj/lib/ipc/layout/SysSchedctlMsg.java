package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_SCHEDCTL: become the scheduler of a process, or (FLAG_KERNEL) hand it to the kernel with priority, quantum and cpu. */
public record SysSchedctlMsg(Message message) {
    /** Hand the process to the kernel's scheduling. */
    public static final int FLAG_KERNEL = 1;

    public int flags() { return message.getInt(0); }
    public SysSchedctlMsg flags(int v) { message.putInt(0, v); return this; }
    public int endpoint() { return message.getInt(4); }
    public SysSchedctlMsg endpoint(int v) { message.putInt(4, v); return this; }
    public int priority() { return message.getInt(8); }
    public SysSchedctlMsg priority(int v) { message.putInt(8, v); return this; }
    public int quantum() { return message.getInt(12); }
    public SysSchedctlMsg quantum(int v) { message.putInt(12, v); return this; }
    public int cpu() { return message.getInt(16); }
    public SysSchedctlMsg cpu(int v) { message.putInt(16, v); return this; }
}

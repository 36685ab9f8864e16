package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_SCHEDULE: target and new priority, quantum (ms), cpu and niced; -1 keeps the current value. */
public record SysScheduleMsg(Message message) {
    public int endpoint() { return message.getInt(0); }
    public SysScheduleMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int quantum() { return message.getInt(4); }
    public SysScheduleMsg quantum(int v) { message.putInt(4, v); return this; }
    public int priority() { return message.getInt(8); }
    public SysScheduleMsg priority(int v) { message.putInt(8, v); return this; }
    public int cpu() { return message.getInt(12); }
    public SysScheduleMsg cpu(int v) { message.putInt(12, v); return this; }
    public int niced() { return message.getInt(16); }
    public SysScheduleMsg niced(int v) { message.putInt(16, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * The kernel's out-of-quantum message to a process's scheduler ({@code SCHEDULING_NO_QUANTUM}),
 * forged on the process's behalf, with its accounting since the last one.
 */
public record SchedNoQuantum(Message message) {
    /** Message type. */
    public static final int SCHEDULING_NO_QUANTUM = 0xF01;

    public long timeInQueue() { return message.getLong(0); }
    public SchedNoQuantum timeInQueue(long v) { message.putLong(0, v); return this; }
    public long dequeues() { return message.getLong(8); }
    public SchedNoQuantum dequeues(long v) { message.putLong(8, v); return this; }
    public long ipcSync() { return message.getLong(16); }
    public SchedNoQuantum ipcSync(long v) { message.putLong(16, v); return this; }
    public long ipcAsync() { return message.getLong(24); }
    public SchedNoQuantum ipcAsync(long v) { message.putLong(24, v); return this; }
    public long preempted() { return message.getLong(32); }
    public SchedNoQuantum preempted(long v) { message.putLong(32, v); return this; }
    public int cpu() { return message.getInt(40); }
    public SchedNoQuantum cpu(int v) { message.putInt(40, v); return this; }
    public int cpuLoad() { return message.getInt(44); }
    public SchedNoQuantum cpuLoad(int v) { message.putInt(44, v); return this; }
}

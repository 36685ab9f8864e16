package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * Requests to the scheduler SCHED from PM and RS: start scheduling a process (with its own
 * maximum priority and quantum, or inheriting its parent's), stop, or set its nice level.
 * The reply's type is the result and, for a start, {@link #scheduler} names who schedules it.
 */
public record SchedMsg(Message message) {
    public static final int SCHEDULING_START = 0xF02;
    public static final int SCHEDULING_STOP = 0xF03;
    public static final int SCHEDULING_SET_NICE = 0xF04;
    public static final int SCHEDULING_INHERIT = 0xF05;

    public int endpoint() { return message.getInt(0); }
    public SchedMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int parent() { return message.getInt(4); }
    public SchedMsg parent(int v) { message.putInt(4, v); return this; }
    /** The best (lowest-numbered) queue the process may have. */
    public int maxPriority() { return message.getInt(8); }
    public SchedMsg maxPriority(int v) { message.putInt(8, v); return this; }
    /** Quantum in milliseconds. */
    public int quantum() { return message.getInt(12); }
    public SchedMsg quantum(int v) { message.putInt(12, v); return this; }
    public int cpu() { return message.getInt(16); }
    public SchedMsg cpu(int v) { message.putInt(16, v); return this; }
    /** Reply to a start: the endpoint of the process's scheduler. */
    public int scheduler() { return message.getInt(20); }
    public SchedMsg scheduler(int v) { message.putInt(20, v); return this; }
}

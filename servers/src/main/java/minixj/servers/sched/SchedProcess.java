package minixj.servers.sched;

/** What SCHED knows of one process it schedules (MINIX's struct schedproc). */
final class SchedProcess {
    int endpoint;
    int parent;
    /** The best queue this process may be in. */
    int maxPriority;
    /** The queue it is in now (maxPriority or worse). */
    int priority;
    int quantumMs;
    int cpu;

    SchedProcess(int endpoint, int parent, int maxPriority, int priority, int quantumMs) {
        this.endpoint = endpoint;
        this.parent = parent;
        this.maxPriority = maxPriority;
        this.priority = priority;
        this.quantumMs = quantumMs;
    }
}

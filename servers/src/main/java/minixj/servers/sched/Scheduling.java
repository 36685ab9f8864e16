package minixj.servers.sched;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SchedMsg;
import minixj.lib.sys.Sys;

/**
 * The scheduling policy (MINIX's schedule.c): the table of scheduled processes, by slot, and
 * what happens on start, inherit, stop, nice, out of quantum and the periodic rebalance.
 */
final class Scheduling {
    static final int NR_PROCS = Endpoint.NR_PROCS;
    static final int NR_SCHED_QUEUES = 16;
    /** The worst queue. */
    static final int MIN_USER_Q = NR_SCHED_QUEUES - 1;
    /** The queue and quantum of a process that is its own parent (init at boot). */
    static final int USER_Q = 7;
    static final int USER_QUANTUM_MS = 200;

    private final Trap trap;
    private final int ownEndpoint;
    private final SchedProcess[] table = new SchedProcess[NR_PROCS];

    Scheduling(Trap trap, int ownEndpoint) {
        this.trap = trap;
        this.ownEndpoint = ownEndpoint;
    }

    private static int slotOf(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        return slot >= 0 && slot < NR_PROCS ? slot : -1;
    }

    /** The entry for {@code endpoint}, or null if SCHED does not schedule it (MINIX's sched_isokendpt). */
    SchedProcess lookup(int endpoint) {
        int slot = slotOf(endpoint);
        if (slot < 0) return null;
        SchedProcess p = table[slot];
        return p != null && p.endpoint == endpoint ? p : null;
    }

    /**
     * SCHEDULING_START and SCHEDULING_INHERIT: take the process over, give it its first queue and
     * quantum, and tell the kernel. Returns the result for the requester.
     */
    int start(SchedMsg request, boolean inherit) {
        int endpoint = request.endpoint();
        int slot = slotOf(endpoint);
        if (slot < 0) return Errno.EINVAL;
        int maxPriority = request.maxPriority();
        if (maxPriority < 0 || maxPriority >= NR_SCHED_QUEUES) return Errno.EINVAL;
        SchedProcess p;
        if (request.parent() == endpoint) {
            p = new SchedProcess(endpoint, endpoint, maxPriority, USER_Q, USER_QUANTUM_MS);
        } else if (inherit) {
            SchedProcess parent = lookup(request.parent());
            if (parent == null) return Errno.EINVAL;
            p = new SchedProcess(endpoint, request.parent(), maxPriority, parent.priority, parent.quantumMs);
        } else {
            if (request.quantum() <= 0) return Errno.EINVAL;
            p = new SchedProcess(endpoint, request.parent(), maxPriority, maxPriority, request.quantum());
        }
        int r = Sys.schedctl(trap, 0, endpoint, 0, 0, 0);
        if (r != Errno.OK) return r;
        table[slot] = p;
        r = schedule(p);
        if (r != Errno.OK) {
            table[slot] = null;
            return r;
        }
        request.scheduler(ownEndpoint);
        return Errno.OK;
    }

    /** SCHEDULING_STOP: forget the process. */
    int stop(int endpoint) {
        SchedProcess p = lookup(endpoint);
        if (p == null) return Errno.EINVAL;
        table[slotOf(endpoint)] = null;
        return Errno.OK;
    }

    /** SCHEDULING_SET_NICE: new best queue, and the process moves there now; rolled back on error. */
    int setNice(int endpoint, int maxPriority) {
        SchedProcess p = lookup(endpoint);
        if (p == null) return Errno.EINVAL;
        if (maxPriority < 0 || maxPriority >= NR_SCHED_QUEUES) return Errno.EINVAL;
        int oldMax = p.maxPriority;
        int oldPriority = p.priority;
        p.maxPriority = maxPriority;
        p.priority = maxPriority;
        int r = schedule(p);
        if (r != Errno.OK) {
            p.maxPriority = oldMax;
            p.priority = oldPriority;
        }
        return r;
    }

    /** The kernel's out-of-quantum message: one queue worse (down to the last), same quantum. */
    int outOfQuantum(int endpoint) {
        SchedProcess p = lookup(endpoint);
        if (p == null) return Errno.EBADEPT;
        if (p.priority < MIN_USER_Q) p.priority++;
        return schedule(p);
    }

    /** The periodic rebalance: every demoted process climbs back one queue. */
    void balance() {
        for (SchedProcess p : table) {
            if (p != null && p.priority > p.maxPriority) {
                p.priority--;
                schedule(p);
            }
        }
    }

    private int schedule(SchedProcess p) {
        return Sys.schedule(trap, p.endpoint, p.priority, p.quantumMs, p.cpu, p.maxPriority > USER_Q ? 1 : 0);
    }
}

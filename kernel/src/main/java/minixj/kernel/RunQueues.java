package minixj.kernel;

import java.util.random.RandomGenerator;

/**
 * MINIX's 16 priority queues (0 is the most urgent), as intrusive doubly linked lists with a
 * bitmap of the non-empty ones, so queueing, dequeueing and picking cost a few instructions.
 * The running process stays at the head of its queue while it is runnable, as in MINIX, so
 * "pick the head of the best queue" keeps it running until it blocks or something more urgent
 * becomes runnable.
 */
final class RunQueues {
    static final int NR_SCHED_QUEUES = 16;
    static final int TASK_Q = 0;
    static final int MAX_USER_Q = 0;
    static final int USER_Q = 7;
    static final int MIN_USER_Q = NR_SCHED_QUEUES - 1;

    private final Proc[] heads = new Proc[NR_SCHED_QUEUES];
    private final Proc[] tails = new Proc[NR_SCHED_QUEUES];
    private final int[] sizes = new int[NR_SCHED_QUEUES];
    /** Bit q set iff queue q is not empty. */
    private int nonEmpty;

    void enqueueTail(Proc p) {
        int q = p.priority;
        p.nextReady = null;
        p.prevReady = tails[q];
        if (tails[q] == null) heads[q] = p; else tails[q].nextReady = p;
        tails[q] = p;
        sizes[q]++;
        nonEmpty |= 1 << q;
        p.queued = true;
        p.queuedIn = q;
    }

    void enqueueHead(Proc p) {
        int q = p.priority;
        p.prevReady = null;
        p.nextReady = heads[q];
        if (heads[q] == null) tails[q] = p; else heads[q].prevReady = p;
        heads[q] = p;
        sizes[q]++;
        nonEmpty |= 1 << q;
        p.queued = true;
        p.queuedIn = q;
    }

    void remove(Proc p) {
        if (!p.queued) return;
        int q = p.queuedIn;
        if (p.prevReady == null) heads[q] = p.nextReady; else p.prevReady.nextReady = p.nextReady;
        if (p.nextReady == null) tails[q] = p.prevReady; else p.nextReady.prevReady = p.prevReady;
        p.nextReady = p.prevReady = null;
        if (--sizes[q] == 0) nonEmpty &= ~(1 << q);
        p.queued = false;
    }

    /** Moves {@code p} to the tail of its queue. */
    void moveToTail(Proc p) {
        remove(p);
        enqueueTail(p);
    }

    /** MINIX's pick_proc: the head of the best non-empty queue, or null. */
    Proc pickHead() {
        return nonEmpty == 0 ? null : heads[Integer.numberOfTrailingZeros(nonEmpty)];
    }

    /** The best non-empty queue, with ties broken by {@code random}: deterministic mode's pick. */
    Proc pickRandom(RandomGenerator random) {
        if (nonEmpty == 0) return null;
        int q = Integer.numberOfTrailingZeros(nonEmpty);
        Proc p = heads[q];
        if (sizes[q] > 1) {
            for (int k = random.nextInt(sizes[q]); k > 0; k--) p = p.nextReady;
        }
        return p;
    }

    int size(int q) {
        return sizes[q];
    }

    /** The {@code i}-th process of queue {@code q} (for dumps). */
    Proc get(int q, int i) {
        Proc p = heads[q];
        for (int k = 0; k < i; k++) p = p.nextReady;
        return p;
    }
}

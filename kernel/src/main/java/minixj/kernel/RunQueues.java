package minixj.kernel;

import java.util.random.RandomGenerator;

/**
 * MINIX's 16 priority queues (0 is the most urgent). The running process stays at the head of
 * its queue while it is runnable, as in MINIX, so "pick the head of the best queue" keeps it
 * running until it blocks or something more urgent becomes runnable.
 */
final class RunQueues {
    static final int NR_SCHED_QUEUES = 16;
    static final int TASK_Q = 0;
    static final int MAX_USER_Q = 0;
    static final int USER_Q = 7;
    static final int MIN_USER_Q = NR_SCHED_QUEUES - 1;

    private final Proc[][] queues = new Proc[NR_SCHED_QUEUES][8];
    private final int[] sizes = new int[NR_SCHED_QUEUES];

    void enqueueTail(Proc p) {
        int q = p.priority;
        Proc[] a = grow(q);
        a[sizes[q]++] = p;
        p.queued = true;
    }

    void enqueueHead(Proc p) {
        int q = p.priority;
        Proc[] a = grow(q);
        System.arraycopy(a, 0, a, 1, sizes[q]);
        a[0] = p;
        sizes[q]++;
        p.queued = true;
    }

    void remove(Proc p) {
        if (!p.queued) return;
        int q = p.priority;
        Proc[] a = queues[q];
        int n = sizes[q];
        for (int i = 0; i < n; i++) {
            if (a[i] == p) {
                System.arraycopy(a, i + 1, a, i, n - i - 1);
                a[--sizes[q]] = null;
                p.queued = false;
                return;
            }
        }
        throw new IllegalStateException("process not in its run queue: " + p);
    }

    /** Moves {@code p} to the tail of its queue. */
    void moveToTail(Proc p) {
        remove(p);
        enqueueTail(p);
    }

    /** MINIX's pick_proc: the head of the best non-empty queue, or null. */
    Proc pickHead() {
        for (int q = 0; q < NR_SCHED_QUEUES; q++) {
            if (sizes[q] > 0) return queues[q][0];
        }
        return null;
    }

    /** The best non-empty queue, with ties broken by {@code random}: deterministic mode's pick. */
    Proc pickRandom(RandomGenerator random) {
        for (int q = 0; q < NR_SCHED_QUEUES; q++) {
            int n = sizes[q];
            if (n == 1) return queues[q][0];
            if (n > 1) return queues[q][random.nextInt(n)];
        }
        return null;
    }

    int size(int q) {
        return sizes[q];
    }

    Proc get(int q, int i) {
        return queues[q][i];
    }

    private Proc[] grow(int q) {
        Proc[] a = queues[q];
        if (sizes[q] == a.length) {
            a = java.util.Arrays.copyOf(a, a.length * 2);
            queues[q] = a;
        }
        return a;
    }
}

package minixj.kernel;

import minixj.lib.ipc.Endpoint;

/**
 * The process table: kernel tasks in slots -5..-1, user-space processes in 0..NR_PROCS-1.
 * Endpoints are checked here ({@link #byEndpoint}: MINIX's isokendpt).
 */
final class ProcTable {
    static final int NR_TASKS = Endpoint.NR_TASKS;
    static final int NR_PROCS = Endpoint.NR_PROCS;

    private final Proc[] procs = new Proc[NR_TASKS + NR_PROCS];

    ProcTable() {
        for (int i = 0; i < procs.length; i++) {
            procs[i] = new Proc(i - NR_TASKS);
        }
    }

    /** The slot's table entry; slot must be in -NR_TASKS..NR_PROCS-1. */
    Proc slot(int slot) {
        return procs[slot + NR_TASKS];
    }

    static boolean validSlot(int slot) {
        return slot >= -NR_TASKS && slot < NR_PROCS;
    }

    /** The live process with exactly this endpoint, or null (bad slot, free slot or stale generation). */
    Proc byEndpoint(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        if (!validSlot(slot)) return null;
        Proc p = procs[slot + NR_TASKS];
        if (p.isFree() || p.endpoint != endpoint) return null;
        return p;
    }

    /** The lowest free user slot at or above {@code from}, or null when the table is full. */
    Proc freeSlot(int from) {
        for (int s = Math.max(0, from); s < NR_PROCS; s++) {
            Proc p = procs[s + NR_TASKS];
            if (p.isFree()) return p;
        }
        return null;
    }

    int length() {
        return procs.length;
    }

    /** Entry by index 0..length-1 (tasks first). */
    Proc at(int index) {
        return procs[index];
    }
}

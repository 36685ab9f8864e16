package minixj.kernel;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;

/**
 * One slot of the process table (MINIX's {@code struct proc}). The object belongs to the slot
 * and is reused by every incarnation; the running program is a separate {@link ProcessContext},
 * so a slot swap (SYS_UPDATE) can move a program between slots.
 */
final class Proc {
    final int slot;
    int endpoint;
    int rts = RtsFlags.SLOT_FREE;
    int misc;
    Priv priv;
    String name = "";

    // Scheduling.
    int priority;
    long quantumNs;
    long cpuLeftNs;
    /** Endpoint of the user-space scheduler, or {@link Endpoint#NONE} when the kernel schedules it. */
    int scheduler = Endpoint.NONE;
    int cpu;
    /** In a run queue: which one, and the links. */
    boolean queued;
    int queuedIn;
    Proc nextReady;
    Proc prevReady;

    // IPC.
    Proc callerHead;
    Proc callerTail;
    Proc nextCaller;
    int sendTo = Endpoint.NONE;
    int getFrom = Endpoint.NONE;
    final Message sendMsg = new Message();
    /** The receive buffer of a process blocked in RECEIVE (the program's own message object). */
    Message recvBuf;
    int ipcResult;
    int ipcStatus;

    // Signals.
    final SigSet pending = new SigSet();
    /** Signal frames PM asked for (SYS_SIGSEND): {signal, handler id}, run at the next return to user. */
    final java.util.ArrayDeque<int[]> signalFrames = new java.util.ArrayDeque<>();
    /** Handlers running and not yet returned with SYS_SIGRETURN. */
    int activeFrames;

    // Accounting (MINIX's p_accounting and times).
    long userTicks;
    long sysTicks;
    long ipcSync;
    long ipcAsync;
    long dequeues;
    long preempted;
    long enqueuedAtTick;
    long timeInQueueTicks;

    // Virtual and profiling itimers, in ticks (0 = off).
    long virtualTimerTicks;
    long profTimerTicks;

    /** The running program, or null for kernel tasks and free slots. */
    ProcessContext ctx;
    /** Memory of the process (page table and accessor); null for tasks. */
    ProcSpace space;

    /** The slot has had an incarnation before (its next one gets a new generation). */
    boolean usedBefore;

    /** Kernel entries made by this slot's current program (for the watchdog). */
    long kernelEntries;

    Proc(int slot) {
        this.slot = slot;
        this.endpoint = slot; // generation 0
    }

    boolean isFree() {
        return (rts & RtsFlags.SLOT_FREE) != 0;
    }

    boolean isRunnable() {
        return rts == 0;
    }

    boolean isTask() {
        return slot < 0;
    }

    boolean has(int rtsFlag) {
        return (rts & rtsFlag) != 0;
    }

    int generation() {
        return Endpoint.generation(endpoint);
    }

    /** The endpoint this process is blocked on (MINIX's P_BLOCKEDON), or NONE. */
    int blockedOn() {
        if ((rts & RtsFlags.SENDING) != 0) return sendTo;
        if ((rts & RtsFlags.RECEIVING) != 0) return getFrom;
        return Endpoint.NONE;
    }

    @Override
    public String toString() {
        return name + "[slot " + slot + ", ep " + endpoint + ", " + RtsFlags.describe(rts) + "]";
    }
}

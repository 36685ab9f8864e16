package minixj.lib.ipc;

/**
 * The target of the load-time instrumentation: every program class calls {@link #poll()} at
 * method entry, at loop back-edges and at exception-handler entry.
 *
 * <p>This is how the kernel preempts a process at the end of its quantum and kills one that
 * never enters the kernel.
 */
public final class Poll {
    private Poll() {
    }

    /** Hands control to the kernel if it wants it; otherwise returns at once. */
    public static void poll() {
        if (Trap.CURRENT.isBound()) {
            Trap.CURRENT.get().poll();
        }
    }
}

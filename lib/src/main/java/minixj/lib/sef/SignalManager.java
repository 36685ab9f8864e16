package minixj.lib.sef;

/**
 * The signal-manager role: called for each pending signal of each process this service manages
 * (the kernel reports them with SIGKSIG; SEF fetches them with SYS_GETKSIG). After all signals of
 * a process were handled SEF ends them with SYS_ENDKSIG, which lets the process run again.
 *
 * <p>Returning {@code Errno.EDEADEPT} says "this process is gone" (e.g. the manager killed it):
 * SEF stops handling its signals and does not end them.
 */
@FunctionalInterface
public interface SignalManager {
    /** Handles {@code signal} of process {@code target}; OK, or EDEADEPT when the target is gone. */
    int signal(int target, int signal);
}

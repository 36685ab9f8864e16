package minixj.lib.ipc;

/**
 * Runs a process's signal handlers. The C library registers one with
 * {@link Trap#signalFrameHandler}; when PM has the kernel deliver a signal (SYS_SIGSEND), the
 * kernel calls it on the process's own thread as the process returns from its next kernel entry,
 * the Java counterpart of MINIX building a signal frame on the user stack.
 */
@FunctionalInterface
public interface SignalFrameHandler {
    /** Runs the handler registered as {@code handlerId} for {@code signal}. */
    void handle(int signal, int handlerId);
}

package minixj.lib.sef;

/**
 * Handles a signal of the service itself. System services get signals as events, never as
 * POSIX handlers: from their signal manager (RS forwards SIGTERM of {@code service down} as a
 * SIGS_SIGNAL_RECEIVED message), or from the kernel (kernel signals such as SIGKMESS, and any
 * signal when the service is its own signal manager). The default ignores every signal, as
 * MINIX's does: a service without a handler ignores SIGTERM and is killed two seconds after
 * {@code down}. A handler that wants the main loop to stop calls {@link Sef#cancel()}.
 */
@FunctionalInterface
public interface SignalHandler {
    /** Called once per signal. */
    void signal(int signal);
}

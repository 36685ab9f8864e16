package minixj.kernel;

/** What the kernel tells its machine about (called in kernel context; must not block). */
interface KernelEvents {
    void processExited(int endpoint, String name, int status);

    void processCrashed(int endpoint, String name, Throwable failure);

    /** Nothing is runnable and no timer is armed; {@code events} is the trace's event count. */
    void quiescent(long events);

    void halting(String reason);

    void panic(String message);

    void idleStopped();
}

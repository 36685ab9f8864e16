package minixj.kernel;

/**
 * Thrown inside a process that the kernel has killed. It is stackless and, because the
 * instrumentation polls at every exception-handler entry, a {@code catch} cannot swallow it:
 * the poll throws it again. Like SIGKILL, it skips the program's {@code finally} blocks.
 */
public final class ProcessKilled extends Error {
    ProcessKilled() {
        super("process killed", null, false, false);
    }
}

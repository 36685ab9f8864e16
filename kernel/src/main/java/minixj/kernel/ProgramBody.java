package minixj.kernel;

/**
 * The code a process runs: a loaded program's {@code main}, or (for tests and kernel-provided
 * processes) a lambda. It runs on the process's own thread with {@link minixj.lib.ipc.Trap#current()} bound.
 */
@FunctionalInterface
public interface ProgramBody {
    void run(String[] args) throws Throwable;
}

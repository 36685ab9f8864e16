package minixj.kernel;

/**
 * What the host can see of one process (for tests, dumps and tools).
 *
 * @param endpoint  its endpoint
 * @param name      its name (at most 15 characters)
 * @param priority  its run queue, 0..15
 * @param runState  its run-state flags, e.g. "RUNNABLE" or "RECEIVING"
 * @param userTicks clock ticks it has run
 * @param scheduler the endpoint of its user-space scheduler, or NONE when the kernel schedules it
 */
public record ProcessInfo(int endpoint, String name, int priority, String runState, long userTicks, int scheduler) {
}

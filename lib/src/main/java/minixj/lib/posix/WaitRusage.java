package minixj.lib.posix;

/** What {@link Posix#wait4(int, int)} returns: the wait's result and the collected child's resource usage (null if none was collected). */
public record WaitRusage(WaitStatus status, Rusage rusage) {
}

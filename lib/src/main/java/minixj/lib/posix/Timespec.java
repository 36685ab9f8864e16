package minixj.lib.posix;

/** A time in seconds and nanoseconds (struct timespec). */
public record Timespec(long sec, long nsec) {
    /** The time in nanoseconds. */
    public long nanos() { return sec * 1_000_000_000L + nsec; }
}

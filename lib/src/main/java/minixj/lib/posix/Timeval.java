package minixj.lib.posix;

/** A time in seconds and microseconds (struct timeval). */
public record Timeval(long sec, long usec) {
    public static final Timeval ZERO = new Timeval(0, 0);

    /** The time in microseconds. */
    public long micros() { return sec * 1_000_000L + usec; }
}

package minixj.lib.posix;

/**
 * An interval timer (struct itimerval): time to the next expiry ({@code value}, zero = disarmed)
 * and the period it is re-armed with after each expiry ({@code interval}, zero = once).
 */
public record Itimerval(Timeval value, Timeval interval) {
    /** A disarmed timer. */
    public static final Itimerval ZERO = new Itimerval(Timeval.ZERO, Timeval.ZERO);

    /** A timer of {@code valueSec}.{@code valueUsec} re-armed every {@code intervalSec}.{@code intervalUsec}. */
    public static Itimerval of(long valueSec, long valueUsec, long intervalSec, long intervalUsec) {
        return new Itimerval(new Timeval(valueSec, valueUsec), new Timeval(intervalSec, intervalUsec));
    }
}

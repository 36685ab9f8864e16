package minixj.kernel;

/** A kernel timer: fires its action once when the uptime reaches {@link #expiry}. */
final class ClockTimer {
    static final long NEVER = Long.MAX_VALUE;

    long expiry = NEVER;
    long sequence;       // tie-break among timers expiring at the same tick, for determinism
    Runnable action;

    boolean armed() {
        return expiry != NEVER;
    }
}

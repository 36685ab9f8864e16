package minixj.kernel;

import java.util.PriorityQueue;

/**
 * Time as the kernel sees it. Ticks ({@link #uptime}) drive timers and accounting; realtime (the
 * date) is a separate notion: boot time in seconds plus the ticks since. In real-time mode a host
 * thread produces ticks at HZ; in virtual mode time advances by kernel work ({@link #advance}) and
 * jumps forward when every process is idle ({@link #jumpToNextTimer}), so runs are reproducible.
 */
final class Clock {
    final int hz;
    final long tickNs;
    final boolean virtual;

    /** Ticks since boot (monotonic). */
    long uptime;
    /** Seconds since the epoch at boot (SYS_STIME changes it). */
    long bootTimeSeconds;
    /** Offset added to realtime by SYS_SETTIME, in ticks. */
    long realtimeOffsetTicks;

    /** Virtual nanoseconds since boot (virtual mode only). */
    long virtualNs;
    private long nextTickNs;

    private long timerSequence;
    private final PriorityQueue<ClockTimer> timers = new PriorityQueue<>((a, b) -> a.expiry != b.expiry
            ? Long.compare(a.expiry, b.expiry) : Long.compare(a.sequence, b.sequence));

    Clock(int hz, boolean virtual, long bootTimeSeconds) {
        this.hz = hz;
        this.tickNs = 1_000_000_000L / hz;
        this.virtual = virtual;
        this.bootTimeSeconds = bootTimeSeconds;
        this.nextTickNs = tickNs;
    }

    /** Advances virtual time by {@code ns}; returns how many tick boundaries were crossed. */
    int advance(long ns) {
        virtualNs += ns;
        if (virtualNs < nextTickNs) return 0;
        int ticks = 0;
        while (virtualNs >= nextTickNs) {
            nextTickNs += tickNs;
            ticks++;
        }
        return ticks;
    }

    /**
     * Virtual mode, nothing runnable: moves time to the tick of the earliest timer. Returns the
     * number of ticks to process, or 0 if no timer is armed.
     */
    int jumpToNextTimer() {
        ClockTimer first = timers.peek();
        if (first == null) return 0;
        long ticks = Math.max(1, first.expiry - uptime);
        virtualNs = nextTickNs + (ticks - 1) * tickNs;
        nextTickNs = virtualNs + tickNs;
        return (int) Math.min(ticks, Integer.MAX_VALUE);
    }

    void set(ClockTimer timer, long expiry, Runnable action) {
        if (timer.armed()) timers.remove(timer);
        timer.expiry = expiry;
        timer.sequence = timerSequence++;
        timer.action = action;
        timers.add(timer);
    }

    void cancel(ClockTimer timer) {
        if (timer.armed()) timers.remove(timer);
        timer.expiry = ClockTimer.NEVER;
        timer.action = null;
    }

    /** Runs the timers that expired at the current uptime. */
    void runExpired() {
        ClockTimer t;
        while ((t = timers.peek()) != null && t.expiry <= uptime) {
            timers.poll();
            Runnable action = t.action;
            t.expiry = ClockTimer.NEVER;
            t.action = null;
            if (action != null) action.run();
        }
    }

    boolean hasTimers() {
        return !timers.isEmpty();
    }

    /** Realtime in ticks since the epoch. */
    long realtimeTicks() {
        return bootTimeSeconds * hz + uptime + realtimeOffsetTicks;
    }

    /** Monotonic nanoseconds since boot, for clock_gettime(CLOCK_MONOTONIC). */
    long monotonicNs() {
        return virtual ? virtualNs : uptime * tickNs;
    }
}

package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.ipc.layout.SysVtimerMsg;
import minixj.lib.sys.Sys;
import minixj.lib.sys.Vtimer;

/**
 * Interval timers (MINIX's alarm.c). ITIMER_REAL (and so alarm) runs on PM's own per-process
 * timers, multiplexed over PM's one SYS_SETALARM; expiry is SIGALRM. ITIMER_VIRTUAL and
 * ITIMER_PROF count CPU ticks in the kernel (SYS_VTIMER), which raises SIGVTALRM/SIGPROF; PM
 * then re-arms them with their interval. Values are microseconds, rounded up to whole ticks.
 * One more PM-internal deadline serves REBOOT's grace period.
 */
final class Timers {
    private static final long US = 1_000_000L;

    private final Trap trap;
    private final ProcessTable table;
    private final PmSignals signals;
    private final long hz;
    /** Largest seconds a timer accepts (MINIX's MAX_SECS: the ticks must fit a 32-bit clock_t). */
    private final long maxSeconds;
    private long systemDeadline = Long.MAX_VALUE;
    private Runnable systemAction;

    Timers(Trap trap, ProcessTable table, PmSignals signals) {
        this.trap = trap;
        this.table = table;
        this.signals = signals;
        this.hz = Sys.getHz(trap);
        this.maxSeconds = Integer.MAX_VALUE / hz;
    }

    /** PM_ITIMER: set and/or get one of the caller's three timers. */
    int itimer(MProc p, PmTimeMsg req) {
        int which = req.which();
        if (which < PmTimeMsg.ITIMER_REAL || which > PmTimeMsg.ITIMER_PROF) return Errno.EINVAL;
        boolean set = (req.flags() & PmTimeMsg.ITIMER_SET) != 0;
        boolean get = (req.flags() & PmTimeMsg.ITIMER_GET) != 0;
        if (!set && !get) return Errno.EINVAL;
        long valueTicks = 0;
        long intervalTicks = 0;
        if (set) {
            if (!sane(req.seconds(), req.fraction()) || !sane(req.intervalSeconds(), req.intervalFraction())) {
                return Errno.EINVAL;
            }
            valueTicks = ticks(req.seconds(), req.fraction());
            intervalTicks = valueTicks > 0 ? ticks(req.intervalSeconds(), req.intervalFraction()) : 0;
        }
        long oldValue;
        long oldInterval = p.itimerIntervals[which];
        if (which == PmTimeMsg.ITIMER_REAL) {
            oldValue = realLeft(p);
            if (set) {
                setReal(p, valueTicks);
                p.itimerIntervals[which] = intervalTicks;
            }
        } else {
            if (set) p.itimerIntervals[which] = intervalTicks;
            Vtimer v = Sys.vtimer(trap, p.endpoint, kernelTimer(which), set, valueTicks);
            if (v.result() != Errno.OK) return v.result();
            // Expired but not re-armed yet: the next period is what is left.
            oldValue = v.oldTicks() > 0 ? v.oldTicks() : oldInterval;
        }
        if (get) {
            req.seconds(oldValue / hz).fraction((oldValue % hz) * US / hz)
                    .intervalSeconds(oldInterval / hz).intervalFraction((oldInterval % hz) * US / hz);
        }
        return Errno.OK;
    }

    /** SIGVTALRM/SIGPROF from the kernel: the timer restarts with its interval, if it has one. */
    void virtualExpired(MProc p, int sig) {
        int which = sig == Signals.SIGVTALRM ? PmTimeMsg.ITIMER_VIRTUAL : PmTimeMsg.ITIMER_PROF;
        long interval = p.itimerIntervals[which];
        if (interval > 0) Sys.vtimer(trap, p.endpoint, kernelTimer(which), true, interval);
    }

    /** The process ends: its real timer goes (the kernel's virtual timers go with its slot). */
    void cancelReal(MProc p) {
        if (!p.is(MProc.ALARM_ON)) return;
        p.flags &= ~MProc.ALARM_ON;
        rearm();
    }

    /** Runs {@code action} once after {@code ticks} (REBOOT's grace period). */
    void systemDeadline(long ticks, Runnable action) {
        systemDeadline = uptime() + Math.max(1, ticks);
        systemAction = action;
        rearm();
    }

    /** A notify from CLOCK: expired real timers become SIGALRM (and restart with their interval). */
    void expired() {
        long now = uptime();
        for (MProc p : table.all()) {
            if (!p.inUse() || p.is(MProc.ZOMBIE) || !p.is(MProc.ALARM_ON) || p.alarmAt > now) continue;
            long interval = p.itimerIntervals[PmTimeMsg.ITIMER_REAL];
            if (interval > 0) p.alarmAt = now + interval;
            else p.flags &= ~MProc.ALARM_ON;
            signals.signal(p, Signals.SIGALRM, false);
        }
        if (systemDeadline <= now) {
            Runnable action = systemAction;
            systemDeadline = Long.MAX_VALUE;
            systemAction = null;
            if (action != null) action.run();
        }
        rearm();
    }

    /** Ticks left on the real timer: its interval if it expired but the signal is not out yet. */
    private long realLeft(MProc p) {
        if (!p.is(MProc.ALARM_ON)) return 0;
        long left = p.alarmAt - uptime();
        return left > 0 ? left : p.itimerIntervals[PmTimeMsg.ITIMER_REAL];
    }

    private void setReal(MProc p, long ticks) {
        if (ticks > 0) {
            p.alarmAt = uptime() + ticks;
            p.flags |= MProc.ALARM_ON;
        } else {
            p.flags &= ~MProc.ALARM_ON;
        }
        rearm();
    }

    /** PM's one kernel alarm goes to the earliest of its timers. */
    private void rearm() {
        long next = systemDeadline;
        for (MProc p : table.all()) {
            if (p.inUse() && p.is(MProc.ALARM_ON)) next = Math.min(next, p.alarmAt);
        }
        if (next == Long.MAX_VALUE) Sys.setalarm(trap, 0, false);
        else Sys.setalarm(trap, Math.max(next, uptime() + 1), true);
    }

    private boolean sane(long seconds, long micros) {
        return seconds >= 0 && seconds <= maxSeconds && micros >= 0 && micros < US;
    }

    /** MINIX's ticks_from_timeval: always rounds up, capped at the largest clock_t. */
    private long ticks(long seconds, long micros) {
        long t = hz * seconds + (hz * micros + US - 1) / US;
        return Math.min(t, Integer.MAX_VALUE);
    }

    private static int kernelTimer(int which) {
        return which == PmTimeMsg.ITIMER_VIRTUAL ? SysVtimerMsg.VT_VIRTUAL : SysVtimerMsg.VT_PROF;
    }

    private long uptime() {
        return Sys.times(trap, Endpoint.NONE).uptime();
    }
}

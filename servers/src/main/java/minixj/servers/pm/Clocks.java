package minixj.servers.pm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.sys.Sys;
import minixj.lib.sys.Times;

/**
 * The clock calls (MINIX's time.c): CLOCK_GETRES, CLOCK_GETTIME, CLOCK_SETTIME, GETTIMEOFDAY,
 * STIME. Both clocks tick at the kernel's HZ: CLOCK_REALTIME is the kernel's realtime (ticks
 * since the epoch), CLOCK_MONOTONIC its uptime (ticks since boot). Setting the time takes root.
 */
final class Clocks {
    private static final long NS = 1_000_000_000L;

    private final Trap trap;
    private final long hz;

    Clocks(Trap trap) {
        this.trap = trap;
        this.hz = Sys.getHz(trap);
    }

    int call(MProc p, int call, PmTimeMsg req) {
        return switch (call) {
            case PmMsg.PM_CLOCK_GETRES -> getres(req);
            case PmMsg.PM_CLOCK_GETTIME -> gettime(req);
            case PmMsg.PM_CLOCK_SETTIME -> settime(p, req);
            case PmMsg.PM_GETTIMEOFDAY -> gettimeofday(req);
            default -> stime(p, req);
        };
    }

    private int getres(PmTimeMsg req) {
        if (!known(req.which())) return Errno.EINVAL;
        req.seconds(0).fraction(NS / hz);
        return Errno.OK;
    }

    private int gettime(PmTimeMsg req) {
        if (!known(req.which())) return Errno.EINVAL;
        Times t = Sys.times(trap, Endpoint.NONE);
        long ticks = req.which() == PmTimeMsg.CLOCK_REALTIME ? t.realtime() : t.uptime();
        req.seconds(ticks / hz).fraction((ticks % hz) * NS / hz);
        return Errno.OK;
    }

    /** Only CLOCK_REALTIME can be set (the monotonic clock never jumps). */
    private int settime(MProc p, PmTimeMsg req) {
        if (p.effUid != Ids.SUPER_USER) return Errno.EPERM;
        if (req.which() != PmTimeMsg.CLOCK_REALTIME) return Errno.EINVAL;
        long sec = req.seconds();
        long nsec = req.fraction();
        if (sec < 0 || sec > Long.MAX_VALUE / hz - 1 || nsec < 0 || nsec >= NS) return Errno.EINVAL;
        return Sys.settime(trap, true, sec * hz + nsec * hz / NS);
    }

    private int gettimeofday(PmTimeMsg req) {
        long ticks = Sys.times(trap, Endpoint.NONE).realtime();
        req.seconds(ticks / hz).fraction((ticks % hz) * 1_000_000L / hz);
        return Errno.OK;
    }

    /** STIME: the date becomes {@code seconds}; the kernel keeps it as a new boot time. */
    private int stime(MProc p, PmTimeMsg req) {
        if (p.effUid != Ids.SUPER_USER) return Errno.EPERM;
        Times t = Sys.times(trap, Endpoint.NONE);
        long sinceBoot = Math.floorDiv(t.realtime() - t.bootTime() * hz, hz); // negative after a date before boot
        return Sys.stime(trap, req.seconds() - sinceBoot);
    }

    private static boolean known(int clock) {
        return clock == PmTimeMsg.CLOCK_REALTIME || clock == PmTimeMsg.CLOCK_MONOTONIC;
    }
}

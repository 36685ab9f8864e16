package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.layout.SysSetalarmMsg;
import minixj.lib.ipc.layout.SysSettimeMsg;
import minixj.lib.ipc.layout.SysTimesMsg;
import minixj.lib.ipc.layout.SysVtimerMsg;

/** Clock kernel calls: alarms, times, setting the date, itimers. */
final class DoClock {
    /** TMR_NEVER in replies: no alarm was set. */
    static final long TMR_NEVER = Long.MAX_VALUE;

    private final Kernel kernel;

    DoClock(Kernel kernel) {
        this.kernel = kernel;
    }

    /**
     * SYS_SETALARM: one synchronous alarm per system process; returns the ticks left on the old
     * one (TMR_NEVER if none) and the uptime. Relative 0 cancels. Expiry is a notify from CLOCK.
     */
    int setalarm(Proc caller, Message m) {
        SysSetalarmMsg req = new SysSetalarmMsg(m);
        Priv priv = caller.priv;
        if (priv == null || priv.id == PrivFlags.USER_PRIV_ID) return EPERM;
        Clock clock = kernel.clock;
        ClockTimer timer = priv.alarmTimer;
        long left = timer.armed() ? Math.max(0, timer.expiry - clock.uptime) : TMR_NEVER;
        long expiry = req.expiry();
        boolean absolute = req.absolute() != 0;
        req.timeLeft(left).uptime(clock.uptime);
        if (expiry == 0) { // 0 cancels, relative or absolute
            clock.cancel(timer);
            return OK;
        }
        if (expiry < 0) return EINVAL;
        long at = absolute ? expiry : clock.uptime + expiry;
        int endpoint = caller.endpoint;
        clock.set(timer, at, () -> kernel.ipc.notify(kernel.procs.slot(Endpoint.CLOCK), endpoint));
        return OK;
    }

    /** SYS_TIMES: accounting of one process (or just the clock when the endpoint is NONE). */
    int times(Proc caller, Message m) {
        SysTimesMsg req = new SysTimesMsg(m);
        int ep = req.endpoint();
        if (ep != Endpoint.NONE) {
            Proc p = kernel.procs.byEndpoint(ep == Endpoint.SELF ? caller.endpoint : ep);
            if (p == null) return EINVAL;
            req.userTicks(p.userTicks).systemTicks(p.sysTicks);
        }
        Clock clock = kernel.clock;
        req.uptime(clock.uptime).bootTime(clock.bootTimeSeconds).realtime(clock.realtimeTicks())
                .monotonicNs(clock.monotonicNs());
        return OK;
    }

    /** SYS_STIME: set the boot time (seconds since the epoch). */
    int stime(Proc caller, Message m) {
        long seconds = new SysSettimeMsg(m).value();
        if (seconds < 0) return EINVAL;
        kernel.clock.bootTimeSeconds = seconds;
        return OK;
    }

    /** SYS_SETTIME: set realtime to the given ticks since the epoch (absolute) or adjust it by a delta. */
    int settime(Proc caller, Message m) {
        SysSettimeMsg req = new SysSettimeMsg(m);
        boolean absolute = req.absolute() != 0;
        long value = req.value();
        Clock clock = kernel.clock;
        if (absolute) {
            clock.realtimeOffsetTicks = value - (clock.bootTimeSeconds * clock.hz + clock.uptime);
        } else {
            clock.realtimeOffsetTicks += value;
        }
        return OK;
    }

    /** SYS_VTIMER: set or read ITIMER_VIRTUAL / ITIMER_PROF, in ticks. */
    int vtimer(Proc caller, Message m) {
        SysVtimerMsg req = new SysVtimerMsg(m);
        Proc p = kernel.procs.byEndpoint(req.endpoint());
        if (p == null || p.isTask()) return EINVAL;
        boolean virtual = req.which() == SysVtimerMsg.VT_VIRTUAL;
        if (!virtual && req.which() != SysVtimerMsg.VT_PROF) return EINVAL;
        int flag = virtual ? MiscFlags.VIRT_TIMER : MiscFlags.PROF_TIMER;
        long old = (p.misc & flag) == 0 ? 0 : (virtual ? p.virtualTimerTicks : p.profTimerTicks);
        req.oldValue(old);
        if (req.set() != 0) {
            long v = req.value();
            if (v < 0) return EINVAL;
            if (virtual) p.virtualTimerTicks = v; else p.profTimerTicks = v;
            if (v > 0) p.misc |= flag; else p.misc &= ~flag;
        }
        return OK;
    }

}

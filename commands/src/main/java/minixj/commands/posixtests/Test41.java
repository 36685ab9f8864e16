package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.posix.Itimerval;
import minixj.lib.posix.Posix;
import minixj.lib.posix.SigAction;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test41: getitimer/setitimer for ITIMER_REAL, ITIMER_VIRTUAL and ITIMER_PROF: bad
 * timers, what is set is read back (rounded to ticks), bad values, a zero value clears the
 * interval, timers that fire (and stop firing), alarm as ITIMER_REAL, fork resets timers. Where
 * MINIX execs itself to see a timer survive exec, a child here lets its timer fire with the
 * default action and must die of the timer's signal (exec comes with VFS).
 */
final class Test41 {
    private static final int ITERATIONS = 1;

    private final Common t;
    private final Posix px;
    private final long hz;
    private int timer;
    private volatile int signals;

    private Test41(Common t) {
        this.t = t;
        this.px = t.px;
        this.hz = 1_000_000_000L / px.clockGetres(PmTimeMsg.CLOCK_MONOTONIC).nsec();
    }

    static void run(Common t, String[] args) {
        Test41 test = new Test41(t);
        for (int i = 0; i < ITERATIONS; i++) {
            for (int which = PmTimeMsg.ITIMER_REAL; which <= PmTimeMsg.ITIMER_PROF; which++) test.all(which);
        }
    }

    private void all(int which) {
        timer = which;
        badWhich();
        getSet();
        negativeAndLarge();
        zero();
        firing();
        alarmInteraction();
        forkResets();
        defaultActionKills();
    }

    private void err(int n) {
        t.e(n, "timer " + switch (timer) {
            case PmTimeMsg.ITIMER_REAL -> "REAL";
            case PmTimeMsg.ITIMER_VIRTUAL -> "VIRTUAL";
            default -> "PROF";
        });
    }

    /** The signal of each timer. */
    private static int signalOf(int which) {
        return switch (which) {
            case PmTimeMsg.ITIMER_REAL -> Signals.SIGALRM;
            case PmTimeMsg.ITIMER_VIRTUAL -> Signals.SIGVTALRM;
            default -> Signals.SIGPROF;
        };
    }

    /** A microsecond value within one tick of {@code expected} (values are rounded to ticks). */
    private boolean equalUsec(long actual, long expected) {
        long tick = 1_000_000L / hz;
        return actual <= expected + tick && actual >= expected - tick;
    }

    private boolean equal(Itimerval it, long vs, long vu, long is, long iu) {
        return it.value().sec() == vs && equalUsec(it.value().usec(), vu) && it.interval().sec() == is
                && it.interval().usec() == iu;
    }

    /** Running, at most the value set, and with the interval set. */
    private boolean atMost(Itimerval it, long vs, long vu, long is, long iu) {
        long tick = 1_000_000L / hz;
        return it.value().sec() > 0
                && (it.value().sec() < vs || (it.value().sec() == vs && it.value().usec() <= vu + tick))
                && it.interval().sec() == is && equalUsec(it.interval().usec(), iu);
    }

    /** Subtest 0: timers other than the three are EINVAL. */
    private void badWhich() {
        t.subtest(0);
        if (Common.errno(() -> px.getitimer(-1)) != Errno.EINVAL) err(1);
        if (Common.errno(() -> px.getitimer(timer)) != 0) err(2);
        if (Common.errno(() -> px.getitimer(3)) != Errno.EINVAL) err(3);
    }

    /** Subtest 1: what is set comes back, no more than set. */
    private void getSet() {
        t.subtest(1);
        Itimerval it = px.getitimer(timer);
        if (!equal(it, 0, 0, 0, 0)) err(2);
        Itimerval old = px.setitimer(timer, it);
        px.setitimer(timer, old);
        if (!equal(old, 0, 0, 0, 0)) err(5);
        px.setitimer(timer, Itimerval.of(123, 0, 456, 0));
        old = px.setitimer(timer, Itimerval.of(987, 0, 654, 0));
        if (!atMost(old, 123, 0, 456, 0)) err(8);
        if (!atMost(px.getitimer(timer), 987, 0, 654, 0)) err(10);
        old = px.setitimer(timer, Itimerval.ZERO);
        if (!atMost(old, 987, 0, 654, 0)) err(12);
        if (!equal(px.getitimer(timer), 0, 0, 0, 0)) err(14);
    }

    /** Subtest 2: negative and too large values are EINVAL and leave the timer alone. */
    private void negativeAndLarge() {
        t.subtest(2);
        px.setitimer(timer, Itimerval.of(4, 0, 5, 0));
        long[][] bad = {{1_000_000_000, 0, 0, 0}, {0, 1_000_000, 0, 0}, {0, 0, 0, 1_000_000}, {-1, 0, 0, 0},
                {0, -1, 0, 0}, {0, 0, -1, 0}, {0, 0, 0, -1}};
        for (int i = 0; i < bad.length; i++) {
            long[] b = bad[i];
            if (Common.errno(() -> px.setitimer(timer, Itimerval.of(b[0], b[1], b[2], b[3]))) != Errno.EINVAL) {
                err(2 + i);
            }
        }
        if (!atMost(px.getitimer(timer), 4, 0, 5, 0)) err(10);
        px.setitimer(timer, Itimerval.ZERO);
    }

    /** Subtest 3: a zero value disarms, and the interval goes with it. */
    private void zero() {
        t.subtest(3);
        px.setitimer(timer, Itimerval.of(0, 0, 1, 1));
        if (!equal(px.getitimer(timer), 0, 0, 0, 0)) err(3);
    }

    /** Subtest 4: the timer fires repeatedly with an interval, once without, never when disarmed. */
    private void firing() {
        t.subtest(4);
        px.sigaction(signalOf(timer), SigAction.handle(this::gotSignal, new SigSet(), 0));
        px.setitimer(timer, Itimerval.of(0, 100_000, 0, 100_000));
        signals = 0;
        busyWait(1000);
        px.setitimer(timer, Itimerval.ZERO);
        if (signals < 2) err(4);
        if (signals > hz * 2) err(5);
        if (timer == PmTimeMsg.ITIMER_REAL) { // only the real timer can be checked against the clock
            px.setitimer(timer, Itimerval.of(1, 0, 0, 0));
            signals = 0;
            busyWait(1500);
            px.setitimer(timer, Itimerval.ZERO);
            if (signals != 1) err(8);
        }
        signals = 0;
        busyWait(1000);
        if (signals != 0) err(9);
        px.sigdefault(signalOf(timer));
    }

    /** Subtest 5: alarm is ITIMER_REAL without an interval. */
    private void alarmInteraction() {
        if (timer != PmTimeMsg.ITIMER_REAL) return;
        t.subtest(5);
        px.sigaction(Signals.SIGALRM, SigAction.handle(this::gotSignal, new SigSet(), 0));
        px.setitimer(timer, Itimerval.of(3, 0, 1, 0));
        if (px.alarm(2) != 3) err(3);
        if (!atMost(px.getitimer(timer), 2, 0, 0, 0)) err(5);
        signals = 0;
        busyWait(5000);
        if (signals != 1) err(6);
        if (!equal(px.getitimer(timer), 0, 0, 0, 0)) err(8);
        px.sigdefault(Signals.SIGALRM);
    }

    /** Subtest 6: a forked child starts with no timers; the parent's stays. */
    private void forkResets() {
        t.subtest(6);
        px.setitimer(timer, Itimerval.of(12, 34, 56, 78));
        int child = px.fork(ForkChild.class.getName(), String.valueOf(timer));
        WaitStatus w = px.waitAny();
        if (w.pid() != child) err(3);
        if (!w.exited()) err(4);
        if (w.exitStatus() != 0) err(w.exitStatus());
        Itimerval old = px.setitimer(timer, Itimerval.ZERO);
        if (!atMost(old, 12, 34, 56, 78)) err(8);
    }

    /** Child of subtest 6. */
    public static final class ForkChild {
        private ForkChild() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            Itimerval it = px.getitimer(Integer.parseInt(args[0]));
            px.exit(it.value().sec() == 0 && it.value().usec() == 0 && it.interval().sec() == 0
                    && it.interval().usec() == 0 ? 0 : 6);
        }
    }

    /** Subtest 7: with the default action the timer's signal ends the process. */
    private void defaultActionKills() {
        t.subtest(7);
        int child = px.fork(Victim.class.getName(), String.valueOf(timer));
        WaitStatus w = px.waitpid(child, 0);
        if (w.pid() != child) err(4);
        if (w.signaled()) {
            if (w.termSig() != signalOf(timer)) err(5);
        } else {
            err(w.exited() ? 10 + w.exitStatus() : 6);
        }
    }

    /** Child of subtest 7: arms its timer, then spins; it should not live to exit. */
    public static final class Victim {
        private Victim() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int which = Integer.parseInt(args[0]);
            px.setitimer(which, Itimerval.of(0, 300_000, 0, 100_000));
            spin(px, 60_000);
            px.exit(3);
        }
    }

    private void gotSignal(int sig) {
        if (sig != signalOf(timer)) t.e(1001);
        signals++;
    }

    private void busyWait(long millis) {
        spin(px, millis);
    }

    /** Computes (using CPU, so the virtual timers run) until {@code millis} of monotonic time passed. */
    static void spin(Posix px, long millis) {
        long end = px.clockGettime(PmTimeMsg.CLOCK_MONOTONIC).nanos() + millis * 1_000_000L;
        long sink = 0;
        while (px.clockGettime(PmTimeMsg.CLOCK_MONOTONIC).nanos() < end) {
            for (int i = 0; i < 100_000; i++) sink += i ^ sink;
        }
        if (sink == 42) px.getpid(); // keeps the loop's work observable
    }
}

package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmSigactionMsg;
import minixj.lib.posix.Posix;
import minixj.lib.posix.SigAction;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test37: signal sets, sigaction (flags, masks, the old action), sigprocmask,
 * sigpending, sigsuspend, nested handlers. Where MINIX's children sleep before they signal the
 * parent, the parent here blocks the signals before it forks, which needs no timing: the
 * signals wait as pending until sigsuspend lets them in. A forked child starts anew in Java, so
 * it re-installs the handlers it needs (PM keeps the dispositions, as the child checks).
 */
final class Test37 {
    private static final int ITERATIONS = 2;

    private final Common t;
    private final Posix px;
    private volatile int x;
    private volatile int y;
    private volatile int z;
    private volatile SigSet maskInHandler;

    private Test37(Common t) {
        this.t = t;
        this.px = t.px;
    }

    static void run(Common t, String[] args) {
        Test37 test = new Test37(t);
        for (int i = 0; i < ITERATIONS; i++) {
            test.sets();
            test.masksAndActions();
            test.oldActionsAndFork();
            test.nested();
            test.maskDuringHandler();
            test.suspend();
            test.suspendKeepsBlocked();
            test.suspendThreeSignals();
            test.unblockDelivers();
            test.alarmLeavesBlockedPending();
            test.resetHand();
        }
    }

    private static SigSet set(int... sigs) {
        SigSet s = new SigSet();
        for (int sig : sigs) s.add(sig);
        return s;
    }

    /** Subtest 1: signal set management. */
    private void sets() {
        t.subtest(1);
        clearSignalState();
        SigSet s = new SigSet();
        int[] sigs = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGILL, Signals.SIGTRAP,
                Signals.SIGABRT, Signals.SIGFPE, Signals.SIGKILL, Signals.SIGUSR1, Signals.SIGSEGV, Signals.SIGUSR2,
                Signals.SIGPIPE, Signals.SIGALRM, Signals.SIGTERM, Signals.SIGPWR};
        for (int sig : sigs) t.check(2, !s.contains(sig));
        SigSet full = Posix.sigfillset();
        for (int sig : sigs) t.check(22, full.contains(sig));
        t.check(23, !full.contains(0) && !full.contains(Signals.NSIG + 1));
        s.add(Signals.SIGHUP).add(Signals.SIGINT).add(Signals.SIGQUIT).add(Signals.SIGILL).add(Signals.SIGTRAP)
                .add(Signals.SIGPWR);
        for (int sig : sigs) {
            boolean on = sig == Signals.SIGHUP || sig == Signals.SIGINT || sig == Signals.SIGQUIT
                    || sig == Signals.SIGILL || sig == Signals.SIGTRAP || sig == Signals.SIGPWR;
            t.check(45, s.contains(sig) == on);
        }
        s.remove(Signals.SIGHUP).remove(Signals.SIGINT).remove(Signals.SIGQUIT).remove(Signals.SIGILL)
                .remove(Signals.SIGTRAP).remove(Signals.SIGPWR);
        t.check(67, s.isEmpty());
    }

    /** Subtest 2: sigaction's old action, sigprocmask's old mask, sigpending. */
    private void masksAndActions() {
        t.subtest(2);
        clearSignalState();
        SigSet empty = new SigSet();
        SigSet ill = set(Signals.SIGILL);
        SigSet illPipe = set(Signals.SIGILL, Signals.SIGPIPE);
        SigSet full = Posix.sigfillset();
        SigSet noKillStop = Posix.sigfillset().remove(Signals.SIGKILL).remove(Signals.SIGSTOP);

        // Bad signal numbers; a null action only reads.
        t.check(1, Common.errno(() -> px.sigaction(0, SigAction.defaults())) == Errno.EINVAL);
        t.check(2, Common.errno(() -> px.sigaction(Signals.NSIG + 1, (SigAction) null)) == Errno.EINVAL);
        t.check(3, px.sigaction(Signals.SIGHUP, (SigAction) null).disposition() == SigAction.Disposition.DEFAULT);

        java.util.function.IntConsumer func1 = s -> x++;
        java.util.function.IntConsumer func2 = s -> y++;
        SigAction old = px.sigaction(Signals.SIGHUP,
                SigAction.handle(func1, ill, PmSigactionMsg.SA_NODEFER | PmSigactionMsg.SA_NOCLDSTOP));
        t.check(10, old.disposition() == SigAction.Disposition.DEFAULT);
        t.check(11, old.mask().equals(empty));
        t.check(12, old.flags() == 0);
        old = px.sigaction(Signals.SIGHUP,
                SigAction.handle(func2, illPipe, PmSigactionMsg.SA_RESETHAND | PmSigactionMsg.SA_NODEFER));
        t.check(14, old.disposition() == SigAction.Disposition.CATCH && old.handler() == func1);
        t.check(15, old.mask().equals(ill));
        t.check(16, old.flags() == (PmSigactionMsg.SA_NODEFER | PmSigactionMsg.SA_NOCLDSTOP));
        old = px.sigaction(Signals.SIGHUP, SigAction.defaults());
        t.check(18, old.handler() == func2);
        t.check(19, old.mask().equals(illPipe));
        t.check(20, old.flags() == (PmSigactionMsg.SA_RESETHAND | PmSigactionMsg.SA_NODEFER));

        // SIG_SETMASK: KILL and STOP never get blocked.
        px.sigprocmask(PmMsg.SIG_SETMASK, full);
        t.check(21, px.sigprocmask(PmMsg.SIG_SETMASK, empty).equals(noKillStop));
        t.check(23, px.sigprocmask(PmMsg.SIG_SETMASK, ill).equals(empty));
        t.check(25, px.sigprocmask(PmMsg.SIG_SETMASK, illPipe).equals(ill));
        t.check(27, px.sigprocmask(PmMsg.SIG_SETMASK, full).equals(illPipe));
        // SIG_UNBLOCK.
        t.check(29, px.sigprocmask(PmMsg.SIG_UNBLOCK, ill).equals(noKillStop));
        SigSet expect = Posix.sigfillset().remove(Signals.SIGKILL).remove(Signals.SIGSTOP).remove(Signals.SIGILL);
        t.check(32, px.sigprocmask(PmMsg.SIG_UNBLOCK, illPipe).equals(expect));
        expect.remove(Signals.SIGPIPE);
        t.check(36, px.sigprocmask(PmMsg.SIG_UNBLOCK, empty).equals(expect));
        t.check(38, px.sigprocmask(PmMsg.SIG_SETMASK, empty).equals(expect));
        // SIG_BLOCK.
        t.check(40, px.sigprocmask(PmMsg.SIG_BLOCK, ill).equals(empty));
        t.check(42, px.sigprocmask(PmMsg.SIG_BLOCK, illPipe).equals(ill));
        t.check(44, px.sigprocmask(PmMsg.SIG_SETMASK, full).equals(illPipe));
        // A bad how fails and changes nothing; a null set only reads, whatever the how.
        t.check(46, Common.errno(() -> px.sigprocmask(20000, full)) == Errno.EINVAL);
        t.check(48, px.sigprocmask(PmMsg.SIG_SETMASK, full).equals(noKillStop));
        t.check(50, px.sigprocmask(PmMsg.SIG_SETMASK, null).equals(noKillStop));
        t.check(52, px.sigprocmask(PmMsg.SIG_SETMASK, illPipe).equals(noKillStop));
        t.check(54, px.sigprocmask(PmMsg.SIG_SETMASK, null).equals(illPipe));
        t.check(56, px.sigprocmask(PmMsg.SIG_BLOCK, null).equals(illPipe));
        t.check(58, px.sigprocmask(PmMsg.SIG_UNBLOCK, null).equals(illPipe));
        // Blocking SIGKILL is no error, and no effect.
        t.check(61, px.sigprocmask(PmMsg.SIG_BLOCK, set(Signals.SIGKILL)).equals(illPipe));
        t.check(63, px.sigprocmask(PmMsg.SIG_SETMASK, full).equals(illPipe));
        // sigpending: everything is blocked now.
        px.sigaction(Signals.SIGHUP, SigAction.handle(func2, empty, 0));
        px.kill(px.getpid(), Signals.SIGHUP);
        t.check(68, px.sigpending().equals(set(Signals.SIGHUP)));
        px.sigaction(Signals.SIGHUP, SigAction.ignore()); // ignoring drops the pending one
        t.check(71, px.sigpending().equals(empty));
        // SIGKILL and SIGSTOP cannot be caught or ignored.
        t.check(72, Common.errno(() -> px.sigaction(Signals.SIGKILL, SigAction.ignore())) == Errno.EINVAL);
        t.check(73, Common.errno(() -> px.sigaction(Signals.SIGSTOP, SigAction.handle(func1, empty, 0)))
                == Errno.EINVAL);
        px.sigprocmask(PmMsg.SIG_SETMASK, empty);
    }

    /** Subtest 3: sigaction returns the previous action; dispositions survive fork. */
    private void oldActionsAndFork() {
        t.subtest(3);
        clearSignalState();
        java.util.function.IntConsumer catch1 = s -> x = 42;
        java.util.function.IntConsumer catch2 = s -> { };
        px.sigaction(Signals.SIGINT, SigAction.ignore());
        t.check(5, px.sigaction(Signals.SIGINT, SigAction.handle(catch2, new SigSet(), 0)).disposition()
                == SigAction.Disposition.IGNORE);
        t.check(6, px.sigaction(Signals.SIGINT, SigAction.handle(catch1, new SigSet(), 0)).handler() == catch2);
        t.check(7, px.sigaction(Signals.SIGINT, SigAction.defaults()).handler() == catch1);
        t.check(8, px.sigaction(Signals.SIGINT, SigAction.handle(catch1, new SigSet(), 0)).disposition()
                == SigAction.Disposition.DEFAULT);
        t.check(10, px.sigaction(Signals.SIGINT, SigAction.defaults()).handler() == catch1);
        t.check(11, px.sigaction(Signals.SIGINT, SigAction.defaults()).disposition() == SigAction.Disposition.DEFAULT);
        // The child finds SIGTERM caught and SIGQUIT ignored, and catches SIGTERM itself.
        px.sigaction(Signals.SIGTERM, SigAction.handle(catch1, set(Signals.SIGUSR1), 0));
        px.sigignore(Signals.SIGQUIT);
        px.sigaction(Signals.SIGUSR2, SigAction.handle(s -> { }, new SigSet(), 0));
        px.block(Signals.SIGUSR2);
        int child = px.fork(Inherit.class.getName());
        t.check(12, Common.errno(() -> px.sigsuspend(new SigSet())) == Errno.EINTR); // the child is ready
        px.kill(child, Signals.SIGTERM);
        waitFor(13, child);
        px.sigdefault(Signals.SIGUSR2);
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
    }

    /** Child of subtest 3: checks what it inherited, then waits for SIGTERM with its own handler. */
    public static final class Inherit {
        private volatile int got;

        private Inherit() {
        }

        public static void main(String[] args) {
            new Inherit().body();
        }

        private void body() {
            Posix px = new Posix(Trap.current());
            int errors = 0;
            SigAction term = px.sigaction(Signals.SIGTERM, (SigAction) null);
            if (term.disposition() != SigAction.Disposition.CATCH || !term.mask().equals(set(Signals.SIGUSR1))) errors++;
            if (px.sigaction(Signals.SIGQUIT, (SigAction) null).disposition() != SigAction.Disposition.IGNORE) errors++;
            if (!px.sigprocmask(PmMsg.SIG_BLOCK, null).contains(Signals.SIGUSR2)) errors++;
            px.block(Signals.SIGTERM);
            px.sigaction(Signals.SIGTERM, SigAction.handle(s -> got = s, new SigSet(), 0));
            px.kill(px.getppid(), Signals.SIGUSR2);
            if (Common.errno(() -> px.sigsuspend(new SigSet())) != Errno.EINTR) errors++;
            if (got != Signals.SIGTERM) errors++;
            px.exit(errors);
        }
    }

    /** Subtest 4: with SA_NODEFER a handler can be entered again from inside itself. */
    private void nested() {
        t.subtest(4);
        clearSignalState();
        y = 0;
        z = 0;
        px.sigaction(Signals.SIGHUP, SigAction.handle(s -> {
            if (z == 1) { // the nested occurrence
                y = 2;
                return;
            }
            z = 1;
            px.kill(px.getpid(), Signals.SIGHUP);
            if (y != 2) t.e(1);
            y = 1;
        }, new SigSet(), PmSigactionMsg.SA_NODEFER));
        px.kill(px.getpid(), Signals.SIGHUP);
        t.check(4, y == 1);
    }

    /** Subtest 5: while a handler runs, its sa_mask and the signal are blocked; the old mask returns after. */
    private void maskDuringHandler() {
        t.subtest(5);
        clearSignalState();
        maskInHandler = null;
        px.sigaction(Signals.SIGINT, SigAction.handle(s -> maskInHandler = px.sigprocmask(PmMsg.SIG_BLOCK, null),
                set(Signals.SIGTERM, Signals.SIGHUP), 0));
        px.sigprocmask(PmMsg.SIG_SETMASK, set(Signals.SIGPIPE));
        px.kill(px.getpid(), Signals.SIGINT);
        t.check(7, set(Signals.SIGTERM, Signals.SIGHUP, Signals.SIGINT, Signals.SIGPIPE).equals(maskInHandler));
        t.check(10, px.sigprocmask(PmMsg.SIG_BLOCK, null).equals(set(Signals.SIGPIPE)));
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
    }

    /** Subtest 6: sigsuspend returns EINTR after the handler of a signal from a child ran. */
    private void suspend() {
        t.subtest(6);
        clearSignalState();
        x = 0;
        px.sigaction(Signals.SIGINT, SigAction.handle(s -> x = 1, new SigSet(), 0));
        px.block(Signals.SIGINT);
        int child = px.fork(Signaler.class.getName(), String.valueOf(Signals.SIGINT));
        int r = Common.errno(() -> px.sigsuspend(new SigSet()));
        t.check(6, r == Errno.EINTR && x == 1);
        t.check(7, px.sigprocmask(PmMsg.SIG_BLOCK, null).equals(set(Signals.SIGINT)));
        waitFor(8, child);
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
    }

    /** Subtest 7: a signal the sigsuspend mask blocks stays pending until the mask allows it. */
    private void suspendKeepsBlocked() {
        t.subtest(7);
        clearSignalState();
        x = 0;
        z = 0;
        px.sigaction(Signals.SIGINT, SigAction.handle(s -> { x = 1; z++; }, new SigSet(), 0));
        px.sigaction(Signals.SIGPIPE, SigAction.handle(s -> { x = 2; z++; }, new SigSet(), 0));
        px.sigprocmask(PmMsg.SIG_SETMASK, set(Signals.SIGINT, Signals.SIGPIPE));
        int child = px.fork(Signaler.class.getName(), String.valueOf(Signals.SIGINT), String.valueOf(Signals.SIGPIPE));
        int r = Common.errno(() -> px.sigsuspend(set(Signals.SIGINT)));
        t.check(8, r == Errno.EINTR);
        t.check(10, z == 1 && x == 2);
        t.check(11, px.sigpending().equals(set(Signals.SIGINT)));
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
        t.check(12, z == 2 && x == 1);
        waitFor(13, child);
    }

    /** Subtest 8: three signals, two of them blocked by the sigsuspend mask. */
    private void suspendThreeSignals() {
        t.subtest(8);
        clearSignalState();
        x = 0;
        z = 0;
        px.sigaction(Signals.SIGHUP, SigAction.handle(s -> { x = 1; z++; }, new SigSet(), 0));
        px.sigaction(Signals.SIGPIPE, SigAction.handle(s -> { x = 1; z++; }, new SigSet(), 0));
        px.sigaction(Signals.SIGTERM, SigAction.handle(s -> { x = 2; z++; }, new SigSet(), 0));
        px.sigprocmask(PmMsg.SIG_SETMASK, set(Signals.SIGHUP, Signals.SIGPIPE, Signals.SIGTERM));
        int child = px.fork(Signaler.class.getName(), String.valueOf(Signals.SIGHUP), String.valueOf(Signals.SIGPIPE),
                String.valueOf(Signals.SIGTERM));
        SigSet suspendMask = set(Signals.SIGHUP, Signals.SIGPIPE);
        int r;
        do { // the child's signals may come one at a time
            r = Common.errno(() -> px.sigsuspend(suspendMask));
        } while (r == Errno.EINTR && z == 0);
        t.check(14, r == Errno.EINTR);
        t.check(15, z == 1 && x == 2);
        waitFor(16, child);
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
        t.check(17, z == 3 && x == 1);
    }

    /** Subtest 9: blocked signals sent to oneself arrive when unblocked. */
    private void unblockDelivers() {
        t.subtest(9);
        clearSignalState();
        y = 0;
        z = 0;
        px.sigaction(Signals.SIGHUP, SigAction.handle(s -> y++, new SigSet(), 0));
        px.sigaction(Signals.SIGTERM, SigAction.handle(s -> z++, new SigSet(), 0));
        px.sigprocmask(PmMsg.SIG_SETMASK, set(Signals.SIGTERM, Signals.SIGHUP));
        px.kill(px.getpid(), Signals.SIGHUP);
        px.kill(px.getpid(), Signals.SIGTERM);
        t.check(10, y == 0 && z == 0);
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
        t.check(13, y == 1 && z == 1);
    }

    /** Subtest 10: an alarm ends sigsuspend while a blocked SIGHUP stays pending. */
    private void alarmLeavesBlockedPending() {
        t.subtest(10);
        clearSignalState();
        y = 0;
        z = 0;
        px.sigaction(Signals.SIGHUP, SigAction.handle(s -> y++, new SigSet(), 0));
        px.sigaction(Signals.SIGALRM, SigAction.handle(s -> z++, new SigSet(), 0));
        px.sigprocmask(PmMsg.SIG_SETMASK, set(Signals.SIGHUP));
        px.kill(px.getpid(), Signals.SIGHUP);
        t.check(11, px.sigpending().equals(set(Signals.SIGHUP)));
        px.alarm(1);
        int r = Common.errno(() -> px.sigsuspend(set(Signals.SIGHUP)));
        t.check(12, r == Errno.EINTR);
        t.check(13, px.sigpending().equals(set(Signals.SIGHUP)));
        t.check(14, y == 0);
        t.check(15, z == 1);
        px.sigignore(Signals.SIGHUP);
        px.sigprocmask(PmMsg.SIG_SETMASK, new SigSet());
    }

    /** Subtest 11: SA_RESETHAND gives the default action back when the handler is entered. */
    private void resetHand() {
        t.subtest(11);
        clearSignalState();
        x = 0;
        px.sigaction(Signals.SIGUSR1, SigAction.handle(s -> {
            x++;
            maskInHandler = px.sigprocmask(PmMsg.SIG_BLOCK, null);
        }, new SigSet(), PmSigactionMsg.SA_RESETHAND | PmSigactionMsg.SA_RESTART));
        t.check(1, px.sigaction(Signals.SIGUSR1, (SigAction) null).flags()
                == (PmSigactionMsg.SA_RESETHAND | PmSigactionMsg.SA_RESTART));
        px.kill(px.getpid(), Signals.SIGUSR1);
        t.check(2, x == 1);
        t.check(3, maskInHandler != null && maskInHandler.contains(Signals.SIGUSR1));
        t.check(4, px.sigaction(Signals.SIGUSR1, (SigAction) null).disposition() == SigAction.Disposition.DEFAULT);
        // SA_NODEFER: the signal itself is not blocked in its handler.
        px.sigaction(Signals.SIGUSR2, SigAction.handle(s -> maskInHandler = px.sigprocmask(PmMsg.SIG_BLOCK, null),
                new SigSet(), PmSigactionMsg.SA_NODEFER));
        px.kill(px.getpid(), Signals.SIGUSR2);
        t.check(5, maskInHandler != null && !maskInHandler.contains(Signals.SIGUSR2));
    }

    /** A child that sends the signals named in its arguments to its parent, then exits 0. */
    public static final class Signaler {
        private Signaler() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            for (String a : args) px.kill(px.getppid(), Integer.parseInt(a));
            px.exit(0);
        }
    }

    private void waitFor(int n, int pid) {
        WaitStatus w = px.waitpid(pid, 0);
        t.check(n, w.pid() == pid && w.exited() && w.exitStatus() == 0,
                "child " + pid + " status " + Integer.toHexString(w.status()));
    }

    /** Every signal to its default action, none blocked. */
    private void clearSignalState() {
        for (int sig = 1; sig <= Signals.NSIG; sig++) {
            if (sig == Signals.SIGKILL || sig == Signals.SIGSTOP) continue;
            px.sigignore(sig);
        }
        for (int sig = 1; sig <= Signals.NSIG; sig++) px.sigdefault(sig);
        px.sigprocmask(PmMsg.SIG_UNBLOCK, Posix.sigfillset());
    }
}

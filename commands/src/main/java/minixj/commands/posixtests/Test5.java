package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX test5: alarm and pause, a caught signal interrupting wait, and the exit status of
 * children killed by signals. (Interrupting a pipe read waits for pipes, step 4.)
 */
final class Test5 {
    private Test5() {
    }

    static void run(Common t, String[] args) {
        Posix px = t.px;
        t.subtest(1);
        int[] alarms = {0}; // a handler's count (one thread: no atomics needed)
        px.sigaction(Signals.SIGALRM, s -> alarms[0]++);
        t.check(1, px.alarm(1) == 0, "no earlier alarm");
        int err = Common.errno(() -> px.sigsuspend(new SigSet())); // pause()
        t.check(2, err == Errno.EINTR && alarms[0] == 1, "pause ended with " + err + ", alarms " + alarms[0]);
        t.check(3, px.alarm(10) == 0, "alarm left after firing");
        int left = px.alarm(0);
        t.check(4, left > 0 && left <= 10, "seconds left " + left);
        t.subtest(2);
        // A caught SIGALRM interrupts a wait for a child that does not end.
        int sleeper = px.fork(Test1.Sleeper.class.getName());
        px.alarm(1);
        err = Common.errno(() -> px.waitpid(sleeper, 0));
        t.check(5, err == Errno.EINTR && alarms[0] == 2, "wait ended with " + err);
        t.subtest(3);
        // Exit statuses of signalled children: each default-terminating signal is reported.
        int[] lethal = {Signals.SIGHUP, Signals.SIGINT, Signals.SIGQUIT, Signals.SIGTERM, Signals.SIGUSR2,
                Signals.SIGKILL, Signals.SIGALRM};
        for (int sig : lethal) {
            int pid = px.fork(Test1.Sleeper.class.getName());
            px.kill(pid, sig);
            WaitStatus w = px.waitpid(pid, 0);
            t.check(6, w.signaled() && w.termSig() == sig, "signal " + sig + ": status " + w.status());
        }
        px.kill(sleeper, Signals.SIGKILL);
        WaitStatus w = px.waitpid(sleeper, 0);
        t.check(7, w.signaled() && w.termSig() == Signals.SIGKILL, "sleeper: status " + w.status());
        t.subtest(4);
        // An ignored signal does nothing; SIGKILL cannot be caught or ignored.
        px.sigignore(Signals.SIGUSR1);
        px.kill(px.getpid(), Signals.SIGUSR1);
        int pid = px.fork(IgnoresKill.class.getName());
        w = px.waitpid(pid, 0);
        t.check(9, w.signaled() && w.termSig() == Signals.SIGKILL, "ignoring SIGKILL did not help: " + w.status());
    }

    /** Tries to ignore SIGKILL, then sends it to itself. */
    public static final class IgnoresKill {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            try {
                px.sigignore(Signals.SIGKILL);
            } catch (PosixException e) {
                // EINVAL is also a correct answer
            }
            px.kill(px.getpid(), Signals.SIGKILL);
            px.exit(0);
        }
    }
}

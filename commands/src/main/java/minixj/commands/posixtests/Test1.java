package minixj.commands.posixtests;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/** MINIX test1: fork, wait, signal handlers and kill, repeated. */
final class Test1 {
    static final int ROUNDS = 15;

    private Test1() {
    }

    static void run(Common t, String[] args) {
        Posix px = t.px;
        t.subtest(1);
        // A child that exits with a code its parent chose.
        for (int i = 0; i < ROUNDS; i++) {
            int pid = px.fork(ExitWith.class.getName(), String.valueOf(i));
            WaitStatus w = px.waitpid(-1, 0);
            t.check(1, w.pid() == pid, "wait returned " + w.pid() + ", not " + pid);
            t.check(2, w.exited() && w.exitStatus() == i, "status " + w.status());
        }
        t.subtest(2);
        // The parent signals a child that catches SIGTERM and exits from its handler; a child
        // with the default action dies of the signal.
        for (int i = 0; i < ROUNDS; i++) {
            int pid = px.fork(CatchTerm.class.getName(), String.valueOf(px.getpid()));
            int[] ready = {0}; // a handler's count (one thread: no atomics needed)
            px.sigaction(Signals.SIGUSR1, s -> ready[0]++);
            SigSet none = new SigSet();
            while (ready[0] == 0) {
                try {
                    px.sigsuspend(none); // the child says it has its handler in place
                } catch (PosixException e) {
                    // EINTR
                }
            }
            px.kill(pid, Signals.SIGTERM);
            WaitStatus w = px.waitpid(pid, 0);
            t.check(3, w.exited() && w.exitStatus() == 23, "caught SIGTERM: status " + w.status());
            int victim = px.fork(Sleeper.class.getName());
            px.kill(victim, Signals.SIGTERM);
            w = px.waitpid(victim, 0);
            t.check(4, w.signaled() && w.termSig() == Signals.SIGTERM, "default SIGTERM: status " + w.status());
        }
        t.subtest(3);
        t.check(5, Common.errno(() -> px.waitpid(-1, 0)) == minixj.lib.ipc.Errno.ECHILD, "wait without children");
        t.check(6, Common.errno(() -> px.kill(99999, Signals.SIGTERM)) == minixj.lib.ipc.Errno.ESRCH, "kill of no process");
        t.check(7, Common.errno(() -> px.kill(px.getpid(), 1000)) == minixj.lib.ipc.Errno.EINVAL, "kill with a bad signal");
    }

    /** Exits with its argument. */
    public static final class ExitWith {
        public static void main(String[] args) {
            new Posix(Trap.current()).exit(Integer.parseInt(args[0]));
        }
    }

    /** Catches SIGTERM (exit 23 in the handler), tells the parent with SIGUSR1, then waits. */
    public static final class CatchTerm {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            px.sigaction(Signals.SIGTERM, s -> px.exit(23));
            px.kill(Integer.parseInt(args[0]), Signals.SIGUSR1);
            while (true) {
                try {
                    px.sigsuspend(new SigSet());
                } catch (PosixException e) {
                    // EINTR
                }
            }
        }
    }

    /** Waits for a signal with the default actions. */
    public static final class Sleeper {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            while (true) {
                try {
                    px.sigsuspend(new SigSet());
                } catch (PosixException e) {
                    // EINTR
                }
            }
        }
    }
}

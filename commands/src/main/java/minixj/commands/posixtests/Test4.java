package minixj.commands.posixtests;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX test4: chains of nested forks, each level killing or waiting for the next, and exit
 * statuses travelling back up. (MINIX's test4 also shares a file offset along the chain; files
 * come with VFS in step 4.)
 */
final class Test4 {
    static final int DEPTH = 8;

    private Test4() {
    }

    static void run(Common t, String[] args) {
        Posix px = t.px;
        t.subtest(1);
        // Each level forks the next and exits with the next level's status plus one.
        int pid = px.fork(Chain.class.getName(), String.valueOf(DEPTH));
        WaitStatus w = px.waitpid(pid, 0);
        t.check(1, w.exited() && w.exitStatus() == DEPTH, "chain status " + w.status());
        t.subtest(2);
        // Each level kills the child it made (which waits for a signal) and reports how it died.
        pid = px.fork(KillChain.class.getName(), String.valueOf(DEPTH));
        w = px.waitpid(pid, 0);
        t.check(2, w.exited() && w.exitStatus() == DEPTH, "kill chain status " + w.status());
    }

    /** Level n: forks level n-1 and exits with its status + 1 (level 0 exits 0). */
    public static final class Chain {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int n = Integer.parseInt(args[0]);
            if (n == 0) px.exit(0);
            int pid = px.fork(Chain.class.getName(), String.valueOf(n - 1));
            WaitStatus w = px.waitpid(pid, 0);
            px.exit(w.exited() ? w.exitStatus() + 1 : 200);
        }
    }

    /**
     * Level n: forks level n-1, kills the sleeper level 0 is with SIGKILL, or passes up the
     * count: level 1 kills a sleeper and checks it died of SIGKILL.
     */
    public static final class KillChain {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int n = Integer.parseInt(args[0]);
            if (n == 0) {
                while (true) {
                    try {
                        px.sigsuspend(new SigSet());
                    } catch (PosixException e) {
                        // EINTR
                    }
                }
            }
            int pid = px.fork(KillChain.class.getName(), String.valueOf(n - 1));
            if (n == 1) {
                px.kill(pid, Signals.SIGKILL);
                WaitStatus w = px.waitpid(pid, 0);
                px.exit(w.signaled() && w.termSig() == Signals.SIGKILL ? 1 : 200);
            }
            WaitStatus w = px.waitpid(pid, 0);
            px.exit(w.exited() && w.exitStatus() < 200 ? w.exitStatus() + 1 : 200);
        }
    }
}

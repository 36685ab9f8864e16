package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX test2: getpid/getppid and the getuid family seen from parent and child, and the waitpid
 * variants. (MINIX's test2 also passes data through pipes; pipes come with VFS in step 4.)
 */
final class Test2 {
    private Test2() {
    }

    static void run(Common t, String[] args) {
        Posix px = t.px;
        int me = px.getpid();
        t.subtest(1);
        t.check(1, me > 0, "pid " + me);
        int pid = px.fork(Ids.class.getName(), String.valueOf(me), String.valueOf(px.getuid()),
                String.valueOf(px.geteuid()), String.valueOf(px.getgid()), String.valueOf(px.getegid()));
        t.check(2, pid > 0 && pid != me, "child pid " + pid);
        WaitStatus w = px.waitpid(pid, 0);
        t.check(3, w.exited() && w.exitStatus() == 0, "child saw other ids: status " + w.status());
        t.subtest(2);
        // waitpid for a given pid, for any child, for the caller's group, and with WNOHANG.
        int a = px.fork(Test1.ExitWith.class.getName(), "3");
        int b = px.fork(Test1.ExitWith.class.getName(), "4");
        w = px.waitpid(b, 0);
        t.check(4, w.pid() == b && w.exitStatus() == 4, "waitpid(b) " + w.pid());
        w = px.waitpid(0, 0);
        t.check(5, w.pid() == a && w.exitStatus() == 3, "waitpid(0) " + w.pid());
        int c = px.fork(Test1.Sleeper.class.getName());
        w = px.waitpid(c, Posix.WNOHANG);
        t.check(6, w.pid() == 0, "WNOHANG on a running child gave " + w.pid());
        px.kill(c, minixj.lib.ipc.Signals.SIGKILL);
        w = px.waitpid(-px.getpgrp(), 0);
        t.check(7, w.pid() == c && w.signaled() && w.termSig() == minixj.lib.ipc.Signals.SIGKILL, "group wait");
        t.check(8, Common.errno(() -> px.waitpid(c, 0)) == Errno.ECHILD, "waited twice");
        t.check(9, Common.errno(() -> px.waitpid(me, 0)) == Errno.ECHILD, "waited for itself");
    }

    /** Checks its parent's pid and ids against its arguments; exits 0 when all match. */
    public static final class Ids {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            boolean ok = px.getppid() == Integer.parseInt(args[0]) && px.getpid() != px.getppid()
                    && px.getuid() == Integer.parseInt(args[1]) && px.geteuid() == Integer.parseInt(args[2])
                    && px.getgid() == Integer.parseInt(args[3]) && px.getegid() == Integer.parseInt(args[4]);
            px.exit(ok ? 0 : 1);
        }
    }
}

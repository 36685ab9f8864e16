package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX test84: posix_spawn. Programs come from the boot files: /bin/true, /bin/false, and this
 * test program itself (run as "test84 child PPID", it checks its parent and exits 0 or 1).
 */
final class Test84 {
    static final String SELF = "/usr/tests/minix-posix/test84";
    static final String DIR = "/usr/tests/minix-posix";

    private Test84() {
    }

    static void run(Common t, String[] args) {
        Posix px = t.px;
        if (args.length > 1 && args[1].equals("child")) {
            // The spawned copy: its parent is who spawned it, and it has its own pid.
            int expected = Integer.parseInt(args[2]);
            px.exit(px.getppid() == expected && px.getpid() != expected ? 0 : 1);
        }
        t.subtest(1);
        t.check(1, exitOf(px, "/bin/true") == 0, "/bin/true");
        t.check(2, exitOf(px, "/bin/false") == 1, "/bin/false");
        t.check(3, exitOf(px, SELF, "test84", "child", String.valueOf(px.getpid())) == 0, "child's parent");
        t.subtest(2);
        // Errors of the exec are posix_spawn's own, and leave no child behind.
        t.check(4, Common.errno(() -> px.posixSpawn("/bin/nope", "nope")) == Errno.ENOENT, "missing file");
        t.check(5, Common.errno(() -> px.posixSpawn(DIR + "/noexec", "noexec")) == Errno.EACCES, "no x bit");
        t.check(6, Common.errno(() -> px.posixSpawn(DIR + "/notajar", "notajar")) == Errno.ENOEXEC, "not a JAR");
        t.check(7, Common.errno(() -> px.posixSpawn("", "")) == Errno.ENOENT, "empty path");
        t.check(8, Common.errno(() -> px.waitpid(-1, Posix.WNOHANG)) == Errno.ECHILD, "a failed spawn left a child");
        t.subtest(3);
        // Several children at once, collected in any order.
        int[] pids = new int[5];
        for (int i = 0; i < pids.length; i++) pids[i] = px.posixSpawn("/bin/true", "true");
        int collected = 0;
        for (int i = 0; i < pids.length; i++) {
            WaitStatus w = px.waitpid(-1, 0);
            for (int pid : pids) if (pid == w.pid() && w.exited() && w.exitStatus() == 0) collected++;
        }
        t.check(9, collected == pids.length, "collected " + collected);
        t.subtest(4);
        // A file that is executable but not readable can still be run, also by a non-root user.
        int pid = px.fork(AsUser.class.getName(), DIR + "/execonly");
        WaitStatus w = px.waitpid(pid, 0);
        t.check(10, w.exited() && w.exitStatus() == 0, "exec-only file as uid 100: status " + w.status());
        // execve replaces the program: the child's exit status is the new program's.
        pid = px.fork(Execs.class.getName(), "/bin/false");
        w = px.waitpid(pid, 0);
        t.check(11, w.exited() && w.exitStatus() == 1, "execve of /bin/false: status " + w.status());
        pid = px.fork(Execs.class.getName(), "/bin/nope");
        w = px.waitpid(pid, 0);
        t.check(12, w.exited() && w.exitStatus() == 100 + (-Errno.ENOENT), "failed execve: status " + w.status());
    }

    private static int exitOf(Posix px, String path, String... args) {
        String[] argv = args.length > 0 ? args : new String[] {path.substring(path.lastIndexOf('/') + 1)};
        int pid = px.posixSpawn(path, argv);
        WaitStatus w = px.waitpid(pid, 0);
        return w.pid() == pid && w.exited() ? w.exitStatus() : -1;
    }

    /** Becomes uid 100 and runs its argument (as "true") with posix_spawn. */
    public static final class AsUser {
        public static void main(String[] args) {
            Posix px = new Posix(minixj.lib.ipc.Trap.current());
            px.setgid(100);
            px.setuid(100);
            int pid = px.posixSpawn(args[0], "true");
            WaitStatus w = px.waitpid(pid, 0);
            px.exit(w.exited() ? w.exitStatus() : 99);
        }
    }

    /** execve of its argument; when that fails, exits with 100 + errno. */
    public static final class Execs {
        public static void main(String[] args) {
            Posix px = new Posix(minixj.lib.ipc.Trap.current());
            try {
                px.execve(args[0], args[0].substring(args[0].lastIndexOf('/') + 1));
            } catch (minixj.lib.posix.PosixException e) {
                px.exit(100 - e.errno());
            }
        }
    }
}

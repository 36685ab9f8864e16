package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.posix.Posix;
import minixj.lib.posix.Rusage;
import minixj.lib.posix.SigAction;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test75: getrusage (bad arguments, own and children's CPU time, maxrss) and wait4's
 * rusage with good and bad pointers, the child having exited before the wait or not. A bad
 * pointer fails the wait with EFAULT and leaves the zombie for the next wait. Where MINIX sleeps
 * until the child has exited, the parent here waits for its SIGCHLD.
 */
final class Test75 {
    /** An address no process has memory at. */
    static final long BAD_POINTER = 0xF000_0000L;

    private final Common t;
    private final Posix px;

    private Test75(Common t) {
        this.t = t;
        this.px = t.px;
    }

    static void run(Common t, String[] args) {
        Test75 test = new Test75(t);
        test.getrusage();
        test.wait4(0);
        test.wait4(1);
        test.wait4(2);
    }

    /** Subtest 1: getrusage. */
    private void getrusage() {
        t.subtest(1);
        t.check(1, Common.errno(() -> px.getrusage(PmInfoMsg.RUSAGE_SELF + 1)) == Errno.EINVAL);
        t.check(2, Common.errno(() -> px.getrusage(PmInfoMsg.RUSAGE_CHILDREN - 1)) == Errno.EINVAL);
        t.check(3, Common.errno(() -> px.getrusage(PmInfoMsg.RUSAGE_SELF, 0)) == Errno.EFAULT);
        // Memory in use, as a C program's data: maxrss counts it.
        t.trap.memory().write(Posix.SCRATCH_ADDRESS - 65536, new byte[8192], 0, 8192);
        spinCpu(px, 1);
        Rusage self = px.getrusage(PmInfoMsg.RUSAGE_SELF);
        t.check(4, self.utime().sec() != 0, "ru_utime.tv_sec can't be zero");
        t.check(5, self.maxrss() != 0, "ru_maxrss can't be zero");
        t.check(6, self.nsignals() == 0 && self.ixrss() == 0);
        Rusage children = px.getrusage(PmInfoMsg.RUSAGE_CHILDREN);
        int child = px.fork(Spinner.class.getName(), "children");
        WaitStatus w = px.waitpid(child, 0);
        t.check(7, w.pid() == child && w.exited() && w.exitStatus() == 0);
        Rusage after = px.getrusage(PmInfoMsg.RUSAGE_CHILDREN);
        t.check(8, after.utime().sec() != 0, "children's ru_utime.tv_sec can't be zero");
        t.check(9, after.utime().micros() > children.utime().micros());
    }

    /**
     * Subtest 2: wait4. Mode 0: the child has exited when the parent waits; mode 1: the parent
     * waits first, with a bad pointer; mode 2: the parent waits first, with a good pointer.
     */
    private void wait4(int mode) {
        t.subtest(2);
        px.sigaction(Signals.SIGCHLD, SigAction.handle(s -> { }, new SigSet(), 0));
        px.block(Signals.SIGCHLD);
        int pid = px.fork(Spinner.class.getName(), mode == 0 ? "none" : "spin");
        if (mode == 0) Common.errno(() -> px.sigsuspend(new SigSet())); // until the child is a zombie
        if (mode != 2) {
            int r = Common.errno(() -> px.wait4(-1, 0, BAD_POINTER));
            t.check(10 + mode, r == Errno.EFAULT, "wait4 with a bad pointer: " + r);
        }
        long buffer = Posix.SCRATCH_ADDRESS;
        byte[] junk = new byte[Rusage.SIZE];
        java.util.Arrays.fill(junk, (byte) 0x5A); // to see that all of it is written
        t.trap.memory().write(buffer, junk, 0, junk.length);
        WaitStatus w = px.wait4(-1, 0, buffer);
        t.check(20 + mode, w.pid() == pid, "wait4 got " + w.pid() + " not " + pid);
        t.check(30 + mode, w.exited() && w.exitStatus() == 0);
        byte[] raw = new byte[Rusage.SIZE];
        t.trap.memory().read(buffer, raw, 0, raw.length);
        Rusage usage = Rusage.fromBytes(raw);
        t.check(40 + mode, usage.nsignals() == 0 && usage.nivcsw() == 0);
        if (mode != 0) t.check(50 + mode, usage.utime().sec() != 0, "child's ru_utime.tv_sec can't be zero");
        px.sigdefault(Signals.SIGCHLD);
        px.unblock(Signals.SIGCHLD);
    }

    /** Uses at least {@code seconds} of CPU time. */
    static void spinCpu(Posix px, long seconds) {
        long sink = 0;
        while (px.getrusage(PmInfoMsg.RUSAGE_SELF).utime().sec() < seconds) {
            for (int i = 0; i < 100_000; i++) sink += i ^ sink;
        }
        if (sink == 42) px.getpid();
    }

    /** A child: "children" checks it has no children's time yet, then spins; "spin" spins; "none" exits. */
    public static final class Spinner {
        private Spinner() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int errors = 0;
            if (args[0].equals("children")) {
                Rusage r = px.getrusage(PmInfoMsg.RUSAGE_CHILDREN);
                if (r.utime().sec() != 0 || r.utime().usec() != 0) errors++;
            }
            if (!args[0].equals("none")) spinCpu(px, 1);
            px.exit(errors);
        }
    }
}

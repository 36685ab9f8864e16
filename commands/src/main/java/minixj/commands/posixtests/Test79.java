package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.posix.Itimerval;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.SigAction;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test79: PM's signal handling must not lose signals whatever runs when they come. A
 * worker does one job (spin, call PM, change its mask, sit in sigsuspend, setuid, fork) while up
 * to three signalers play signal ping-pong with it: each sends its signal, the worker answers
 * with SIGUSR1, {@value #ROUNDS} times. Options: handlers nest (nothing blocked in them) and a
 * real timer fires every tick. Subtest 2 kills the worker (and an endless signaler) midway.
 *
 * <p>Without pipes, the worker forks its signalers itself (so it knows their pids and they know
 * it as their parent), ends once it has collected them all (its SIGCHLD handler), and puts them
 * in its own process group so the test can kill them together. The jobs that need VFS come
 * with VFS.
 */
final class Test79 {
    static final int ROUNDS = 100;
    static final int MAX_SIGNALERS = 3;
    static final int JOB_RUN = 0;
    static final int JOB_CALL_PM = 1;
    static final int JOB_SET_MASK = 2;
    static final int JOB_BLOCK_PM = 3;
    static final int JOB_CALL_PM_SETUID = 4;
    static final int JOB_FORK = 5;
    static final int NR_JOBS = 6;
    static final int OPT_NEST = 0x1;
    static final int OPT_ALARM = 0x2;
    static final int OPT_ALL = 0x3;

    private final Common t;
    private final Posix px;

    private Test79(Common t) {
        this.t = t;
        this.px = t.px;
    }

    static void run(Common t, String[] args) {
        Test79 test = new Test79(t);
        int mask = args.length > 1 ? Integer.parseInt(args[1]) : 0x3;
        if ((mask & 1) != 0) test.pingPong();
        if ((mask & 2) != 0) test.killMidway();
    }

    static int signalerSignal(int i) {
        return switch (i) {
            case 0 -> Signals.SIGUSR1;
            case 1 -> Signals.SIGUSR2;
            default -> Signals.SIGHUP;
        };
    }

    /** Subtest 1: every ping gets its pong, for every job, number of signalers and option. */
    private void pingPong() {
        t.subtest(1);
        for (int options = 0; options <= OPT_ALL; options++) {
            for (int signalers = 1; signalers <= MAX_SIGNALERS; signalers++) {
                for (int job = 0; job < NR_JOBS; job++) {
                    int worker = px.fork(Worker.class.getName(), String.valueOf(job), String.valueOf(options),
                            String.valueOf(signalers), String.valueOf(ROUNDS));
                    WaitStatus w = px.waitpid(worker, 0);
                    if (!w.exited() || w.exitStatus() != 0) {
                        t.e(job, "job " + job + " signalers " + signalers + " options " + options + ": status "
                                + Integer.toHexString(w.status()));
                    }
                }
            }
        }
    }

    /** Subtest 2: killing the worker in the middle of anything leaves PM sound. */
    private void killMidway() {
        t.subtest(2);
        for (int options = 0; options <= OPT_ALL; options++) {
            for (int signalers = 0; signalers <= 1; signalers++) {
                for (int job = 0; job < NR_JOBS; job++) {
                    int worker = px.fork(Worker.class.getName(), String.valueOf(job), String.valueOf(options),
                            String.valueOf(signalers), "0");
                    pause(100); // blocked, as MINIX's select with a timeout
                    px.kill(-worker, Signals.SIGKILL); // the worker leads a group with its signaler
                    WaitStatus w = px.waitpid(worker, 0);
                    if (w.pid() != worker || !(w.signaled() && w.termSig() == Signals.SIGKILL)) {
                        t.e(job, "job " + job + " options " + options + ": status " + Integer.toHexString(w.status()));
                    }
                    // Orphaned signalers are INIT's, which this test is.
                    while (Common.errno(() -> px.waitpid(-1, 0)) != Errno.ECHILD) {
                        // one more orphan collected
                    }
                    t.check(100 + job, Common.errno(() -> px.kill(-worker, 0)) == Errno.ESRCH, "group still there");
                }
            }
        }
    }

    /** Waits {@code millis} blocked in sigsuspend until a real timer's SIGALRM. */
    private void pause(long millis) {
        SigSet old = px.sigprocmask(PmMsg.SIG_BLOCK, set(Signals.SIGALRM));
        px.sigaction(Signals.SIGALRM, SigAction.handle(s -> { }, new SigSet(), 0));
        px.setitimer(PmTimeMsg.ITIMER_REAL, Itimerval.of(0, millis * 1000, 0, 0));
        SigSet waitMask = new SigSet().copyFrom(old).remove(Signals.SIGALRM);
        Common.errno(() -> px.sigsuspend(waitMask));
        px.sigdefault(Signals.SIGALRM);
        px.sigprocmask(PmMsg.SIG_SETMASK, old);
    }

    private static SigSet set(int sig) {
        return new SigSet().add(sig);
    }

    /** The worker: args job, options, signalers, rounds (0 = endless). */
    public static final class Worker {
        private final Posix px = new Posix(Trap.current());
        private final int[] signalerPids = new int[MAX_SIGNALERS];
        private final boolean[] collected = new boolean[MAX_SIGNALERS];
        private int signalers;
        private volatile int errors;

        private Worker() {
        }

        public static void main(String[] args) {
            new Worker().body(Integer.parseInt(args[0]), Integer.parseInt(args[1]), Integer.parseInt(args[2]),
                    Integer.parseInt(args[3]));
        }

        private void body(int job, int options, int count, int rounds) {
            px.setpgid(0, 0);
            signalers = count;
            SigSet inHandler = (options & OPT_NEST) != 0 ? new SigSet() : Posix.sigfillset();
            SigSet pings = new SigSet();
            for (int i = 0; i < MAX_SIGNALERS; i++) {
                px.sigaction(signalerSignal(i), SigAction.handle(this::ping, inHandler, 0));
                pings.add(signalerSignal(i));
            }
            px.sigaction(Signals.SIGALRM, SigAction.handle(s -> { }, inHandler, 0));
            px.sigaction(Signals.SIGCHLD, SigAction.handle(s -> reap(), Posix.sigfillset(), 0));
            // No ping before the signalers' pids are known.
            px.sigprocmask(PmMsg.SIG_BLOCK, pings);
            for (int i = 0; i < signalers; i++) {
                signalerPids[i] = px.fork(Signaler.class.getName(), String.valueOf(signalerSignal(i)),
                        String.valueOf(rounds));
            }
            px.sigprocmask(PmMsg.SIG_UNBLOCK, pings);
            if ((options & OPT_ALARM) != 0) px.setitimer(PmTimeMsg.ITIMER_REAL, Itimerval.of(0, 1, 0, 1));
            work(job);
        }

        private void work(int job) {
            long sink = 0;
            while (true) {
                switch (job) {
                    case JOB_RUN -> {
                        for (int i = 0; i < 10_000; i++) sink += i ^ sink;
                    }
                    case JOB_CALL_PM -> {
                        if (px.sigprocmask(PmMsg.SIG_BLOCK, null).contains(Signals.SIGUSR1)) errors++;
                    }
                    case JOB_SET_MASK -> {
                        SigSet old = px.sigprocmask(PmMsg.SIG_SETMASK, Posix.sigfillset());
                        px.sigprocmask(PmMsg.SIG_SETMASK, old);
                    }
                    case JOB_BLOCK_PM -> Common.errno(() -> px.sigsuspend(new SigSet()));
                    case JOB_CALL_PM_SETUID -> px.setuid(px.getuid());
                    default -> {
                        int pid = px.fork(Quick.class.getName());
                        px.kill(pid, Signals.SIGKILL);
                        if (px.waitpid(pid, 0).pid() != pid) errors++;
                    }
                }
                if (sink == 42) px.getpid();
            }
        }

        /** A signaler's signal: answer it with SIGUSR1. */
        private void ping(int sig) {
            for (int i = 0; i < MAX_SIGNALERS; i++) {
                if (signalerSignal(i) != sig) continue;
                if (i >= signalers) {
                    errors++;
                } else {
                    try {
                        px.kill(signalerPids[i], Signals.SIGUSR1);
                    } catch (PosixException e) {
                        errors++;
                    }
                }
                return;
            }
            errors++;
        }

        /** SIGCHLD: collect finished signalers; when all are in, end with the errors found. */
        private void reap() {
            int done = 0;
            for (int i = 0; i < signalers; i++) {
                if (!collected[i]) {
                    WaitStatus w = px.waitpid(signalerPids[i], Posix.WNOHANG);
                    if (w.pid() == signalerPids[i]) {
                        collected[i] = true;
                        if (!w.exited() || w.exitStatus() != 0) errors++;
                    }
                }
                if (collected[i]) done++;
            }
            if (signalers > 0 && done == signalers) px.exit(Math.min(errors, 255));
        }
    }

    /** A signaler: args signal, rounds (0 = endless); pings its parent, waits for the pong each time. */
    public static final class Signaler {
        private final Posix px = new Posix(Trap.current());
        private volatile int pongs;

        private Signaler() {
        }

        public static void main(String[] args) {
            new Signaler().body(Integer.parseInt(args[0]), Integer.parseInt(args[1]));
        }

        private void body(int sig, int rounds) {
            int errors = 0;
            px.sigprocmask(PmMsg.SIG_SETMASK, Posix.sigfillset());
            px.sigaction(Signals.SIGUSR1, SigAction.handle(s -> pongs++, Posix.sigfillset(), 0));
            int worker = px.getppid();
            for (int i = 0; rounds == 0 || i < rounds; i++) {
                if (pongs != i) errors++;
                int r = Common.errno(() -> px.kill(worker, sig));
                if (r != 0 && rounds > 0) errors++;
                Common.errno(() -> px.sigsuspend(new SigSet()));
            }
            if (pongs != rounds) errors++;
            px.exit(Math.min(errors, 255));
        }
    }

    /** JOB_FORK's child: exits at once (if it gets to run before SIGKILL). */
    public static final class Quick {
        private Quick() {
        }

        public static void main(String[] args) {
            new Posix(Trap.current()).exit(0);
        }
    }
}

package minixj.tests.programs.posix;

import static minixj.tests.programs.posix.Main.errno;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.PmProcEntry;
import minixj.lib.ipc.layout.PmSigactionMsg;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.posix.Posix;
import minixj.lib.posix.SigAction;
import minixj.lib.posix.Timespec;
import minixj.lib.posix.WaitStatus;

/**
 * Scenarios for PM's clocks (MINIX test69's checks), getsysinfo, groups, stopped children
 * (WUNTRACED), hang-up at a session's end, and reboot.
 */
final class TimeScenarios {
    private static final int REALTIME = PmTimeMsg.CLOCK_REALTIME;
    private static final int MONOTONIC = PmTimeMsg.CLOCK_MONOTONIC;

    private TimeScenarios() {
    }

    static String name(Class<?> c) {
        return c.getName();
    }

    /** Waits {@code seconds} with nothing else to do (the machine idles; virtual time jumps). */
    static void idle(Posix px, int seconds) {
        px.sigaction(Signals.SIGALRM, s -> { });
        px.alarm(seconds);
        errno(() -> px.sigsuspend(new SigSet()));
        px.sigdefault(Signals.SIGALRM);
    }

    static void clocks(Posix px, int rep) {
        Timespec res = px.clockGetres(REALTIME);
        Report.say(rep, "res " + res.sec() + " " + res.nsec() + " mono " + px.clockGetres(MONOTONIC).nsec());
        Report.say(rep, "bad clock " + errno(() -> px.clockGetres(1)) + " " + errno(() -> px.clockGettime(99)));
        long m1 = px.clockGettime(MONOTONIC).nanos();
        idle(px, 1);
        long m2 = px.clockGettime(MONOTONIC).nanos();
        Report.say(rep, "monotonic after 1s " + (m2 - m1 >= 1_000_000_000L) + " " + (m2 - m1 < 1_100_000_000L));
        px.clockSettime(REALTIME, new Timespec(1_000_000_000L, 500_000_000L));
        Timespec now = px.clockGettime(REALTIME);
        Report.say(rep, "realtime set " + now.sec() + " " + (now.nsec() >= 500_000_000L));
        Report.say(rep, "gettimeofday " + px.gettimeofday().sec());
        long m3 = px.clockGettime(MONOTONIC).nanos();
        Report.say(rep, "monotonic kept " + (m3 >= m2 && m3 - m2 < 100_000_000L));
        Report.say(rep, "set monotonic " + errno(() -> px.clockSettime(MONOTONIC, new Timespec(5, 0))));
        Report.say(rep, "bad nsec " + errno(() -> px.clockSettime(REALTIME, new Timespec(5, 1_000_000_000L))));
        px.stime(2_000_000_000L);
        Report.say(rep, "stime " + px.gettimeofday().sec() + " " + px.clockGettime(REALTIME).sec());
        idle(px, 2);
        Report.say(rep, "later " + px.gettimeofday().sec());
        Report.say(rep, "uptime ticks " + (px.uptime() >= 3 * 60));
        int child = px.fork(name(UserClock.class), String.valueOf(rep));
        px.waitpid(child, 0);
    }

    /** A non-root process may read the clocks but not set them. */
    public static final class UserClock {
        private UserClock() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int rep = Integer.parseInt(args[0]);
            px.setuid(3);
            Report.say(rep, "user settime " + errno(() -> px.clockSettime(REALTIME, new Timespec(9, 0)))
                    + " stime " + errno(() -> px.stime(9)) + " gettime " + errno(() -> px.clockGettime(REALTIME)));
            px.exit(0);
        }
    }

    static void sysinfo(Posix px, int rep) {
        int stopper = px.fork(name(Stopper.class), String.valueOf(rep));
        WaitStatus w = px.waitpid(stopper, Posix.WUNTRACED);
        px.sigaction(Signals.SIGCHLD, s -> { });
        px.block(Signals.SIGCHLD);
        int exiter = px.fork(Children.ExitWith.class.getName(), String.valueOf(rep), "5");
        errno(() -> px.sigsuspend(new SigSet())); // until the exiter is a zombie
        List<PmProcEntry> table = px.procTable();
        PmProcEntry self = find(table, px.getpid());
        Report.say(rep, "self " + (self != null) + " uid " + self.effUid() + " parent " + self.parentPid());
        PmProcEntry s = find(table, stopper);
        Report.say(rep, "stopped " + w.stopped() + " " + ((s.flags() & PmProcEntry.PROC_STOPPED) != 0)
                + " parent " + (s.parentPid() == px.getpid()));
        PmProcEntry z = find(table, exiter);
        Report.say(rep, "zombie " + ((z.flags() & PmProcEntry.ZOMBIE) != 0) + " status " + (z.waitStatus() >> 8));
        boolean services = false;
        for (PmProcEntry e : table) services |= (e.flags() & PmProcEntry.PRIV_PROC) != 0;
        Report.say(rep, "services listed " + services);
        Report.say(rep, "bad size " + errno(() -> px.getsysinfo(PmInfoMsg.SI_PROC_TAB, Posix.SYSINFO_ADDRESS,
                PmProcEntry.TABLE_SIZE - 1)) + " bad item " + errno(() -> px.getsysinfo(9, Posix.SYSINFO_ADDRESS,
                PmProcEntry.TABLE_SIZE)) + " bad address " + errno(() -> px.getsysinfo(PmInfoMsg.SI_PROC_TAB,
                0xF000_0000L, PmProcEntry.TABLE_SIZE)));
        px.waitpid(exiter, 0);
        px.kill(stopper, Signals.SIGKILL);
        px.waitpid(stopper, 0);
        int user = px.fork(name(UserSysinfo.class), String.valueOf(rep));
        px.waitpid(user, 0);
    }

    static PmProcEntry find(List<PmProcEntry> table, int pid) {
        for (PmProcEntry e : table) if (e.pid() == pid) return e;
        return null;
    }

    /** Stops itself. */
    public static final class Stopper {
        private Stopper() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            px.kill(px.getpid(), Signals.SIGSTOP);
            px.exit(0);
        }
    }

    /** getsysinfo needs root. */
    public static final class UserSysinfo {
        private UserSysinfo() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            px.seteuid(4);
            Report.say(Integer.parseInt(args[0]), "user sysinfo " + errno(() -> px.procTable()));
            px.exit(0);
        }
    }

    static void groups(Posix px, int rep) {
        Report.say(rep, "initially " + px.getgroups().length + " setugid " + px.issetugid());
        px.setgroups(3, 7, 9);
        int[] g = px.getgroups();
        Report.say(rep, "groups " + g.length + " " + g[0] + " " + g[1] + " " + g[2] + " count " + px.getgroupsCount(0));
        Report.say(rep, "too small " + errno(() -> px.getgroupsCount(2)) + " too many "
                + errno(() -> px.setgroups(1, 2, 3, 4, 5, 6, 7, 8, 9)));
        int child = px.fork(name(GroupChild.class), String.valueOf(rep));
        px.waitpid(child, 0);
        px.setgroups();
        Report.say(rep, "cleared " + px.getgroups().length);
    }

    /** Inherits the groups; as a non-root process cannot set them. */
    public static final class GroupChild {
        private GroupChild() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int rep = Integer.parseInt(args[0]);
            Report.say(rep, "child groups " + px.getgroups().length);
            px.setuid(8);
            Report.say(rep, "user setgroups " + errno(() -> px.setgroups(1)));
            px.exit(0);
        }
    }

    static void wuntraced(Posix px, int rep) {
        AtomicInteger chld = new AtomicInteger();
        px.sigaction(Signals.SIGCHLD, s -> chld.incrementAndGet());
        int child = px.fork(name(Stopper.class), String.valueOf(rep));
        WaitStatus w = px.waitpid(child, Posix.WUNTRACED);
        Report.say(rep, "stopped " + w.stopped() + " sig " + w.stopSignal() + " same " + (w.pid() == child));
        Report.say(rep, "sigchld on stop " + chld.get());
        Report.say(rep, "again " + px.waitpid(child, Posix.WUNTRACED | Posix.WNOHANG).pid()
                + " plain " + px.waitpid(child, Posix.WNOHANG).pid());
        px.kill(child, Signals.SIGCONT);
        w = px.waitpid(child, Posix.WUNTRACED);
        Report.say(rep, "then exited " + w.exited() + " status " + w.exitStatus());
        // SA_NOCLDSTOP: no SIGCHLD for a stop; SIGTSTP's default action stops too.
        px.sigaction(Signals.SIGCHLD, SigAction.handle(s -> chld.incrementAndGet(), new SigSet(),
                PmSigactionMsg.SA_NOCLDSTOP));
        chld.set(0);
        int tstp = px.fork(Children.Pauser.class.getName(), String.valueOf(rep));
        px.kill(tstp, Signals.SIGTSTP);
        w = px.waitpid(tstp, Posix.WUNTRACED);
        Report.say(rep, "tstp stopped " + w.stopped() + " sig " + w.stopSignal() + " sigchld " + chld.get());
        px.kill(tstp, Signals.SIGKILL);
        Report.say(rep, "killed sig " + px.waitpid(tstp, 0).termSig());
    }

    static void hangup(Posix px, int rep) {
        int leader = px.fork(name(Leader.class), String.valueOf(rep));
        WaitStatus w = px.waitpid(leader, 0);
        Report.say(rep, "leader exited " + w.exitStatus());
        List<String> results = new ArrayList<>();
        for (int i = 0; i < 3; i++) { // the leader's children are INIT's now: this program's
            WaitStatus g = px.waitAny();
            results.add(g.exited() ? "exit " + g.exitStatus() : "sig " + g.termSig());
        }
        results.sort(null);
        Report.say(rep, "members " + results);
        Report.say(rep, "none left " + errno(() -> px.waitAny()));
    }

    /** Leads a new session with three members: catching SIGHUP, not catching it, stopped. */
    public static final class Leader {
        private Leader() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            px.setsid();
            px.sigaction(Signals.SIGUSR1, s -> { });
            px.block(Signals.SIGUSR1);
            for (String how : new String[] {"catch", "default", "stopped"}) {
                int member = px.fork(name(Member.class), args[0], how);
                if (how.equals("stopped")) px.waitpid(member, Posix.WUNTRACED); // it has stopped
                else errno(() -> px.sigsuspend(new SigSet())); // it is ready
            }
            px.exit(4);
        }
    }

    /** A session member: "catch" exits 7 on SIGHUP, "default" dies of it, "stopped" stops first, exits 9. */
    public static final class Member {
        private Member() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            String how = args[1];
            if (!how.equals("default")) px.sigaction(Signals.SIGHUP, s -> px.exit(how.equals("catch") ? 7 : 9));
            if (how.equals("stopped")) px.kill(px.getpid(), Signals.SIGSTOP);
            else px.kill(px.getppid(), Signals.SIGUSR1);
            Children.pause(px);
        }
    }

    static void reboot(Posix px, int rep) {
        int user = px.fork(name(UserReboot.class), String.valueOf(rep));
        px.waitpid(user, 0);
        px.sigaction(Signals.SIGUSR1, s -> { });
        px.block(Signals.SIGUSR1);
        px.fork(name(TermCatcher.class), String.valueOf(rep));
        errno(() -> px.sigsuspend(new SigSet()));
        Report.say(rep, "rebooting");
        px.reboot(PmInfoMsg.RB_HALT);
        Report.say(rep, "reboot returned");
    }

    /** reboot needs root. */
    public static final class UserReboot {
        private UserReboot() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            px.setuid(2);
            Report.say(Integer.parseInt(args[0]), "user reboot " + errno(() -> px.reboot(PmInfoMsg.RB_AUTOBOOT)));
            px.exit(0);
        }
    }

    /** Catches SIGTERM (and says so) and keeps running: SIGKILL must end it. */
    public static final class TermCatcher {
        private TermCatcher() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int rep = Integer.parseInt(args[0]);
            px.sigaction(Signals.SIGTERM, s -> Report.say(rep, "child got SIGTERM"));
            px.kill(px.getppid(), Signals.SIGUSR1);
            Children.pause(px);
        }
    }
}

package minixj.tests.programs.posix;

import java.util.concurrent.atomic.AtomicInteger;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/**
 * The PM test program (MINIX's test1/2/5/12 in spirit): args[1] is the reporter's endpoint,
 * args[2] the scenario; every check becomes a line for the reporter, then the program exits
 * through PM.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        Posix px = new Posix(Trap.current());
        int reporter = Integer.parseInt(args[1]);
        try {
            switch (args[2]) {
                case "pids" -> pids(px, reporter);
                case "cycles" -> cycles(px, reporter, Integer.parseInt(args[3]));
                case "wait" -> waits(px, reporter);
                case "orphan" -> orphan(px, reporter);
                case "signals" -> SignalScenarios.signals(px, reporter);
                case "alarm" -> SignalScenarios.alarm(px, reporter);
                case "ids" -> OtherScenarios.ids(px, reporter);
                case "crash" -> SignalScenarios.crash(px, reporter);
                case "limit" -> limit(px, reporter);
                case "times" -> OtherScenarios.times(px, reporter);
                case "stop" -> SignalScenarios.stop(px, reporter);
                case "memory" -> OtherScenarios.memory(px, reporter, Integer.parseInt(args[3]));
                case "clocks" -> TimeScenarios.clocks(px, reporter);
                case "sysinfo" -> TimeScenarios.sysinfo(px, reporter);
                case "groups" -> TimeScenarios.groups(px, reporter);
                case "wuntraced" -> TimeScenarios.wuntraced(px, reporter);
                case "hangup" -> TimeScenarios.hangup(px, reporter);
                case "reboot" -> TimeScenarios.reboot(px, reporter);
                default -> Report.say(reporter, "unknown scenario");
            }
        } catch (RuntimeException e) {
            Report.say(reporter, "FAIL " + e);
        }
        Report.say(reporter, "done");
        px.exit(0);
    }

    static String child(String name) {
        return Children.class.getName() + "$" + name;
    }

    static int errno(Runnable r) {
        try {
            r.run();
            return 0;
        } catch (PosixException e) {
            return e.errno();
        }
    }

    private static void pids(Posix px, int rep) {
        Report.say(rep, "pid=" + px.getpid() + " ppid=" + px.getppid());
        int child = px.fork(child("Describe"), String.valueOf(rep));
        WaitStatus w = px.waitpid(child, 0);
        Report.say(rep, "waited same pid " + (w.pid() == child) + " exited " + w.exited() + " status " + w.exitStatus());
        Report.say(rep, "fork bad entry " + errno(() -> px.fork("no.such.Entry")));
    }

    /** MINIX test12: fork, exit and wait many times. */
    private static void cycles(Posix px, int rep, int n) {
        int bad = 0;
        for (int i = 0; i < n; i++) {
            int child = px.fork(child("ExitWith"), String.valueOf(rep), String.valueOf(i & 0xFF));
            WaitStatus w = px.waitAny();
            if (w.pid() != child || !w.exited() || w.exitStatus() != (i & 0xFF)) bad++;
        }
        Report.say(rep, "cycles " + n + " bad " + bad);
        Report.say(rep, "then no child " + errno(() -> px.waitAny()));
    }

    private static void waits(Posix px, int rep) {
        Report.say(rep, "nohang no children " + errno(() -> px.waitpid(-1, Posix.WNOHANG)));
        int pauser = px.fork(child("Pauser"), String.valueOf(rep));
        Report.say(rep, "nohang running child " + px.waitpid(-1, Posix.WNOHANG).pid());
        Report.say(rep, "kill check only " + errno(() -> px.kill(pauser, 0)));
        px.kill(pauser, Signals.SIGTERM);
        WaitStatus w = px.waitpid(pauser, 0);
        Report.say(rep, "terminated signaled " + w.signaled() + " sig " + w.termSig() + " same " + (w.pid() == pauser));
        Report.say(rep, "kill gone " + errno(() -> px.kill(pauser, 0)));
        // A zombie is there before WNOHANG looks: SIGCHLD blocked, then sigsuspend until it comes.
        AtomicInteger chld = new AtomicInteger();
        px.sigaction(Signals.SIGCHLD, s -> chld.incrementAndGet());
        px.block(Signals.SIGCHLD);
        int exiter = px.fork(child("ExitWith"), String.valueOf(rep), "3");
        Report.say(rep, "suspend " + errno(() -> px.sigsuspend(new SigSet())) + " chld " + chld.get());
        WaitStatus z = px.waitpid(-1, Posix.WNOHANG);
        Report.say(rep, "nohang zombie same " + (z.pid() == exiter) + " status " + z.exitStatus());
        Report.say(rep, "wrong pid " + errno(() -> px.waitpid(exiter, 0)));
        // Process groups: a child in another group is not ours to wait for with pid 0.
        int other = px.fork(child("Pauser"), String.valueOf(rep));
        px.setpgid(other, 0);
        Report.say(rep, "group wait own group " + errno(() -> px.waitpid(0, Posix.WNOHANG)));
        Report.say(rep, "group wait other group " + px.waitpid(-other, Posix.WNOHANG).pid());
        px.kill(-other, Signals.SIGKILL);
        Report.say(rep, "group killed sig " + px.waitpid(-other, 0).termSig());
    }

    private static void orphan(Posix px, int rep) {
        int middle = px.fork(child("Middle"), String.valueOf(rep));
        WaitStatus m = px.waitpid(middle, 0);
        Report.say(rep, "middle exited " + m.exitStatus());
        WaitStatus g = px.waitAny(); // INIT (this program) inherits the grandchild
        Report.say(rep, "grandchild reaped by init status " + g.exitStatus());
    }







    /** Forks until the table is full (EAGAIN); non-root processes leave the last slots free. */
    private static void limit(Posix px, int rep) {
        int asRoot = fillTable(px);
        px.setuid(5);
        int asUser = fillTable(px);
        Report.say(rep, "root forks more " + (asRoot - asUser) + " eagain " + (asUser > 0));
    }

    private static int fillTable(Posix px) {
        int group = 0;
        int count = 0;
        while (true) {
            int child;
            try {
                child = px.fork(child("Pauser"), "0");
            } catch (PosixException e) {
                if (e.errno() != minixj.lib.ipc.Errno.EAGAIN) throw e;
                break;
            }
            if (group == 0) group = child;
            px.setpgid(child, group);
            count++;
        }
        px.kill(-group, Signals.SIGKILL);
        for (int i = 0; i < count; i++) px.waitAny();
        return count;
    }
}

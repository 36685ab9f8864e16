package minixj.tests.programs.posix;

import static minixj.tests.programs.posix.Main.child;
import static minixj.tests.programs.posix.Main.errno;

import java.util.concurrent.atomic.AtomicInteger;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.posix.Posix;
import minixj.lib.posix.WaitStatus;

/** Signal scenarios of the PM test program: actions, masks, stop/continue, alarm, crashes. */
final class SignalScenarios {
    private SignalScenarios() {
    }

    static void signals(Posix px, int rep) {
        AtomicInteger usr1 = new AtomicInteger();
        px.sigaction(Signals.SIGUSR1, s -> usr1.incrementAndGet());
        px.kill(px.getpid(), Signals.SIGUSR1);
        Report.say(rep, "caught before kill returned " + usr1.get());
        px.block(Signals.SIGUSR1);
        px.kill(px.getpid(), Signals.SIGUSR1);
        Report.say(rep, "blocked count " + usr1.get() + " pending " + px.sigpending().contains(Signals.SIGUSR1));
        px.unblock(Signals.SIGUSR1);
        Report.say(rep, "unblocked count " + usr1.get() + " pending " + px.sigpending().contains(Signals.SIGUSR1));
        px.sigignore(Signals.SIGUSR1);
        px.kill(px.getpid(), Signals.SIGUSR1);
        Report.say(rep, "ignored count " + usr1.get());
        Report.say(rep, "catch SIGKILL " + errno(() -> px.sigaction(Signals.SIGKILL, s -> { })));
        Report.say(rep, "ignore SIGSTOP " + errno(() -> px.sigignore(Signals.SIGSTOP)));
        Report.say(rep, "bad signal " + errno(() -> px.kill(px.getpid(), 99)));
        Report.say(rep, "no such pid " + errno(() -> px.kill(29999, 0)));
        Report.say(rep, "kill init " + errno(() -> px.kill(1, Signals.SIGKILL)));
        // A child that catches SIGTERM survives it; SIGKILL ends it anyway.
        int child = px.fork(child("Pauser"), String.valueOf(rep), String.valueOf(Signals.SIGTERM));
        px.kill(child, Signals.SIGTERM);
        Report.say(rep, "catching child alive " + px.waitpid(child, Posix.WNOHANG).pid());
        px.kill(child, Signals.SIGKILL);
        Report.say(rep, "killed sig " + px.waitpid(child, 0).termSig());
    }

    static void alarm(Posix px, int rep) {
        AtomicInteger alarms = new AtomicInteger();
        px.sigaction(Signals.SIGALRM, s -> alarms.incrementAndGet());
        Report.say(rep, "first alarm " + px.alarm(1));
        Report.say(rep, "suspend " + errno(() -> px.sigsuspend(new SigSet())) + " alarms " + alarms.get());
        px.alarm(5);
        Report.say(rep, "cancel left " + px.alarm(0));
        int child = px.fork(child("Pauser"), String.valueOf(rep));
        px.kill(child, Signals.SIGALRM);
        Report.say(rep, "default alarm sig " + px.waitpid(child, 0).termSig());
    }

    static void crash(Posix px, int rep) {
        int child = px.fork(child("Crasher"), String.valueOf(rep));
        WaitStatus w = px.waitpid(child, 0);
        Report.say(rep, "crashed signaled " + w.signaled() + " sig " + w.termSig());
    }

    /** A stopped child runs nothing, not even a handler, until SIGCONT. */
    static void stop(Posix px, int rep) {
        AtomicInteger ready = new AtomicInteger();
        px.sigaction(Signals.SIGUSR2, s -> ready.incrementAndGet());
        px.block(Signals.SIGUSR2);
        int child = px.fork(child("Stoppable"), String.valueOf(rep));
        Report.say(rep, "ready " + errno(() -> px.sigsuspend(new SigSet())) + " " + ready.get());
        px.kill(child, Signals.SIGSTOP);
        px.kill(child, Signals.SIGUSR1);
        Report.say(rep, "sent while stopped");
        px.kill(child, Signals.SIGCONT);
        WaitStatus w = px.waitpid(child, 0);
        Report.say(rep, "child exited " + w.exited() + " status " + w.exitStatus());
    }
}

package minixj.tests.programs.posix;

import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;

/** Entry classes for forked children; args[0] is always the reporter's endpoint. */
final class Children {
    private Children() {
    }

    /** Waits for signals until one ends it (sigsuspend with nothing blocked). */
    static void pause(Posix px) {
        while (true) {
            try {
                px.sigsuspend(new SigSet());
            } catch (PosixException e) {
                // EINTR after a caught signal: wait again
            }
        }
    }

    /** Exits with args[1]. */
    public static final class ExitWith {
        private ExitWith() {
        }

        public static void main(String[] args) {
            new Posix(Trap.current()).exit(Integer.parseInt(args[1]));
        }
    }

    /** Reports its pid, parent and uid, then exits with 7. */
    public static final class Describe {
        private Describe() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int reporter = Integer.parseInt(args[0]);
            Report.say(reporter, "child pid=" + px.getpid() + " ppid=" + px.getppid() + " uid=" + px.getuid());
            px.exit(7);
        }
    }

    /** Catches SIGUSR1 and SIGTERM, then waits for signals forever. */
    public static final class Pauser {
        private Pauser() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            if (args.length > 1) px.sigaction(Integer.parseInt(args[1]), s -> { });
            pause(px);
        }
    }

    /** Forks a Grandchild, then exits at once (the grandchild becomes INIT's). */
    public static final class Middle {
        private Middle() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            px.fork(Grandchild.class.getName(), args[0], String.valueOf(px.getpid()));
            px.exit(0);
        }
    }

    /** Waits until its parent (args[1]) has gone, reports its new parent, exits with 5. */
    public static final class Grandchild {
        private Grandchild() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int first = Integer.parseInt(args[1]);
            int ppid;
            do {
                ppid = px.getppid();
            } while (ppid == first);
            Report.say(Integer.parseInt(args[0]), "orphan adopted by " + ppid);
            px.exit(5);
        }
    }

    /** Reports what setsid and the group calls do for a child. */
    public static final class Session {
        private Session() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int reporter = Integer.parseInt(args[0]);
            int pid = px.getpid();
            Report.say(reporter, "child group inherited " + (px.getpgrp() == 1));
            Report.say(reporter, "setsid new session " + (px.setsid() == pid) + " group " + (px.getpgrp() == pid));
            try {
                px.setsid();
            } catch (PosixException e) {
                Report.say(reporter, "second setsid " + e.errno());
            }
            px.exit(0);
        }
    }

    /** Fails with an uncaught exception (the kernel raises SIGABRT; PM ends it). */
    public static final class Crasher {
        private Crasher() {
        }

        public static void main(String[] args) {
            throw new IllegalStateException("crash on purpose");
        }
    }

    /** Touches memory, forks a child that checks it sees the parent's data, and exits. */
    public static final class MemoryChild {
        private MemoryChild() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            long address = Long.parseLong(args[1]);
            int seen = Trap.current().memory().readInt(address);
            Trap.current().memory().writeInt(address, -1);
            px.exit(seen == Integer.parseInt(args[2]) ? 0 : 1);
        }
    }

    /** Computes for a while (args[1] rounds), then exits. */
    public static final class Spin {
        private Spin() {
        }

        public static void main(String[] args) {
            long x = 0;
            for (long i = 0; i < Long.parseLong(args[1]); i++) x += i ^ (x >>> 3);
            new Posix(Trap.current()).exit(x == 42 ? 1 : 0);
        }
    }

    /** Catches SIGUSR1 (reports it), tells its parent with SIGUSR2, waits for one signal, exits. */
    public static final class Stoppable {
        private Stoppable() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int reporter = Integer.parseInt(args[0]);
            px.sigaction(minixj.lib.ipc.Signals.SIGUSR1, s -> Report.say(reporter, "child handled " + s));
            px.kill(px.getppid(), minixj.lib.ipc.Signals.SIGUSR2);
            try {
                px.sigsuspend(new SigSet());
            } catch (PosixException e) {
                Report.say(reporter, "child suspend " + e.errno());
            }
            px.exit(0);
        }
    }
}

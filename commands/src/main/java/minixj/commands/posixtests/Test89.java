package minixj.commands.posixtests;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmProcEntry;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test89: setuid/seteuid/setgid/setegid from every combination of real, effective and
 * saved id the calls alone can set up (MINIX reaches the others by exec of set-uid programs,
 * which comes with VFS). Each case runs in a child; the expected outcome is MINIX's table. The
 * saved ids, which no call returns, are read by the (root) parent from PM's process table
 * (getsysinfo) while the child stops itself at each checkpoint and waits for SIGCONT (the parent
 * sees the stop with WUNTRACED).
 */
final class Test89 {
    private static final int SUB_REAL = 0;
    private static final int SUB_EFF = 1;
    private static final int SUB_REAL_E0 = 2;
    private static final int SUB_EFF_E0 = 3;

    private final Common t;
    private final Posix px;

    private Test89(Common t) {
        this.t = t;
        this.px = t.px;
    }

    static void run(Common t, String[] args) {
        Test89 test = new Test89(t);
        test.uids();
        test.gids();
        test.retainedAcrossFork();
    }

    /** ruid, euid, suid, uid, setuid's result, seteuid's result (1 ok, 0 EPERM, -1 unreachable). */
    private static int[][] uidSets() {
        return new int[][] {
            {0, 0, 0, 0, 1, 1}, {0, 0, 0, 1, 1, 1}, {0, 0, 1, 0, 1, 1}, {0, 0, 1, 1, 1, 1}, {0, 0, 1, 2, 1, 1},
            {0, 1, 0, 0, 1, 1}, {0, 1, 0, 1, 0, 0}, {0, 1, 0, 2, 0, 0}, {0, 1, 1, 0, 1, 1}, {0, 1, 1, 1, 0, 1},
            {0, 1, 1, 2, 0, 0}, {1, 0, 0, 0, 1, 1}, {1, 0, 0, 1, 1, 1}, {1, 0, 0, 2, 1, 1}, {1, 1, 0, 0, 0, 1},
            {1, 1, 0, 1, 1, 1}, {1, 1, 0, 2, 0, 0}, {1, 1, 1, 0, 0, 0}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 2, 0, 0},
            {1, 1, 2, 0, 0, 0}, {1, 1, 2, 1, 1, 1}, {1, 1, 2, 2, 0, 1}, {1, 2, 0, 0, 0, 1}, {1, 2, 0, 1, 1, 1},
            {1, 2, 0, 2, 0, 0}, {1, 2, 2, 0, 0, 0}, {1, 2, 2, 1, 1, 1}, {1, 2, 2, 2, 0, 1},
        };
    }

    /** rgid, egid, sgid, gid, setgid's result, setegid's result (with euid 1; root always succeeds). */
    private static int[][] gidSets() {
        return new int[][] {
            {0, 0, 0, 0, 1, 1}, {0, 0, 0, 1, 0, 0}, {0, 0, 1, 0, 1, 1}, {0, 0, 1, 1, 0, 1}, {0, 0, 1, 2, 0, 0},
            {0, 1, 0, 0, 1, 1}, {0, 1, 0, 1, 0, 0}, {0, 1, 0, 2, 0, 0}, {0, 1, 1, 0, 1, 1}, {0, 1, 1, 1, 0, 1},
            {0, 1, 1, 2, 0, 0}, {1, 0, 0, 0, 0, 1}, {1, 0, 0, 1, 1, 1}, {1, 0, 0, 2, 0, 0}, {1, 0, 1, 0, 0, 0},
            {1, 0, 1, 1, 1, 1}, {1, 0, 1, 2, 0, 0}, {1, 1, 0, 0, 0, 1}, {1, 1, 0, 1, 1, 1}, {1, 1, 0, 2, 0, 0},
            {1, 1, 1, 0, 0, 0}, {1, 1, 1, 1, 1, 1}, {1, 1, 1, 2, 0, 0}, {1, 2, 1, 0, 0, 0}, {1, 2, 1, 1, 1, 1},
            {1, 2, 1, 2, 0, 0},
        };
    }

    /** Subtest 1: setuid and seteuid. */
    private void uids() {
        t.subtest(1);
        int[][] sets = uidSets();
        for (int n = 0; n < sets.length; n++) {
            int[] s = sets[n];
            // Without exec the saved id equals the real one, and a non-root real id is also the effective one.
            if (s[0] != s[2] || (s[0] != 0 && s[0] != s[1])) continue;
            for (int sub = SUB_REAL; sub <= SUB_EFF; sub++) {
                boolean ok = (sub == SUB_REAL ? s[4] : s[5]) == 1;
                int[] after = !ok ? new int[] {s[0], s[1], s[2]}
                        : sub == SUB_REAL ? new int[] {s[3], s[3], s[3]} : new int[] {s[0], s[3], s[2]};
                runCase(n, "u", sub, s, new int[] {s[0], s[1], s[2]}, after, null, null);
            }
        }
    }

    /** Subtest 2: setgid and setegid, as root (always allowed) and with effective uid 1. */
    private void gids() {
        t.subtest(2);
        int[][] sets = gidSets();
        for (int n = 0; n < sets.length; n++) {
            int[] s = sets[n];
            if (s[0] != s[2]) continue; // a saved gid other than the real one needs a set-gid exec
            for (int sub = SUB_REAL; sub <= SUB_EFF_E0; sub++) {
                boolean asRoot = sub == SUB_REAL_E0 || sub == SUB_EFF_E0;
                boolean real = sub == SUB_REAL || sub == SUB_REAL_E0;
                boolean ok = asRoot || (real ? s[4] : s[5]) == 1;
                int[] after = !ok ? new int[] {s[0], s[1], s[2]}
                        : real ? new int[] {s[3], s[3], s[3]} : new int[] {s[0], s[3], s[2]};
                runCase(n, "g", sub, s, null, null, new int[] {s[0], s[1], s[2]}, after);
            }
        }
    }

    /**
     * One case in a child: it sets up the ids, stops (the parent checks them), makes the call,
     * stops again (the parent checks the outcome), and exits with its own error count.
     */
    private void runCase(int n, String kind, int sub, int[] set, int[] uidsBefore, int[] uidsAfter, int[] gidsBefore,
                         int[] gidsAfter) {
        int child = px.fork(Case.class.getName(), kind, String.valueOf(sub), String.valueOf(set[0]),
                String.valueOf(set[1]), String.valueOf(set[3]));
        for (int checkpoint = 0; checkpoint < 2; checkpoint++) {
            WaitStatus w = px.waitpid(child, Posix.WUNTRACED);
            if (!w.stopped() || w.stopSignal() != Signals.SIGSTOP) {
                t.e(n, kind + " case " + n + " sub " + sub + ": no stop at checkpoint " + checkpoint
                        + " (status " + Integer.toHexString(w.status()) + ")");
                if (!w.stopped()) return;
            }
            PmProcEntry e = entry(child);
            int[] uids = checkpoint == 0 ? uidsBefore : uidsAfter;
            int[] gids = checkpoint == 0 ? gidsBefore : gidsAfter;
            if (e == null) {
                t.e(n, "no table entry for " + child);
            } else if (uids != null && (e.realUid() != uids[0] || e.effUid() != uids[1] || e.savedUid() != uids[2])) {
                t.e(n, "uid case " + n + " sub " + sub + " checkpoint " + checkpoint + ": " + e.realUid() + "/"
                        + e.effUid() + "/" + e.savedUid());
            } else if (gids != null && (e.realGid() != gids[0] || e.effGid() != gids[1] || e.savedGid() != gids[2])) {
                t.e(n, "gid case " + n + " sub " + sub + " checkpoint " + checkpoint + ": " + e.realGid() + "/"
                        + e.effGid() + "/" + e.savedGid());
            }
            px.kill(child, Signals.SIGCONT);
        }
        WaitStatus w = px.waitpid(child, 0);
        if (!w.exited() || w.exitStatus() != 0) t.e(n, kind + " case " + n + " sub " + sub + " child status "
                + Integer.toHexString(w.status()));
    }

    private PmProcEntry entry(int pid) {
        for (PmProcEntry e : px.procTable()) if (e.pid() == pid) return e;
        return null;
    }

    /** A case child: args kind ("u"/"g"), sub, real id, effective id, the id to set. */
    public static final class Case {
        private Case() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            boolean uid = args[0].equals("u");
            int sub = Integer.parseInt(args[1]);
            int real = Integer.parseInt(args[2]);
            int eff = Integer.parseInt(args[3]);
            int id = Integer.parseInt(args[4]);
            int errors = 0;
            if (uid) {
                px.setuid(real);
                px.seteuid(eff);
                if (px.getuid() != real || px.geteuid() != eff) errors++;
            } else {
                px.setgid(real);
                px.setegid(eff);
                if (px.getgid() != real || px.getegid() != eff) errors++;
            }
            px.kill(px.getpid(), Signals.SIGSTOP);
            int r;
            if (uid) {
                r = errno(() -> { if (sub == SUB_REAL) px.setuid(id); else px.seteuid(id); });
            } else {
                if (sub == SUB_REAL || sub == SUB_EFF) px.seteuid(1);
                r = errno(() -> {
                    if (sub == SUB_REAL || sub == SUB_REAL_E0) px.setgid(id); else px.setegid(id);
                });
            }
            if (r != 0 && r != Errno.EPERM) errors++;
            px.kill(px.getpid(), Signals.SIGSTOP);
            px.exit(errors);
        }

        private static int errno(Runnable call) {
            try {
                call.run();
                return 0;
            } catch (PosixException e) {
                return e.errno();
            }
        }
    }

    /** Subtest 3: fork keeps real, effective and saved ids. */
    private void retainedAcrossFork() {
        t.subtest(3);
        int child = px.fork(Retain.class.getName());
        WaitStatus w = px.waitpid(child, Posix.WUNTRACED); // the grandchild is checked by the child
        t.check(1, w.exited() && w.exitStatus() == 0, "status " + Integer.toHexString(w.status()));
    }

    /** Sets ids 0/7 (real/effective uid, saved 0) and 5/9 gids, forks, and checks the grandchild has them. */
    public static final class Retain {
        private Retain() {
        }

        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            if (args.length == 0) {
                px.setgid(5);
                px.setegid(9);
                px.seteuid(7);
                int grandchild = px.fork(Retain.class.getName(), "check");
                WaitStatus w = px.waitpid(grandchild, 0);
                px.seteuid(0); // allowed: the saved uid stayed 0
                px.exit(w.exited() ? w.exitStatus() : 99);
            }
            int errors = 0;
            if (px.getuid() != 0 || px.geteuid() != 7 || px.getgid() != 5 || px.getegid() != 9) errors++;
            try {
                px.seteuid(0); // the saved uid 0 came along
                px.seteuid(7);
            } catch (PosixException e) {
                errors++;
            }
            px.exit(errors);
        }
    }
}

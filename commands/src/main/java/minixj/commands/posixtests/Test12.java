package minixj.commands.posixtests;

import minixj.lib.posix.WaitStatus;

/** MINIX test12: 1000 rounds of fork, exit and wait. */
final class Test12 {
    static final int ROUNDS = 1000;

    private Test12() {
    }

    static void run(Common t, String[] args) {
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : ROUNDS;
        for (int i = 0; i < rounds; i++) {
            int pid = t.px.fork(Test1.ExitWith.class.getName(), String.valueOf(i & 0xFF));
            WaitStatus w = t.px.waitpid(pid, 0);
            if (w.pid() != pid || !w.exited() || w.exitStatus() != (i & 0xFF)) {
                t.e(1, "round " + i + ": pid " + w.pid() + " status " + w.status());
            }
        }
    }
}

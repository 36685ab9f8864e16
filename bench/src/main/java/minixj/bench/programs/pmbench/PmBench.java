package minixj.bench.programs.pmbench;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.posix.Posix;

/**
 * Runs batches of one process operation and marks the end of each batch with a sendrec to the
 * host's timer process, which reads the host clock (programs have none). Arguments: the timer's
 * endpoint, the operation (getpid, fork, spawn), the batch size and the number of batches.
 */
public final class PmBench {
    private PmBench() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        Posix px = new Posix(trap);
        int timer = Integer.parseInt(args[1]);
        String op = args[2];
        int batch = Integer.parseInt(args[3]);
        int batches = Integer.parseInt(args[4]);
        Message mark = new Message();
        trap.sendrec(timer, mark.clear());
        for (int b = 0; b < batches; b++) {
            for (int i = 0; i < batch; i++) {
                switch (op) {
                    case "getpid" -> px.getpid();
                    case "fork" -> px.waitpid(px.fork(Child.class.getName()), 0);
                    case "spawn" -> px.waitpid(px.posixSpawn("/bin/true", "true"), 0);
                    default -> throw new IllegalArgumentException(op);
                }
            }
            trap.sendrec(timer, mark.clear());
        }
        px.exit(0);
    }

    /** The fork child: exits at once. */
    public static final class Child {
        public static void main(String[] args) {
            new Posix(Trap.current()).exit(0);
        }
    }
}

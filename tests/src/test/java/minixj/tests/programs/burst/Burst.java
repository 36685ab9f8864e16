package minixj.tests.programs.burst;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** Test program: computes for a while without kernel calls, then waits for the endpoint in args[1]. */
public final class Burst {
    private Burst() {
    }

    public static void main(String[] args) {
        long x = 0;
        for (long i = 0; i < 500_000_000L; i++) {
            x += i ^ (x >>> 3);
        }
        Message m = new Message(1).putLong(0, x);
        Trap.current().sendrec(Integer.parseInt(args[1]), m);
    }
}

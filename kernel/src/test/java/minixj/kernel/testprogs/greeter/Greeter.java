package minixj.kernel.testprogs.greeter;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** Test program: sends its arguments' count and the endpoint in args[1] a greeting, then ends. */
public final class Greeter {
    private Greeter() {
    }

    public static void main(String[] args) {
        int target = Integer.parseInt(args[1]);
        Message m = new Message(0x4242).putInt(0, args.length);
        Trap.current().sendrec(target, m);
    }
}

package minixj.kernel.testprogs.forker;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** Test program, child side: reports its arguments and what it sees of the parent's static. */
public final class Child {
    private Child() {
    }

    public static void main(String[] args) {
        Message m = new Message(0x7002).putInt(0, Main.counter).putInt(4, args.length)
                .putInt(8, Integer.parseInt(args[1]));
        Trap.current().sendrec(Integer.parseInt(args[0]), m);
    }
}

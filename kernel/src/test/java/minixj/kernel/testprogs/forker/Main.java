package minixj.kernel.testprogs.forker;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** Test program, parent side: counts in a static, then asks PM (args[1]) to fork it into Child. */
public final class Main {
    static int counter;

    private Main() {
    }

    public static void main(String[] args) {
        counter = 41;
        Message m = new Message(0x7001).putInt(0, counter);
        Trap.current().sendrec(Integer.parseInt(args[1]), m);
    }
}

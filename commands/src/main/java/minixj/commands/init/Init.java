package minixj.commands.init;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * The first user process, in its first form: it greets the services named on its command line
 * (by endpoint) and ends. Later steps make it run /etc/rc and start a shell.
 */
public final class Init {
    /** Request type understood by the hello service. */
    static final int HELLO_GREET = 0x1100;

    private Init() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        Message m = new Message();
        for (int i = 1; i < args.length; i++) {
            int endpoint;
            try {
                endpoint = Integer.parseInt(args[i]);
            } catch (NumberFormatException e) {
                continue;
            }
            m.clear().type(HELLO_GREET);
            int r = trap.sendrec(endpoint, m);
            if (r != Errno.OK || m.type() != Errno.OK) {
                throw new IllegalStateException("init: no greeting from endpoint " + endpoint + ": "
                        + Errno.name(r != Errno.OK ? r : m.type()));
            }
        }
    }
}

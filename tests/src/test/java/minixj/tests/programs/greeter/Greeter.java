package minixj.tests.programs.greeter;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sys.Sys;

/** The example of docs/PROGRAMS.md: answers every request with the request's number plus one. */
public final class Greeter {
    private Greeter() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        Sys.diagctlDiag(trap, "greeter: ready\n");
        Message m = new Message();
        while (true) {
            if (trap.receive(Endpoint.ANY, m) != Errno.OK) continue;
            if (Ipc.isNotify(trap.ipcStatus())) continue;
            int caller = m.source();
            m.type(m.type() + 1);
            trap.sendnb(caller, m);
        }
    }
}

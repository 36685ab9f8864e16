package minixj.tests.programs.counter;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.sef.InitInfo;
import minixj.lib.sef.LuState;
import minixj.lib.sef.Sef;

/** Answers every request with the number of requests it has served; SIGTERM stops it. */
public final class Counter {
    private final Trap trap = Trap.current();
    private final Sef sef;
    private int served;
    private boolean stopping;

    private Counter() {
        sef = Sef.builder()
                .onInitFresh(info -> Errno.OK)
                .onInitRestart(this::restarted)
                .onSignal(this::signal)
                .onLuStateValid((state, flags) -> state == LuState.WORK_FREE || state == LuState.REQUEST_FREE)
                .onLuPrepare(state -> Errno.OK)      // REQUEST_FREE: no request ever stays pending here
                .build();
    }

    public static void main(String[] args) {
        new Counter().run();
    }

    /** After a crash: start counting again, behind the same endpoint (MINIX's "restart" policy). */
    private int restarted(InitInfo info) {
        sef.log("restarted (" + info.restarts() + "), the dead instance was " + info.oldEndpoint());
        return Errno.OK;                             // ERESTART would ask for a new endpoint ("reset")
    }

    /** SIGTERM comes from `service down` through RS; anything else is ignored. */
    private void signal(int signal) {
        if (signal != Signals.SIGTERM) return;
        stopping = true;
        sef.cancel();                                // the receive in progress returns EINTR
    }

    private void run() {
        sef.startup();                               // waits for RS_INIT, runs the init, checks in
        Message m = new Message();
        while (!stopping) {
            if (sef.receive(Endpoint.ANY, m) != Errno.OK) continue;   // EINTR after cancel()
            if (Ipc.isNotify(sef.ipcStatus())) continue;
            int caller = m.source();
            served++;
            m.clear().type(Errno.OK).putInt(0, served);
            trap.sendnb(caller, m);
        }
        sef.log("stopping after " + served + " requests");   // returning from main ends the process
    }
}

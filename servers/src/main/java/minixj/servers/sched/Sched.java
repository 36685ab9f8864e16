package minixj.servers.sched;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SchedMsg;
import minixj.lib.ipc.layout.SchedNoQuantum;
import minixj.lib.sef.Sef;
import minixj.lib.sys.Sys;

/**
 * SCHED's main loop: requests from PM and RS (start, inherit, stop, nice), out-of-quantum
 * messages from the kernel, and a clock alarm every {@value #BALANCE_SECONDS} seconds for the
 * rebalance. It runs in SEF; its fresh init arms the first alarm. It has no restart init of
 * its own, so a crashed SCHED is reincarnated (MINIX's default "reset").
 */
public final class Sched {
    /** Seconds between two rebalances. */
    static final int BALANCE_SECONDS = 5;

    private Sched() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        long balanceTicks = (long) BALANCE_SECONDS * Sys.getHz(trap);
        Sef sef = Sef.builder().onInitFresh(info -> Sys.setalarm(trap, balanceTicks, false)).build(trap).startup();
        Scheduling scheduling = new Scheduling(trap, sef.self());
        Message m = new Message();
        while (true) {
            if (sef.receive(Endpoint.ANY, m) != Errno.OK) continue;
            int status = sef.ipcStatus();
            int source = m.source();
            if (Ipc.isNotify(status)) {
                if (source == Endpoint.CLOCK) {
                    scheduling.balance();
                    Sys.setalarm(trap, balanceTicks, false);
                }
                continue;
            }
            if (m.type() == SchedNoQuantum.SCHEDULING_NO_QUANTUM) {
                // Only the kernel may say a process ran out of quantum; it expects no reply.
                if (Ipc.isFromKernel(status)) {
                    scheduling.outOfQuantum(source);
                } else {
                    reply(trap, source, m, Errno.EPERM);
                }
                continue;
            }
            int result;
            if (!mayControl(source)) {
                result = Errno.EPERM;
            } else {
                SchedMsg request = new SchedMsg(m);
                result = switch (m.type()) {
                    case SchedMsg.SCHEDULING_START -> scheduling.start(request, false);
                    case SchedMsg.SCHEDULING_INHERIT -> scheduling.start(request, true);
                    case SchedMsg.SCHEDULING_STOP -> scheduling.stop(request.endpoint());
                    case SchedMsg.SCHEDULING_SET_NICE -> scheduling.setNice(request.endpoint(), request.maxPriority());
                    default -> Errno.ENOSYS;
                };
            }
            reply(trap, source, m, result);
        }
    }

    /** Only PM and RS control scheduling (by slot, so a restarted RS still may). */
    private static boolean mayControl(int source) {
        int slot = Endpoint.slot(source);
        return slot == Endpoint.PM || slot == Endpoint.RS;
    }

    private static void reply(Trap trap, int to, Message m, int result) {
        m.type(result);
        trap.sendnb(to, m);
    }
}

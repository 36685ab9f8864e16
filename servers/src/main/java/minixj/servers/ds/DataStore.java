package minixj.servers.ds;

import minixj.lib.ds.Ds;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.Sys;

/**
 * DS's main loop (MINIX's servers/ds/main.c): receive a request, serve it, reply with sendnb.
 * A notify sent to DS is answered EINVAL, as MINIX does. All state is in one {@link DsState},
 * which a restarted or updated instance can be given ({@link #DataStore(Trap, DsState)}).
 */
public final class DataStore {
    private final Trap trap;
    private final DsState state;
    private final Requests requests;

    /**
     * A DS serving {@code state} (a fresh {@link DsState}, or one taken over from a previous
     * instance and checked with {@link DsState#validate}).
     */
    public DataStore(Trap trap, DsState state) {
        this.trap = trap;
        this.state = state;
        int self = Sys.whoami(trap).endpoint();
        long scratch = GrantTables.open(trap).heap().malloc(Ds.MAX_VALUE_SIZE);
        if (scratch == 0) throw new IllegalStateException("ds: no memory for the copy buffer");
        Names names = new Names(state, self);
        Subscriptions subscriptions = new Subscriptions(state, names, trap::notify);
        Store store = new Store(state, names, subscriptions);
        requests = new Requests(trap, scratch, store, subscriptions, new Snapshots(state, store),
                new Maps(state, store, subscriptions));
    }

    public static void main(String[] args) {
        new DataStore(Trap.current(), new DsState()).run();
    }

    /** The state this instance serves. */
    public DsState state() {
        return state;
    }

    /** Serves requests forever. */
    public void run() {
        Message m = new Message();
        while (true) {
            if (trap.receive(Endpoint.ANY, m) != Errno.OK) continue;
            serve(m, trap.ipcStatus());
        }
    }

    /** Serves one received message and replies. */
    public void serve(Message m, int ipcStatus) {
        int source = m.source();
        int result;
        if (Ipc.isNotify(ipcStatus)) {
            if (Ipc.isFromKernel(ipcStatus) || Endpoint.isTask(source)) return;
            result = Errno.EINVAL;
        } else {
            try {
                result = requests.handle(m);
            } catch (RuntimeException bug) {
                // A bug must not take the store down with it: log it and refuse the request.
                Sys.diagctlDiag(trap, "ds: request 0x" + Integer.toHexString(m.type()) + " from " + source
                        + " failed: " + bug + "\n");
                result = Errno.EGENERIC;
            }
        }
        m.type(result);
        trap.sendnb(source, m);
    }
}

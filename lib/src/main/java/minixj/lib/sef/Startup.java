package minixj.lib.sef;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.RsInitMsg;
import minixj.lib.sys.Sys;

/**
 * The init handshake of {@link Sef#startup()} (MINIX's {@code sef_startup} and
 * {@code process_init}): wait for RS_INIT, run the init callback, check in.
 */
final class Startup {
    private final Sef sef;
    private final Trap trap;
    private final SefCallbacks callbacks;

    Startup(Sef sef, Trap trap, SefCallbacks callbacks) {
        this.sef = sef;
        this.trap = trap;
        this.callbacks = callbacks;
    }

    /** Runs the whole init; returns what the callback was told. Throws {@link Panic} on failure. */
    InitInfo run(int kernelInitFlags) {
        int self = sef.self();
        if (Endpoint.slot(self) == Endpoint.RS) {
            // RS cannot send itself RS_INIT: its privilege flags say how it was started.
            int flags = sef.privilegeFlags();
            InitType type = (flags & PrivFlags.LU_SYS_PROC) != 0 ? InitType.LIVE_UPDATE
                    : (flags & PrivFlags.RST_SYS_PROC) != 0 ? InitType.RESTART : InitType.FRESH;
            return initWithoutRs(InitInfo.freshWithoutRs(type, self, kernelInitFlags));
        }
        if (!rsRuns()) {
            // Machines without RS (tests, the boot image before RS joins it) start services at once.
            return initWithoutRs(InitInfo.freshWithoutRs(InitType.FRESH, self, kernelInitFlags));
        }
        InitInfo info = awaitRsInit(self);
        checkIn(info, initialise(info));
        return info;
    }

    private InitInfo initWithoutRs(InitInfo info) {
        int r = initialise(info);
        if (r != Errno.OK) throw sef.panic("init (" + info.type() + ") failed: " + Errno.name(r));
        return info;
    }

    /** True while a process holds RS's endpoint (SYS_TIMES names only live processes). */
    private boolean rsRuns() {
        return Sys.times(trap, Endpoint.RS).result() == Errno.OK;
    }

    /**
     * Receives only from RS until a genuine RS_INIT comes. Pings and requests RS sent before
     * were meant for a previous instance (e.g. a stale update request) and are dropped.
     */
    private InitInfo awaitRsInit(int self) {
        Message m = new Message();
        while (true) {
            int r = trap.receive(Endpoint.RS, m);
            if (r != Errno.OK) throw sef.panic("waiting for RS_INIT: " + Errno.name(r));
            if (Ipc.isNotify(trap.ipcStatus()) || m.type() != RsInitMsg.RS_INIT) continue;
            RsInitMsg init = new RsInitMsg(m);
            InitType type = InitType.fromCode(init.type());
            if (type == null) {
                sef.log("ignoring RS_INIT of unknown type " + init.type());
                continue;
            }
            return new InitInfo(type, init.flags(), self, init.oldEndpoint(), init.restarts(),
                    init.publicTableGrant(), init.stateGrant(), init.prepareState(), init.bufferAddress(),
                    init.bufferLength());
        }
    }

    /** process_init: debug flags first, then the callback of the type (or SEF's default). */
    private int initialise(InitInfo info) {
        // A new instance starts without the IPC filters a predecessor's preparation may have left.
        Sys.statectlClearFilters(trap);
        if (info.has(InitFlags.CRASH)) throw sef.panic("crashing in init (debug init flag CRASH)");
        if (info.has(InitFlags.FAIL)) {
            sef.log("failing init (debug init flag FAIL)");
            return Errno.ENOSYS;
        }
        if (info.has(InitFlags.TIMEOUT)) {
            sef.log("blocking in init for ever (debug init flag TIMEOUT)");
            // Nothing ever comes from IDLE: the process waits until RS gives up on it.
            trap.receive(Endpoint.IDLE, new Message());
            return Errno.EBADCALL;
        }
        boolean defaults = info.has(InitFlags.DEFCB);
        return switch (info.type()) {
            case FRESH -> callbacks.initFresh != null && !defaults ? callbacks.initFresh.init(info) : Errno.OK;
            case RESTART -> callbacks.initRestart != null && !defaults ? callbacks.initRestart.init(info)
                    : Errno.ERESTART;
            case LIVE_UPDATE -> callbacks.initLiveUpdate != null && !defaults ? callbacks.initLiveUpdate.init(info)
                    : defaultLiveUpdate(info, defaults);
        };
    }

    /**
     * An identity update is a restart that finds its predecessor alive, so the restart callback
     * can do it; anything else needs state transfer, which MinixJ does not have yet (ENOSYS, as
     * MINIX without its instrumentation).
     */
    private int defaultLiveUpdate(InitInfo info, boolean defaults) {
        if (info.isIdentityUpdate() && !defaults && callbacks.initRestart != null) {
            return callbacks.initRestart.init(info);
        }
        return Errno.ENOSYS;
    }

    /**
     * Tells RS the result with SENDREC and waits for its answer. A failed init (ERESTART
     * included) ends the process once RS answered; RS may also kill it first, as MINIX's does.
     */
    private void checkIn(InitInfo info, int result) {
        Message m = new Message(RsInitMsg.RS_INIT);
        new RsInitMsg(m).result(result);
        int r = trap.sendrec(Endpoint.RS, m);
        if (result == Errno.ERESTART) throw sef.panic("init (" + info.type() + ") asks RS to reincarnate it (ERESTART)");
        if (result != Errno.OK) throw sef.panic("init (" + info.type() + ") failed: " + Errno.name(result));
        if (r != Errno.OK) throw sef.panic("check-in with RS failed: " + Errno.name(r));
        if (m.type() != Errno.OK) throw sef.panic("RS refused the check-in: " + Errno.name(m.type()));
    }
}

package minixj.lib.sef;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.RsLuPrepareMsg;
import minixj.lib.sys.Sys;

/**
 * The service side of a live update's preparation (spec minix-reliability §2.4): take a
 * prepare request from RS, decide readiness each time the service is about to block, save
 * state and report to RS, and carry on as the live instance if the update does not happen.
 *
 * <p>Not yet here (they need RS's state data, which RS defines with its update code): the EVAL
 * expression and the IPC filters that restrict what the service receives while preparing.
 * EVAL is therefore like any service-defined state: supported only if the service's validator
 * accepts it, ready when its prepare callback says so.
 */
final class LiveUpdate {
    private final Sef sef;
    private final Trap trap;
    private final SefCallbacks callbacks;
    private int state = LuState.NULL;
    private int flags;
    private int lastResult = Errno.OK;

    LiveUpdate(Sef sef, Trap trap, SefCallbacks callbacks) {
        this.sef = sef;
        this.trap = trap;
        this.callbacks = callbacks;
    }

    int state() {
        return state;
    }

    int lastResult() {
        return lastResult;
    }

    /** RS_LU_PREPARE from RS: cancel, refuse, or enter preparation. */
    void request(Message m) {
        RsLuPrepareMsg request = new RsLuPrepareMsg(m);
        int requested = request.state();
        if (requested == LuState.NULL) {
            // A cancel needs no answer; it matters only while preparing.
            if (state != LuState.NULL) {
                lastResult = Errno.EINTR;
                leave();
            }
            return;
        }
        if (state != LuState.NULL) {
            report(state, Errno.EBUSY);
            return;
        }
        if (!isValid(requested, request.flags())) {
            report(requested, callbacks.luStateValidator == null ? Errno.ENOSYS : Errno.EINVAL);
            return;
        }
        state = requested;
        flags = request.flags();
        if (callbacks.luStateChanged != null) callbacks.luStateChanged.changed(LuState.NULL, state);
    }

    private boolean isValid(int requested, int updateFlags) {
        if (LuState.isDebug(requested)) return true;
        LuStateValidator validator = callbacks.luStateValidator;
        return validator == null ? requested == LuState.WORK_FREE : validator.isValid(requested, updateFlags);
    }

    /** Before the service blocks: if preparing and ready (or failed), report to RS. */
    void checkReady() {
        if (state == LuState.NULL) return;
        int r = switch (state) {
            case LuState.WORK_FREE -> Errno.OK; // about to receive: between two messages
            case LuState.UNREACHABLE -> Errno.ENOTREADY;
            case LuState.PREPARE_CRASH -> throw sef.panic("crashing in live-update preparation (PREPARE_CRASH)");
            default -> callbacks.luPrepare == null ? Errno.ENOTREADY : callbacks.luPrepare.prepare(state);
        };
        if (r == Errno.ENOTREADY) return;
        if (r == Errno.OK && callbacks.luStateSave != null) {
            int saved = callbacks.luStateSave.save(state, flags);
            if (saved != Errno.OK) r = saved;
        }
        report(state, r);
    }

    /**
     * Tells RS the outcome with SENDREC. When the update goes on, this instance never returns
     * (RS kills or detaches it). When the call returns, the update did not happen here: an
     * RS_LU_PREPARE answer means cancelled (EINTR), any other answer is RS's verdict; either way
     * the service leaves preparation and goes on serving.
     */
    private void report(int reportedState, int result) {
        // Dump the preparation that ends here (a refused request had none).
        if (state != LuState.NULL && callbacks.luStateDump != null) callbacks.luStateDump.dump(state);
        Message m = new Message(RsLuPrepareMsg.RS_LU_PREPARE);
        new RsLuPrepareMsg(m).state(reportedState).result(result);
        int r = trap.sendrec(Endpoint.RS, m);
        if (r != Errno.OK) lastResult = r;
        else if (m.type() == RsLuPrepareMsg.RS_LU_PREPARE) lastResult = Errno.EINTR;
        else lastResult = m.type() != Errno.OK ? m.type() : result;
        if (state != LuState.NULL) leave();
    }

    private void leave() {
        int old = state;
        state = LuState.NULL;
        flags = 0;
        Sys.statectlClearFilters(trap);
        if (callbacks.luStateChanged != null) callbacks.luStateChanged.changed(old, LuState.NULL);
    }
}

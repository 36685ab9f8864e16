package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * RS_LU_PREPARE, the preparation phase of a live update (spec minix-reliability §2.3, §2.4).
 *
 * <p>RS → old instance (asynchronously): reach prepare {@link #state} (1 work free, 2 request
 * free, 3 protocol free, 4 eval, 5 unreachable, 6 prepare-crash, 7 and up service-defined;
 * 0 cancels a preparation in progress and needs no answer), with the update's LU flags and a
 * grant of RS over the state data (eval expression, IPC filters) or -1.
 *
 * <p>Service → RS (SENDREC, so the service stays blocked): the state and {@link #result}: OK
 * when ready, or why not (EBUSY, ENOSYS for no live-update support, EINVAL for an unsupported
 * state, or the error of the service's prepare or state-save callback). If the update goes on,
 * the old instance never gets an answer; if it does not, RS answers with the error, or with an
 * RS_LU_PREPARE of state 0 (cancel).
 *
 * <p>The message code is MINIX's ({@code RS_RQ_BASE + 21}); the payload layout is MinixJ's.
 */
public record RsLuPrepareMsg(Message message) {
    /** RS_RQ_BASE (0x700) + 21. */
    public static final int RS_LU_PREPARE = 0x700 + 21;

    /** Service → RS: OK (ready) or the error. */
    public int result() { return message.getInt(0); }
    public RsLuPrepareMsg result(int v) { message.putInt(0, v); return this; }
    /** The prepare state (0 = cancel). */
    public int state() { return message.getInt(4); }
    public RsLuPrepareMsg state(int v) { message.putInt(4, v); return this; }
    /** LU flags of the update (SEF_LU_*). */
    public int flags() { return message.getInt(8); }
    public RsLuPrepareMsg flags(int v) { message.putInt(8, v); return this; }
    /** RS's grant over the state data (eval expression, IPC filters), or -1. */
    public int stateDataGrant() { return message.getInt(12); }
    public RsLuPrepareMsg stateDataGrant(int v) { message.putInt(12, v); return this; }
}

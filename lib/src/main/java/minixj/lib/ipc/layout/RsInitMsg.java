package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * RS_INIT, both directions of the init handshake (spec minix-reliability §1.3, §2.7, §3.7).
 *
 * <p>RS → service: "initialise now", with the init type (0 fresh, 1 live update, 2 restart,
 * {@code minixj.lib.sef.InitType}), the init flags (debug flags and live-update flags,
 * {@code minixj.lib.sef.InitFlags}), the grant of RS's public service table, the old endpoint
 * (NONE for a fresh start, the dead instance for a restart, the state source for a live update),
 * the number of restarts, the prepare state of a live update, a grant the old instance made for
 * its state (or -1), and a preallocated buffer.
 *
 * <p>Service → RS (the check-in, with SENDREC): {@link #result} is the outcome of the init
 * callback. RS answers OK to let the service run; ERESTART in the result asks RS to reincarnate
 * the service (a new instance, a new endpoint); any other error means the init failed.
 *
 * <p>The message code is MINIX's ({@code RS_RQ_BASE + 20}); the payload layout is MinixJ's.
 */
public record RsInitMsg(Message message) {
    /** RS_RQ_BASE (0x700) + 20. */
    public static final int RS_INIT = 0x700 + 20;
    /** {@link #stateGrant} when the old instance made no state grant. */
    public static final int NO_GRANT = -1;

    /** Check-in: the result of the service's init. */
    public int result() { return message.getInt(0); }
    public RsInitMsg result(int v) { message.putInt(0, v); return this; }
    /** The init type: 0 fresh, 1 live update, 2 restart. */
    public int type() { return message.getInt(4); }
    public RsInitMsg type(int v) { message.putInt(4, v); return this; }
    /** Init flags (SEF_INIT_* and SEF_LU_* bits). */
    public int flags() { return message.getInt(8); }
    public RsInitMsg flags(int v) { message.putInt(8, v); return this; }
    /** The grant id (of RS) over RS's public service table. */
    public int publicTableGrant() { return message.getInt(12); }
    public RsInitMsg publicTableGrant(int v) { message.putInt(12, v); return this; }
    /** The previous instance's endpoint (NONE for a fresh start). */
    public int oldEndpoint() { return message.getInt(16); }
    public RsInitMsg oldEndpoint(int v) { message.putInt(16, v); return this; }
    /** How many times the service has been restarted, this incarnation included. */
    public int restarts() { return message.getInt(20); }
    public RsInitMsg restarts(int v) { message.putInt(20, v); return this; }
    /** Live update: the prepare state the old instance reached. */
    public int prepareState() { return message.getInt(24); }
    public RsInitMsg prepareState(int v) { message.putInt(24, v); return this; }
    /** A grant of the old instance over its saved state, or {@link #NO_GRANT}. */
    public int stateGrant() { return message.getInt(28); }
    public RsInitMsg stateGrant(int v) { message.putInt(28, v); return this; }
    /** A buffer RS preallocated in the new instance (address), or 0. */
    public long bufferAddress() { return message.getLong(32); }
    public RsInitMsg bufferAddress(long v) { message.putLong(32, v); return this; }
    /** Length of the preallocated buffer. */
    public long bufferLength() { return message.getLong(40); }
    public RsInitMsg bufferLength(long v) { message.putLong(40, v); return this; }
}

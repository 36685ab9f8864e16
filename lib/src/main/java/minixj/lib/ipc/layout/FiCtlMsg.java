package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * COMMON_REQ_FI_CTL (0xE02): fault-injection control, understood by every system service
 * (spec minix-reliability §3.6). {@link #FI_CRASH} makes the service crash on purpose (RS sends
 * it for {@code service fi <label>}); other requests go to the service's fault-injection hook.
 * It comes asynchronously and wants no answer; any sender allowed to reach the service may send
 * it, as in MINIX.
 */
public record FiCtlMsg(Message message) {
    /** COMMON_RQ_BASE (0xE00) + 2. */
    public static final int COMMON_REQ_FI_CTL = 0xE02;
    /** Crash now ("controlled crash"). */
    public static final int FI_CRASH = 1;

    /** The fault-injection request (FI_CRASH, or a hook-defined code). */
    public int request() { return message.getInt(0); }
    public FiCtlMsg request(int v) { message.putInt(0, v); return this; }
    /** A request-defined argument. */
    public long argument() { return message.getLong(8); }
    public FiCtlMsg argument(long v) { message.putLong(8, v); return this; }
}

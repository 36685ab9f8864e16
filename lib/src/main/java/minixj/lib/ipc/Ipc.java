package minixj.lib.ipc;

/**
 * IPC trap numbers, the IPC status word and the constants of notify messages.
 *
 * <p>The status word is what a RECEIVE returns besides the message: bits 0..5 hold the call that
 * produced the message, bits 16 and up hold flags.
 */
public final class Ipc {
    private Ipc() {
    }

    public static final int SEND = 1;
    public static final int RECEIVE = 2;
    public static final int SENDREC = 3;
    public static final int NOTIFY = 4;
    public static final int SENDNB = 5;
    public static final int MINIX_KERNINFO = 6;
    public static final int SENDA = 16;

    /** Trap mask bits (1 << call). */
    public static final int TRAP_SEND = 1 << SEND;
    public static final int TRAP_RECEIVE = 1 << RECEIVE;
    public static final int TRAP_SENDREC = 1 << SENDREC;
    public static final int TRAP_NOTIFY = 1 << NOTIFY;
    public static final int TRAP_SENDNB = 1 << SENDNB;
    public static final int TRAP_SENDA = 1 << SENDA;
    /** All IPC traps (system services). */
    public static final int TRAP_ALL = TRAP_SEND | TRAP_RECEIVE | TRAP_SENDREC | TRAP_NOTIFY | TRAP_SENDNB | TRAP_SENDA;
    /** User processes may only SENDREC. */
    public static final int TRAP_USER = TRAP_SENDREC;

    /** Status flag: the message was forged by the kernel on behalf of its source; never reply to it. */
    public static final int FLG_MSG_FROM_KERNEL = 1;

    /** Type of a notify message. */
    public static final int NOTIFY_MESSAGE = 0x1000;

    /** Builds a status word. */
    public static int status(int call, int flags) {
        return (call & 0x3f) | (flags << 16);
    }

    /** The call that produced a received message. */
    public static int statusCall(int status) {
        return status & 0x3f;
    }

    /** The flags of a status word. */
    public static int statusFlags(int status) {
        return status >>> 16;
    }

    /** True if the received message is a notification. */
    public static boolean isNotify(int status) {
        return statusCall(status) == NOTIFY;
    }

    /** True if the received message came without the sender blocking (NOTIFY or SENDA). */
    public static boolean isAsync(int status) {
        int call = statusCall(status);
        return call == NOTIFY || call == SENDA;
    }

    /** True if the kernel forged the message on behalf of its source. */
    public static boolean isFromKernel(int status) {
        return (statusFlags(status) & FLG_MSG_FROM_KERNEL) != 0;
    }
}

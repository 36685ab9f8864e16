package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * SIGS_SIGNAL_RECEIVED (0xE00, the first of MINIX's common requests every system service
 * understands): a signal manager (RS, or PM) tells a system process that it got a signal which
 * is not lethal, e.g. SIGTERM from {@code service down}. It comes asynchronously and wants no
 * answer. Services only believe it from a boot-image process (endpoint below INIT).
 */
public record SigsSignalMsg(Message message) {
    /** COMMON_RQ_BASE (0xE00) + 0. */
    public static final int SIGS_SIGNAL_RECEIVED = 0xE00;

    /** The signal number. */
    public int signal() { return message.getInt(0); }
    public SigsSignalMsg signal(int v) { message.putInt(0, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;

/**
 * PM_SIGACTION: {@link #signal}'s new action when {@link #install} is 1 (handler id, SA_* flags,
 * the mask added while the handler runs); the reply holds the old action in the same fields.
 * With {@link #install} 0 the action is only read (sigaction with a null act).
 */
public record PmSigactionMsg(Message message) {
    /** Flags (NetBSD's values, as MINIX uses). */
    public static final int SA_ONSTACK = 0x0001;
    /** Interrupted calls restart; recorded now, acted on by VFS once it exists. */
    public static final int SA_RESTART = 0x0002;
    /** The action goes back to SIG_DFL when the handler is entered. */
    public static final int SA_RESETHAND = 0x0004;
    /** SIGCHLD is not sent when a child stops. */
    public static final int SA_NOCLDSTOP = 0x0008;
    /** The signal is not blocked while its handler runs. */
    public static final int SA_NODEFER = 0x0010;
    public static final int SA_NOCLDWAIT = 0x0020;
    public static final int SA_SIGINFO = 0x0040;

    public int signal() { return message.getInt(0); }
    public PmSigactionMsg signal(int v) { message.putInt(0, v); return this; }
    /** {@link PmMsg#SIG_DFL}, {@link PmMsg#SIG_IGN} or a handler id of the process's library. */
    public int handler() { return message.getInt(4); }
    public PmSigactionMsg handler(int v) { message.putInt(4, v); return this; }
    public int flags() { return message.getInt(8); }
    public PmSigactionMsg flags(int v) { message.putInt(8, v); return this; }
    public int install() { return message.getInt(12); }
    public PmSigactionMsg install(int v) { message.putInt(12, v); return this; }
    public SigSet mask() { return new SigSet(message.getLong(16), message.getLong(24)); }
    public PmSigactionMsg mask(SigSet s) { message.putLong(16, s.low()); message.putLong(24, s.high()); return this; }
}

package minixj.lib.posix;

import java.util.function.IntConsumer;

import minixj.lib.ipc.SigSet;

/**
 * A signal's action (struct sigaction): the default, ignoring, or a handler (it receives the
 * signal number), the signals blocked while the handler runs besides the signal itself, and
 * SA_* flags ({@link minixj.lib.ipc.layout.PmSigactionMsg}).
 */
public record SigAction(Disposition disposition, IntConsumer handler, SigSet mask, int flags) {
    /** What happens to the signal. */
    public enum Disposition { DEFAULT, IGNORE, CATCH }

    /** SIG_DFL. */
    public static SigAction defaults() { return new SigAction(Disposition.DEFAULT, null, new SigSet(), 0); }

    /** SIG_IGN. */
    public static SigAction ignore() { return new SigAction(Disposition.IGNORE, null, new SigSet(), 0); }

    /** Catch with {@code handler}, blocking {@code mask} too while it runs. */
    public static SigAction handle(IntConsumer handler, SigSet mask, int flags) {
        return new SigAction(Disposition.CATCH, handler, mask, flags);
    }
}

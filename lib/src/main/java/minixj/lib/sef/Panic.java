package minixj.lib.sef;

/**
 * A service's panic: it cannot go on. Thrown out of the service's main, it ends the process as
 * a crash: the kernel reports it to the process's signal manager as SIGABRT (RS then applies the
 * recovery policy), or, when no manager is alive, frees the slot with exit status 128 + SIGABRT.
 * SEF throws it for a failed init (after telling RS), the debug init flag CRASH, the debug
 * prepare state PREPARE_CRASH and a fault-injected crash; services throw it with
 * {@link Sef#panic(String)}.
 */
public final class Panic extends Error {
    private static final long serialVersionUID = 1L;

    /** A panic with a reason, which the kernel log shows. */
    public Panic(String reason) {
        super(reason);
    }
}

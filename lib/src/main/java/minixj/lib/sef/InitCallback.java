package minixj.lib.sef;

/**
 * Initialises a service for one kind of start (fresh, restart, live update). It runs once, in
 * {@link Sef#startup()}, before the service's first receive.
 *
 * <p>The result goes to RS in the check-in: {@code Errno.OK} lets the service run;
 * {@code Errno.ERESTART} asks RS to reincarnate it (start a new instance with a new endpoint,
 * MINIX's "reset" policy); any other error makes the init fail, and the service exits.
 */
@FunctionalInterface
public interface InitCallback {
    /** Initialises; returns OK, ERESTART or an error code. */
    int init(InitInfo info);
}

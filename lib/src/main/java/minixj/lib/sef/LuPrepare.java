package minixj.lib.sef;

/**
 * During a live-update preparation: is the service in the requested prepare state now? SEF asks
 * every time the service is about to block in {@link Sef#receive}. {@code Errno.OK} means ready
 * (SEF saves state and reports to RS); {@code Errno.ENOTREADY} means "not yet, keep serving";
 * any other error ends the preparation with that error. The default answers ENOTREADY to every
 * state except WORK_FREE, which SEF decides itself.
 */
@FunctionalInterface
public interface LuPrepare {
    /** OK when ready for {@code state}, ENOTREADY if not yet, or an error. */
    int prepare(int state);
}

package minixj.lib.sef;

/**
 * Says which prepare states a service supports. The default accepts WORK_FREE only; debug
 * states (UNREACHABLE, PREPARE_CRASH) are always accepted. A request for an unsupported state is
 * answered ENOSYS while the service keeps the default (it has no live-update support beyond
 * WORK_FREE), EINVAL once it supplies its own validator.
 */
@FunctionalInterface
public interface LuStateValidator {
    /** True if the service can reach {@code state} for an update with these LU flags. */
    boolean isValid(int state, int flags);
}

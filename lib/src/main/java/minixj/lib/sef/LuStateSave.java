package minixj.lib.sef;

/**
 * Saves state just before the old instance reports "ready" to RS (e.g. publishes a counter in
 * DS for the new instance to read back). An error here turns into the preparation's result, so
 * the update does not happen.
 */
@FunctionalInterface
public interface LuStateSave {
    /** Saves state for an update in prepare {@code state} with these LU flags; OK or an error. */
    int save(int state, int flags);
}

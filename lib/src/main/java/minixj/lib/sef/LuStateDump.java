package minixj.lib.sef;

/**
 * A debugging aid: describes the service's live-update state. SEF calls it with the prepare
 * state just before it reports the end of a preparation to RS (ready, failed, or refused because
 * another request came while preparing). The default does nothing.
 */
@FunctionalInterface
public interface LuStateDump {
    /** Describes the service's state for prepare {@code state} (e.g. on the kernel log). */
    void dump(int state);
}

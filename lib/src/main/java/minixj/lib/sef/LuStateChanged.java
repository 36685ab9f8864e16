package minixj.lib.sef;

/**
 * Told when the service enters a live-update preparation ({@code NULL → state}) and when it
 * leaves it without being replaced ({@code state → NULL}: cancelled, timed out, failed). Used to
 * suspend and resume work, e.g. worker threads.
 */
@FunctionalInterface
public interface LuStateChanged {
    /** The prepare state went from {@code oldState} to {@code newState} ({@link LuState}). */
    void changed(int oldState, int newState);
}

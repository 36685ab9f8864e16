package minixj.lib.sef;

/**
 * Why a service is initialising: the {@code type} of RS_INIT, with MINIX's codes
 * ({@code SEF_INIT_FRESH} 0, {@code SEF_INIT_LU} 1, {@code SEF_INIT_RESTART} 2).
 *
 * <p>MINIX 3.4 has no fourth type; a request for "active" initialisation does not exist there.
 */
public enum InitType {
    /** A first start: no previous instance. */
    FRESH(0),
    /** A live update: the previous instance is alive, prepared, and its state may be taken over. */
    LIVE_UPDATE(1),
    /** A restart after the previous instance died (crash, kill, missed heartbeats, refresh). */
    RESTART(2);

    private final int code;

    InitType(int code) {
        this.code = code;
    }

    /** The code carried in RS_INIT. */
    public int code() {
        return code;
    }

    /** The type with {@code code}, or null if there is none. */
    public static InitType fromCode(int code) {
        for (InitType t : values()) {
            if (t.code == code) return t;
        }
        return null;
    }
}

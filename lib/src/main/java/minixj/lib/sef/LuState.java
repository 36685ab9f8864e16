package minixj.lib.sef;

/**
 * Prepare states of a live update (MINIX's {@code SEF_LU_STATE_*}, same values): what the old
 * instance must reach before RS may freeze and replace it. States from {@link #CUSTOM_BASE} up
 * are the service's own.
 */
public final class LuState {
    private LuState() {
    }

    /** No update in progress; in a prepare request it means "cancel". */
    public static final int NULL = 0;
    /** Between two messages: reached every time the service goes back to receive. */
    public static final int WORK_FREE = 1;
    /** No request in progress (service-defined, e.g. no suspended reads). */
    public static final int REQUEST_FREE = 2;
    /** No multi-message protocol in progress (service-defined). */
    public static final int PROTOCOL_FREE = 3;
    /** A condition over the service's state, given as an expression in the state data. */
    public static final int EVAL = 4;
    /** Debug: never reached (tests RS's prepare timeout). */
    public static final int UNREACHABLE = 5;
    /** Debug: the service crashes when asked to prepare. */
    public static final int PREPARE_CRASH = 6;
    /** First service-defined state. */
    public static final int CUSTOM_BASE = 7;

    /** True for the debug states, which every service accepts. */
    public static boolean isDebug(int state) {
        return state == UNREACHABLE || state == PREPARE_CRASH;
    }

    /** True for MINIX's standard states 1..6. */
    public static boolean isStandard(int state) {
        return state >= WORK_FREE && state <= PREPARE_CRASH;
    }

    /** A readable name. */
    public static String describe(int state) {
        return switch (state) {
            case NULL -> "NULL";
            case WORK_FREE -> "WORK_FREE";
            case REQUEST_FREE -> "REQUEST_FREE";
            case PROTOCOL_FREE -> "PROTOCOL_FREE";
            case EVAL -> "EVAL";
            case UNREACHABLE -> "UNREACHABLE";
            case PREPARE_CRASH -> "PREPARE_CRASH";
            default -> "CUSTOM(" + state + ")";
        };
    }
}

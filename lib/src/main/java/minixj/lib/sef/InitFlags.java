package minixj.lib.sef;

/**
 * Init flags carried by RS_INIT (MINIX's {@code SEF_INIT_*}, same values). The debug flags make
 * the new instance misbehave on purpose so RS's handling can be tested; {@code service} sets
 * them with {@code -x} (crash), {@code -y} (fail) and {@code -z} (hang). The live-update flags of
 * {@link LuFlags} are OR-ed in for a live update.
 */
public final class InitFlags {
    private InitFlags() {
    }

    /** Debug: crash in init, before any callback runs ({@code service -x}). */
    public static final int CRASH = 0x1;
    /** Debug: init fails with ENOSYS without running the callback ({@code service -y}). */
    public static final int FAIL = 0x2;
    /** Debug: init blocks for ever, never checking in ({@code service -z}). */
    public static final int TIMEOUT = 0x4;
    /** Use SEF's default callback for the init type instead of the service's ({@code service -d}). */
    public static final int DEFCB = 0x8;
    /** The restart was asked for by a recovery script. */
    public static final int SCRIPT_RESTART = 0x10;
    /** Force state-transfer init ({@code service -t}). */
    public static final int ST = 0x20;

    /** The debug flags, one of which makes init misbehave. */
    public static final int DEBUG_MASK = CRASH | FAIL | TIMEOUT;

    /** A readable list of the set flags, e.g. {@code "CRASH|DEFCB"}, or {@code "0"}. */
    public static String describe(int flags) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"CRASH", "FAIL", "TIMEOUT", "DEFCB", "SCRIPT_RESTART", "ST"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) sb.append(sb.isEmpty() ? "" : "|").append(names[i]);
        }
        String lu = LuFlags.describe(flags);
        if (!lu.equals("0")) sb.append(sb.isEmpty() ? "" : "|").append(lu);
        return sb.isEmpty() ? "0" : sb.toString();
    }
}

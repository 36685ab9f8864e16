package minixj.lib.sef;

/**
 * Live-update flags (MINIX's {@code SEF_LU_*}, same values), carried by RS_LU_PREPARE to the old
 * instance and OR-ed into the init flags of the new one.
 */
public final class LuFlags {
    private LuFlags() {
    }

    /** Identity update: the new instance runs the same program ({@code update self} or {@code -s}). */
    public static final int SELF = 0x100;
    /** Address-space re-randomisation update ({@code -a}). */
    public static final int ASR = 0x200;
    /** One of several services updated together. */
    public static final int MULTI = 0x400;
    /** VM takes part in the update. */
    public static final int INCLUDES_VM = 0x800;
    /** RS takes part in the update. */
    public static final int INCLUDES_RS = 0x1000;
    /** Only prepare; no new instance ({@code -o}). */
    public static final int PREPARE_ONLY = 0x2000;
    /** Do not inherit memory-mapped regions ({@code -m}). */
    public static final int NOMMAP = 0x4000;
    /** The old instance is detached rather than killed ({@code -e}). */
    public static final int DETACHED = 0x8000;

    /** An identity update: SELF set and none of NOMMAP, ASR, {@link InitFlags#ST}. */
    public static boolean isIdentityUpdate(int flags) {
        return (flags & SELF) != 0 && (flags & (NOMMAP | ASR | InitFlags.ST)) == 0;
    }

    /** A readable list of the set flags, or {@code "0"}. */
    public static String describe(int flags) {
        StringBuilder sb = new StringBuilder();
        String[] names = {"SELF", "ASR", "MULTI", "INCLUDES_VM", "INCLUDES_RS", "PREPARE_ONLY", "NOMMAP", "DETACHED"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & (0x100 << i)) != 0) sb.append(sb.isEmpty() ? "" : "|").append(names[i]);
        }
        return sb.isEmpty() ? "0" : sb.toString();
    }
}

package minixj.lib.mem;

/**
 * Layout of one SYS_VSAFECOPY element in the caller's memory: {@code from}, {@code to}, the grant
 * id, the offset in the grant, the caller's address and the byte count. Exactly one of
 * {@code from} and {@code to} must be SELF; the other is the granter.
 */
public final class SafecopyVector {
    private SafecopyVector() {
    }

    /** Most elements in one call (MINIX's SCPVEC_NR). */
    public static final int MAX_ELEMENTS = 64;
    /** Size of one element in bytes. */
    public static final int ELEMENT_SIZE = 40;

    public static final int FROM = 0;
    public static final int TO = 4;
    public static final int GRANT = 8;
    public static final int OFFSET = 16;
    public static final int ADDRESS = 24;
    public static final int BYTES = 32;
}

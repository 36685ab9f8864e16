package minixj.lib.ipc.layout;

import java.nio.charset.StandardCharsets;
import minixj.lib.ipc.Message;

/**
 * Requests to the Reincarnation Server from the {@code service} utility and other clients, and
 * their replies (spec minix-reliability.md §1.9; MINIX's com.h numbers).
 *
 * <p>RS_UP, RS_EDIT (and RS_UPDATE) carry an {@link minixj.lib.rs.RsStart} record: the caller
 * writes it ({@link minixj.lib.rs.RsStartCodec}) into a buffer, grants RS read access, and puts
 * the grant and the record's length in {@link #grant} and {@link #length}; RS refuses a length
 * above {@link minixj.lib.rs.RsStartCodec#MAX_SIZE} or a record that does not decode with EINVAL.
 * RS_DOWN, RS_REFRESH, RS_RESTART, RS_CLONE, RS_UNCLONE, RS_FI, RS_LOOKUP (and RS_UPDATE with
 * {@code self}) carry a label in the message itself: its full length in {@link #labelLength} and
 * up to {@link #LABEL_BYTES} bytes of it, so RS can tell a long name (which matches no label,
 * labels having at most 15 characters) from a short one. RS_SYSCTL and RS_FI carry their sub-code
 * in {@link #subtype}; RS_SYSCTL SRV_STATUS and RS_GETSYSINFO may pass a buffer grant for RS to
 * write into. The reply's type is the result; RS_LOOKUP's reply carries the {@link #endpoint},
 * SRV_STATUS's and GETSYSINFO's the number of bytes written in {@link #length}.
 */
public record RsRequestMsg(Message message) {
    public static final int RS_RQ_BASE = 0x700;
    public static final int RS_UP = RS_RQ_BASE;
    public static final int RS_DOWN = RS_RQ_BASE + 1;
    public static final int RS_REFRESH = RS_RQ_BASE + 2;
    public static final int RS_RESTART = RS_RQ_BASE + 3;
    public static final int RS_SHUTDOWN = RS_RQ_BASE + 4;
    public static final int RS_UPDATE = RS_RQ_BASE + 5;
    public static final int RS_CLONE = RS_RQ_BASE + 6;
    public static final int RS_UNCLONE = RS_RQ_BASE + 7;
    public static final int RS_LOOKUP = RS_RQ_BASE + 8;
    public static final int RS_GETSYSINFO = RS_RQ_BASE + 9;
    /** Check-ins from services (SEF), not client requests; listed for the numbering. */
    public static final int RS_INIT = RS_RQ_BASE + 20;
    public static final int RS_LU_PREPARE = RS_RQ_BASE + 21;
    public static final int RS_EDIT = RS_RQ_BASE + 22;
    public static final int RS_SYSCTL = RS_RQ_BASE + 23;
    public static final int RS_FI = RS_RQ_BASE + 24;

    /** RS_SYSCTL sub-codes. */
    public static final int SRV_STATUS = 1;
    public static final int UPD_START = 2;
    public static final int UPD_RUN = 3;
    public static final int UPD_STOP = 4;
    public static final int UPD_STATUS = 5;

    /** RS_FI sub-code: crash the service (a controlled crash). */
    public static final int FI_CRASH = 1;

    /** Label bytes the message holds. */
    public static final int LABEL_BYTES = 40;
    private static final int LABEL_OFFSET = 16;

    /** RS_LOOKUP: the shortest and longest name accepted (MINIX: 2..99 bytes with the NUL). */
    public static final int LOOKUP_MIN_LEN = 1;
    public static final int LOOKUP_MAX_LEN = 98;

    /** Grant of the caller's buffer (the rs_start record, or room for RS's answer). */
    public int grant() { return message.getInt(0); }
    public RsRequestMsg grant(int v) { message.putInt(0, v); return this; }
    /** Length of that buffer in bytes; in replies, the bytes RS wrote. */
    public int length() { return message.getInt(4); }
    public RsRequestMsg length(int v) { message.putInt(4, v); return this; }
    /** RS_SYSCTL's operation, RS_FI's fault type, RS_GETSYSINFO's table. */
    public int subtype() { return message.getInt(8); }
    public RsRequestMsg subtype(int v) { message.putInt(8, v); return this; }
    /** The label's whole length in bytes (it may be longer than the message holds). */
    public int labelLength() { return message.getInt(12); }
    /** RS_LOOKUP's reply: the endpoint of the label's active instance. */
    public int endpoint() { return message.getInt(0); }
    public RsRequestMsg endpoint(int v) { message.putInt(0, v); return this; }

    /** Puts a label (UTF-8): its length, and as much of it as fits. */
    public RsRequestMsg label(String label) {
        byte[] bytes = label.getBytes(StandardCharsets.UTF_8);
        message.putInt(12, bytes.length);
        byte[] field = new byte[LABEL_BYTES];
        System.arraycopy(bytes, 0, field, 0, Math.min(bytes.length, LABEL_BYTES));
        message.putBytes(LABEL_OFFSET, field, 0, LABEL_BYTES);
        return this;
    }

    /**
     * The label's first {@code max} bytes (at most what the message holds) as text; MINIX's RS
     * reads labels truncated to 15 bytes.
     *
     * @return the text, or null if the length field is negative
     */
    public String label(int max) {
        int length = labelLength();
        if (length < 0) return null;
        int n = Math.min(Math.min(length, LABEL_BYTES), max);
        byte[] bytes = new byte[n];
        message.getBytes(LABEL_OFFSET, bytes, 0, n);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * Requests to the Data Store DS and its replies (MINIX's {@code m_ds_req}/{@code m_ds_reply},
 * request codes {@code DS_RQ_BASE + n}). Keys, names and byte values travel through grants the
 * caller makes for DS; lengths of keys include their terminating NUL, as in MINIX. The reply's
 * type is the result (OK or a negative error).
 *
 * <p>Codes up to {@link #DS_GETSYSINFO} are MINIX's; {@link #DS_SNAPSHOT} is declared by MINIX
 * but was never implemented there. The snapshot retrieval and map codes are MinixJ's.
 */
public record DsMsg(Message message) {
    public static final int DS_RQ_BASE = 0x800;
    public static final int DS_PUBLISH = DS_RQ_BASE;
    public static final int DS_RETRIEVE = DS_RQ_BASE + 1;
    public static final int DS_SUBSCRIBE = DS_RQ_BASE + 2;
    public static final int DS_CHECK = DS_RQ_BASE + 3;
    public static final int DS_DELETE = DS_RQ_BASE + 4;
    public static final int DS_SNAPSHOT = DS_RQ_BASE + 5;
    public static final int DS_RETRIEVE_LABEL = DS_RQ_BASE + 6;
    public static final int DS_GETSYSINFO = DS_RQ_BASE + 7;
    public static final int DS_RETRIEVE_SNAPSHOT = DS_RQ_BASE + 8;
    public static final int DS_MAP_PUT = DS_RQ_BASE + 9;
    public static final int DS_MAP_GET = DS_RQ_BASE + 10;
    public static final int DS_MAP_DELETE = DS_RQ_BASE + 11;
    public static final int DS_MAP_LIST = DS_RQ_BASE + 12;

    /** Grant (made for DS) over the key; for CHECK and RETRIEVE_LABEL DS writes the key there. */
    public int keyGrant() { return message.getInt(0); }
    public DsMsg keyGrant(int v) { message.putInt(0, v); return this; }
    /** Length of the key including its NUL; for CHECK and RETRIEVE_LABEL the buffer's capacity. */
    public int keyLength() { return message.getInt(4); }
    public DsMsg keyLength(int v) { message.putInt(4, v); return this; }
    /** Type and privacy bits plus request flags ({@code Ds.DSF_*}); CHECK's reply: the entry's type. */
    public int flags() { return message.getInt(8); }
    public DsMsg flags(int v) { message.putInt(8, v); return this; }
    /**
     * A u32 value or an endpoint (label type), in requests and replies; for byte values the
     * reply gives the stored size here (so a caller sees that its copy was truncated); for
     * CHECK's reply, the owner's endpoint; for MAP_LIST's reply, the number of names.
     */
    public int value() { return message.getInt(12); }
    public DsMsg value(int v) { message.putInt(12, v); return this; }
    /** Grant over a byte value (read by DS to publish, written by DS to retrieve). */
    public int valueGrant() { return message.getInt(16); }
    public DsMsg valueGrant(int v) { message.putInt(16, v); return this; }
    /** Length of the value (requests: size or capacity; replies: bytes copied). */
    public int valueLength() { return message.getInt(20); }
    public DsMsg valueLength(int v) { message.putInt(20, v); return this; }
    /** Map requests: grant over the entry name inside the map. */
    public int nameGrant() { return message.getInt(24); }
    public DsMsg nameGrant(int v) { message.putInt(24, v); return this; }
    /** Map requests: length of the entry name including its NUL. */
    public int nameLength() { return message.getInt(28); }
    public DsMsg nameLength(int v) { message.putInt(28, v); return this; }
    /** Snapshots: the version asked for (0 = newest) or, in replies, the version taken or returned. */
    public int version() { return message.getInt(32); }
    public DsMsg version(int v) { message.putInt(32, v); return this; }
    /** Snapshot replies: the oldest version still kept. */
    public int oldestVersion() { return message.getInt(36); }
    public DsMsg oldestVersion(int v) { message.putInt(36, v); return this; }
    /** Snapshot replies: the newest version. */
    public int newestVersion() { return message.getInt(40); }
    public DsMsg newestVersion(int v) { message.putInt(40, v); return this; }
}

package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_STATECTL: CLEAR_IPC_REFS, SET_STATE_TABLE, ADD_IPC_BL_FILTER/ADD_IPC_WL_FILTER with up to 4 inline elements, CLEAR_IPC_FILTERS. */
public record SysStatectlMsg(Message message) {
    public static final int CLEAR_IPC_REFS = 1;
    public static final int SET_STATE_TABLE = 2;
    public static final int ADD_IPC_BL_FILTER = 3;
    public static final int ADD_IPC_WL_FILTER = 4;
    public static final int CLEAR_IPC_FILTERS = 5;
    /** Filter element flags. */
    public static final int MATCH_M_SOURCE = 1;
    public static final int MATCH_M_TYPE = 2;
    /** Largest number of inline elements. */
    public static final int MAX_INLINE = 4;

    public int request() { return message.getInt(0); }
    public SysStatectlMsg request(int v) { message.putInt(0, v); return this; }
    public int count() { return message.getInt(4); }
    public SysStatectlMsg count(int v) { message.putInt(4, v); return this; }
    public int flags0() { return message.getInt(8); }
    public SysStatectlMsg flags0(int v) { message.putInt(8, v); return this; }
    public int source0() { return message.getInt(12); }
    public SysStatectlMsg source0(int v) { message.putInt(12, v); return this; }
    public int type0() { return message.getInt(16); }
    public SysStatectlMsg type0(int v) { message.putInt(16, v); return this; }
    public int flags1() { return message.getInt(20); }
    public SysStatectlMsg flags1(int v) { message.putInt(20, v); return this; }
    public int source1() { return message.getInt(24); }
    public SysStatectlMsg source1(int v) { message.putInt(24, v); return this; }
    public int type1() { return message.getInt(28); }
    public SysStatectlMsg type1(int v) { message.putInt(28, v); return this; }
    public int flags2() { return message.getInt(32); }
    public SysStatectlMsg flags2(int v) { message.putInt(32, v); return this; }
    public int source2() { return message.getInt(36); }
    public SysStatectlMsg source2(int v) { message.putInt(36, v); return this; }
    public int type2() { return message.getInt(40); }
    public SysStatectlMsg type2(int v) { message.putInt(40, v); return this; }
    public int flags3() { return message.getInt(44); }
    public SysStatectlMsg flags3(int v) { message.putInt(44, v); return this; }
    public int source3() { return message.getInt(48); }
    public SysStatectlMsg source3(int v) { message.putInt(48, v); return this; }
    public int type3() { return message.getInt(52); }
    public SysStatectlMsg type3(int v) { message.putInt(52, v); return this; }

    /** Element {@code i} (0..3) of an inline filter list: flags, source, type. */
    public int elementFlags(int i) { return message.getInt(8 + 12 * i); }
    public int elementSource(int i) { return message.getInt(12 + 12 * i); }
    public int elementType(int i) { return message.getInt(16 + 12 * i); }
    public SysStatectlMsg element(int i, int flags, int source, int type) {
        message.putInt(8 + 12 * i, flags).putInt(12 + 12 * i, source).putInt(16 + 12 * i, type);
        return this;
    }
}

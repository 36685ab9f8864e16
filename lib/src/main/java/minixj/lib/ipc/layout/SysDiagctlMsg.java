package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_DIAGCTL: DIAG text (inline up to 32 bytes, or at an address), STACKTRACE of a process, REGISTER/UNREGISTER for SIGKMESS. */
public record SysDiagctlMsg(Message message) {
    public static final int DIAG = 1;
    public static final int STACKTRACE = 2;
    public static final int REGISTER = 3;
    public static final int UNREGISTER = 4;
    /** Longest inline DIAG text (bytes 24..55 of the payload). */
    public static final int INLINE_MAX = 32;
    /** Payload offset of inline DIAG text. */
    public static final int INLINE_OFFSET = 24;

    public int code() { return message.getInt(0); }
    public SysDiagctlMsg code(int v) { message.putInt(0, v); return this; }
    public int length() { return message.getInt(4); }
    public SysDiagctlMsg length(int v) { message.putInt(4, v); return this; }
    public long address() { return message.getLong(8); }
    public SysDiagctlMsg address(long v) { message.putLong(8, v); return this; }
    public int endpoint() { return message.getInt(16); }
    public SysDiagctlMsg endpoint(int v) { message.putInt(16, v); return this; }

    /** Inline DIAG text (at most {@link #INLINE_MAX} bytes, UTF-8). */
    public String inlineText() {
        int n = Math.max(0, Math.min(length(), INLINE_MAX));
        byte[] b = new byte[n];
        message.getBytes(INLINE_OFFSET, b, 0, n);
        return new String(b, java.nio.charset.StandardCharsets.UTF_8);
    }
    public SysDiagctlMsg inlineText(String text) {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        int n = Math.min(b.length, INLINE_MAX);
        message.putBytes(INLINE_OFFSET, b, 0, n);
        length(n);
        address(0);
        return this;
    }
}

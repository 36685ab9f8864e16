package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * SYS_EXEC: give a process a new program. The JAR image and the arguments (NUL-separated
 * strings) have been placed in the target's memory (by VFS and PM, as MINIX places the ELF
 * image and the stack); the kernel loads, verifies and instruments the image and starts it.
 */
public record SysExecMsg(Message message) {
    /**
     * Flag: start the program image that process {@link #sourceEndpoint} runs, not one from
     * memory; the first string of the argument block names the entry class (how PM starts the
     * child of a forked Java program: a thread cannot be copied, so the child enters anew).
     */
    public static final int EXEC_SAME_IMAGE = 1;

    public int endpoint() { return message.getInt(0); }
    public SysExecMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int argsLength() { return message.getInt(4); }
    public SysExecMsg argsLength(int v) { message.putInt(4, v); return this; }
    public long imageAddress() { return message.getLong(8); }
    public SysExecMsg imageAddress(long v) { message.putLong(8, v); return this; }
    public long imageLength() { return message.getLong(16); }
    public SysExecMsg imageLength(long v) { message.putLong(16, v); return this; }
    public long argsAddress() { return message.getLong(24); }
    public SysExecMsg argsAddress(long v) { message.putLong(24, v); return this; }
    public int flags() { return message.getInt(32); }
    public SysExecMsg flags(int v) { message.putInt(32, v); return this; }
    public int sourceEndpoint() { return message.getInt(36); }
    public SysExecMsg sourceEndpoint(int v) { message.putInt(36, v); return this; }
}

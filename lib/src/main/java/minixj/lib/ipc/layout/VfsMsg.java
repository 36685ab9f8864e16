package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * System calls to VFS (MINIX's VFS_BASE 0x100 + n). The reply's type is the result: a count or
 * OK, or a negative errno. READ and WRITE: {@link #fd}, {@link #address} (a buffer in the
 * caller's memory) and {@link #length}.
 */
public record VfsMsg(Message message) {
    public static final int VFS_BASE = 0x100;
    public static final int VFS_READ = VFS_BASE;
    public static final int VFS_WRITE = VFS_BASE + 1;

    public int fd() { return message.getInt(0); }
    public VfsMsg fd(int v) { message.putInt(0, v); return this; }
    public int length() { return message.getInt(4); }
    public VfsMsg length(int v) { message.putInt(4, v); return this; }
    public long address() { return message.getLong(8); }
    public VfsMsg address(long v) { message.putLong(8, v); return this; }
}

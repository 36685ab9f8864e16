package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/**
 * Requests to VM and its replies (MINIX's VM_RQ_BASE 0xC00 range; the reply's type is the result,
 * OK or a negative error code).
 * <ul>
 * <li>{@code VM_EXIT} (PM only): {@code endpoint} has exited; VM frees its frames and forgets it.</li>
 * <li>{@code VM_FORK} (PM only): copy {@code endpoint}'s (the parent's) address space to
 * {@code child}; present pages become shared copy-on-write.</li>
 * <li>{@code VM_BRK}: set the caller's break to {@code address} (the heap starts where the initial
 * region ends). Reply {@code address} = the new break; ENOMEM past the heap limit.</li>
 * <li>{@code VM_MMAP}: map {@code length} bytes of anonymous memory for the caller; {@code prot}
 * PROT_READ/PROT_WRITE, {@code flags} MAP_ANON (required) | MAP_PRIVATE | MAP_SHARED | MAP_FIXED,
 * {@code address} the hint (or the fixed address). Reply {@code address}; ENOMEM when VM cannot
 * reserve that many free frames, EINVAL for a bad length or flags.</li>
 * <li>{@code VM_MUNMAP}: unmap {@code address} (page-aligned) .. +{@code length} of the caller.</li>
 * <li>{@code VM_INFO}: reply {@link #totalFrames}, {@link #freeFrames}, and for {@code endpoint}
 * (SELF = the caller) {@link #usedFrames} (its present pages) and {@link #sharedFrames} (those
 * whose frame is shared with another mapping).</li>
 * </ul>
 */
public record VmMsg(Message message) {
    public static final int VM_RQ_BASE = 0xC00;
    public static final int VM_EXIT = VM_RQ_BASE + 1;
    public static final int VM_FORK = VM_RQ_BASE + 2;
    public static final int VM_BRK = VM_RQ_BASE + 3;
    public static final int VM_MMAP = VM_RQ_BASE + 10;
    public static final int VM_MUNMAP = VM_RQ_BASE + 17;
    public static final int VM_INFO = VM_RQ_BASE + 40;

    public static final int PROT_READ = 0x1;
    public static final int PROT_WRITE = 0x2;
    public static final int MAP_SHARED = 0x0001;
    public static final int MAP_PRIVATE = 0x0002;
    public static final int MAP_FIXED = 0x0010;
    public static final int MAP_ANON = 0x1000;

    public int endpoint() { return message.getInt(0); }
    public VmMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int child() { return message.getInt(4); }
    public VmMsg child(int v) { message.putInt(4, v); return this; }
    public long address() { return message.getLong(8); }
    public VmMsg address(long v) { message.putLong(8, v); return this; }
    public long length() { return message.getLong(16); }
    public VmMsg length(long v) { message.putLong(16, v); return this; }
    public int prot() { return message.getInt(24); }
    public VmMsg prot(int v) { message.putInt(24, v); return this; }
    public int flags() { return message.getInt(28); }
    public VmMsg flags(int v) { message.putInt(28, v); return this; }

    /** VM_INFO reply: frames of physical memory. */
    public long totalFrames() { return message.getLong(32); }
    public VmMsg totalFrames(long v) { message.putLong(32, v); return this; }
    /** VM_INFO reply: frames nobody uses. */
    public long freeFrames() { return message.getLong(40); }
    public VmMsg freeFrames(long v) { message.putLong(40, v); return this; }
    /** VM_INFO reply: present pages of {@code endpoint}. */
    public int usedFrames() { return message.getInt(48); }
    public VmMsg usedFrames(int v) { message.putInt(48, v); return this; }
    /** VM_INFO reply: present pages of {@code endpoint} whose frame has more than one reference. */
    public int sharedFrames() { return message.getInt(52); }
    public VmMsg sharedFrames(int v) { message.putInt(52, v); return this; }
}

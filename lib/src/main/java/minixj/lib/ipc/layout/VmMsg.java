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
 * <li>{@code VM_REMAP} / {@code VM_REMAP_RO}: map grant {@link #grant} of {@code endpoint} (the
 * granter) into the caller: {@code length} bytes (whole pages, starting on a page) become shared
 * by both, read-write (the grant must allow CPF_READ|CPF_WRITE) or read-only (CPF_READ);
 * {@code address} is a hint, or the place with MAP_FIXED in {@code flags}. Reply {@code address}.
 * The grant stands for MINIX's source address: a process can only share what it was granted.</li>
 * <li>{@code VM_SHM_UNMAP}: remove the caller's remapped region that starts at {@code address}.</li>
 * <li>{@code VM_GETPHYS}: reply {@link #physical} = the physical address of {@code address} in
 * {@code endpoint} (SELF = the caller), making the page present first.</li>
 * <li>{@code VM_GETREF}: reply {@link #refcount} = how many mappings share that page (0 = absent).</li>
 * <li>{@code VM_RS_SET_PRIV} (RS only): {@link #callMask} (bit n = call VM_RQ_BASE+n) becomes the
 * VM call mask of {@code endpoint}'s privilege id; {@code flags} = 1 for a system process. All
 * user processes share one privilege id and therefore one mask.</li>
 * <li>{@code VM_RS_UPDATE} (RS only): SYS_UPDATE of {@code endpoint} and {@link #child} (with the
 * SYS_UPDATE {@code flags}), then VM swaps its records of their address spaces.</li>
 * <li>{@code VM_BRK} with {@code address} 0 only replies the current break (MinixJ; libc's sbrk).</li>
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
    public static final int VM_REMAP = VM_RQ_BASE + 33;
    public static final int VM_SHM_UNMAP = VM_RQ_BASE + 34;
    public static final int VM_GETPHYS = VM_RQ_BASE + 35;
    public static final int VM_GETREF = VM_RQ_BASE + 36;
    public static final int VM_RS_SET_PRIV = VM_RQ_BASE + 37;
    public static final int VM_RS_UPDATE = VM_RQ_BASE + 41;
    public static final int VM_REMAP_RO = VM_RQ_BASE + 44;

    public static final int PROT_NONE = 0x0;
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

    /** VM_REMAP: the grant id (the same field as {@link #child}). */
    public int grant() { return message.getInt(4); }
    public VmMsg grant(int v) { message.putInt(4, v); return this; }
    /** VM_RS_SET_PRIV: bit n allows call VM_RQ_BASE + n. */
    public long callMask() { return message.getLong(32); }
    public VmMsg callMask(long v) { message.putLong(32, v); return this; }
    /** VM_GETPHYS reply. */
    public long physical() { return message.getLong(32); }
    public VmMsg physical(long v) { message.putLong(32, v); return this; }
    /** VM_GETREF reply. */
    public int refcount() { return message.getInt(48); }
    public VmMsg refcount(int v) { message.putInt(48, v); return this; }

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

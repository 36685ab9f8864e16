package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** SYS_VMCTL: VM's requests to the kernel (page-fault clearing, memory requests, address spaces, inhibits). */
public record SysVmctlMsg(Message message) {
    /** The process may run again: VM has resolved its page fault. */
    public static final int VMCTL_CLEAR_PAGEFAULT = 12;
    /**
     * The next memory request of the kernel (a kernel call whose copy touched a page that is
     * not present or copy-on-write): reply value = the requesting endpoint, value2 = the process
     * whose memory it is, address, length, writeFlag; ENOENT when there is none.
     */
    public static final int VMCTL_MEMREQ_GET = 14;
    /** VM handled the request of {@code endpoint} with {@code result}; the kernel call is run again. */
    public static final int VMCTL_MEMREQ_REPLY = 15;
    /** Stop / let run a process while VM changes its address space. */
    public static final int VMCTL_VMINHIBIT_SET = 30;
    public static final int VMCTL_VMINHIBIT_CLEAR = 31;
    /** A boot process's address space is ready. */
    public static final int VMCTL_BOOTINHIBIT_CLEAR = 33;
    /**
     * MinixJ: page tables are the simulated MMU's, so VM edits them through the kernel. Map
     * {@code address} of {@code endpoint} to frame {@code value} with PTE flags {@code value2}.
     */
    public static final int VMCTL_PT_MAP = 100;
    /** Unmap {@code address}; the reply's {@code value} is the old PTE. */
    public static final int VMCTL_PT_UNMAP = 101;
    /** The PTE of {@code address} in {@code value}. */
    public static final int VMCTL_PT_GET = 102;
    /**
     * VM takes over physical memory: the kernel writes its frame bitmap (one bit per frame, 1 =
     * in use) at {@code address} ({@code length} bytes available) and from then on leaves frame
     * allocation to VM. Reply: {@code value} = frames, {@code value2} = frames in use. VM cannot
     * page itself: what it will touch of its own memory must be present before it takes over.
     */
    public static final int VMCTL_TAKE_MEMORY = 103;
    /** The first mapped page at or above {@code address}: reply {@code address} and its PTE in {@code value}; ENOENT if none. */
    public static final int VMCTL_PT_NEXT = 104;
    /**
     * MinixJ (VM's remap of granted memory): may {@code endpoint} access {@code length} bytes at
     * offset {@code address} of grant {@code value2} of {@code value} with the CPF_* bits in
     * {@code writeFlag}? Reply: {@code value} = the process whose memory it is, {@code address} =
     * where the range starts in it; the grant check's error otherwise.
     */
    public static final int VMCTL_GRANT_LOOKUP = 105;

    /** PTE flags VM may set. */
    public static final int PTE_PRESENT = 0x1;
    public static final int PTE_WRITABLE = 0x2;
    public static final int PTE_USER = 0x4;
    /** Kept for VM: the page is shared copy-on-write. */
    public static final int PTE_COW = 0x200;

    public int endpoint() { return message.getInt(0); }
    public SysVmctlMsg endpoint(int v) { message.putInt(0, v); return this; }
    public int request() { return message.getInt(4); }
    public SysVmctlMsg request(int v) { message.putInt(4, v); return this; }
    public long value() { return message.getLong(8); }
    public SysVmctlMsg value(long v) { message.putLong(8, v); return this; }
    public long value2() { return message.getLong(16); }
    public SysVmctlMsg value2(long v) { message.putLong(16, v); return this; }
    public int result() { return message.getInt(24); }
    public SysVmctlMsg result(int v) { message.putInt(24, v); return this; }
    public int writeFlag() { return message.getInt(28); }
    public SysVmctlMsg writeFlag(int v) { message.putInt(28, v); return this; }
    public long address() { return message.getLong(32); }
    public SysVmctlMsg address(long v) { message.putLong(32, v); return this; }
    public long length() { return message.getLong(40); }
    public SysVmctlMsg length(long v) { message.putLong(40, v); return this; }
}

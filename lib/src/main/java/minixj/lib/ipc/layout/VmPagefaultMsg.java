package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;

/** The kernel's page-fault message to VM ({@code VM_PAGEFAULT}), forged on the faulting process's behalf. */
public record VmPagefaultMsg(Message message) {
    /** Message type. */
    public static final int VM_PAGEFAULT = 0xCFF;
    /** Flag: the access was a write. */
    public static final int PFERR_WRITE = 0x2;

    public long address() { return message.getLong(0); }
    public VmPagefaultMsg address(long v) { message.putLong(0, v); return this; }
    public int flags() { return message.getInt(8); }
    public VmPagefaultMsg flags(int v) { message.putInt(8, v); return this; }
}

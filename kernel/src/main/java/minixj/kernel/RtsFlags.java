package minixj.kernel;

/** Run-state flags (MINIX's RTS_*): a process is runnable iff none is set. */
final class RtsFlags {
    private RtsFlags() {
    }

    static final int SLOT_FREE = 0x1;
    static final int PROC_STOP = 0x2;
    static final int SENDING = 0x4;
    static final int RECEIVING = 0x8;
    static final int SIGNALED = 0x10;
    static final int SIG_PENDING = 0x20;
    static final int P_STOP = 0x40;
    static final int NO_PRIV = 0x80;
    static final int NO_ENDPOINT = 0x100;
    static final int VMINHIBIT = 0x200;
    static final int PAGEFAULT = 0x400;
    static final int VMREQUEST = 0x800;
    static final int VMREQTARGET = 0x1000;
    static final int PREEMPTED = 0x4000;
    static final int NO_QUANTUM = 0x8000;
    static final int BOOTINHIBIT = 0x10000;

    static String describe(int flags) {
        if (flags == 0) return "RUNNABLE";
        StringBuilder sb = new StringBuilder();
        String[] names = {"SLOT_FREE", "PROC_STOP", "SENDING", "RECEIVING", "SIGNALED", "SIG_PENDING", "P_STOP",
                "NO_PRIV", "NO_ENDPOINT", "VMINHIBIT", "PAGEFAULT", "VMREQUEST", "VMREQTARGET", "0x2000",
                "PREEMPTED", "NO_QUANTUM", "BOOTINHIBIT"};
        for (int i = 0; i < names.length; i++) {
            if ((flags & (1 << i)) != 0) sb.append(sb.isEmpty() ? "" : "|").append(names[i]);
        }
        return sb.toString();
    }
}

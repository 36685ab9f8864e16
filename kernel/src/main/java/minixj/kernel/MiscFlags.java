package minixj.kernel;

/** Miscellaneous process flags (MINIX's MF_*); they never block a process. */
final class MiscFlags {
    private MiscFlags() {
    }

    static final int REPLY_PEND = 0x1;
    static final int VIRT_TIMER = 0x2;
    static final int PROF_TIMER = 0x4;
    static final int KCALL_RESUME = 0x8;
    static final int DELIVERMSG = 0x40;
    static final int SIG_DELAY = 0x80;
    static final int SC_ACTIVE = 0x100;
    static final int SC_DEFER = 0x200;
    static final int SC_TRACE = 0x400;
    static final int SENDING_FROM_KERNEL = 0x2000;
    static final int STEP = 0x40000;
    static final int MSGFAILED = 0x80000;
    static final int NICED = 0x100000;
}

package minixj.lib.posix;

/**
 * Requests, options and the range descriptor of {@link Posix#ptrace} (MINIX's sys/ptrace.h).
 *
 * <p>{@link #T_OK} and {@link #T_ATTACH} make the caller a tracer; every other request needs the
 * caller to be the tracer of {@code pid} (else ESRCH) and the tracee to be stopped for it (else
 * EBUSY). A traced process stops instead of taking any signal but SIGKILL, and its tracer's
 * waitpid reports the stop ({@link WaitStatus#stopped()}); the tracer then resumes it, possibly
 * passing a signal on (the {@code data} argument of T_RESUME, T_STEP, T_SYSCALL and T_DETACH).
 */
public final class Ptrace {
    private Ptrace() {
    }

    /** Let the parent trace this process ({@code pid}, address and data unused); EBUSY if traced. */
    public static final int T_OK = 0;
    /** Read the 32-bit word at {@code address} in the tracee's memory (returned). */
    public static final int T_GETINS = 1;
    /** As {@link #T_GETINS}: programs have one address space for code and data. */
    public static final int T_GETDATA = 2;
    /** Read a field of the tracee's kernel state: {@code address} is a {@code USER_*} offset. */
    public static final int T_GETUSER = 3;
    /** Write the 32-bit word {@code data} at {@code address} in the tracee's memory. */
    public static final int T_SETINS = 4;
    /** As {@link #T_SETINS}. */
    public static final int T_SETDATA = 5;
    /** Set a field of the tracee's kernel state: always EFAULT (a Java program has no registers). */
    public static final int T_SETUSER = 6;
    /** Resume the tracee; {@code data} is a signal to deliver (0 = none). */
    public static final int T_RESUME = 7;
    /** End the tracee with exit status {@code data}. */
    public static final int T_EXIT = 8;
    /** Resume until the tracee's next kernel entry, where it stops with SIGTRAP. */
    public static final int T_STEP = 9;
    /** Resume until the tracee enters or leaves its next system call, where it stops with SIGTRAP. */
    public static final int T_SYSCALL = 10;
    /** Trace process {@code pid} (which stops with SIGSTOP), with {@link #TO_NOEXEC} set. */
    public static final int T_ATTACH = 11;
    /** Stop tracing: signals held for the tracer go to the process, then {@code data} (0 = none). */
    public static final int T_DETACH = 12;
    /** Set the trace options ({@code TO_*}) to {@code data}. */
    public static final int T_SETOPT = 13;
    /** Copy a range out of the tracee: {@code address} names a range descriptor ({@link #RANGE_SIZE} bytes). */
    public static final int T_GETRANGE = 14;
    /** Copy a range into the tracee: {@code address} names a range descriptor. */
    public static final int T_SETRANGE = 15;
    /** Root only, tracee need not be traced: read the byte at {@code address}. */
    public static final int T_READB_INS = 100;
    /** Root only, tracee need not be traced: write byte {@code data} at {@code address}. */
    public static final int T_WRITEB_INS = 101;

    /** Option: children the tracee forks are traced by the same tracer and start stopped (SIGSTOP). */
    public static final int TO_TRACEFORK = 0x1;
    /** Option: a successful exec stops the tracee with SIGSTOP instead of SIGTRAP. */
    public static final int TO_ALTEXEC = 0x2;
    /** Option: a successful exec does not stop the tracee. */
    public static final int TO_NOEXEC = 0x4;

    /** {@link #T_GETUSER} offsets: endpoint, run-state flags, priority, user and system ticks. */
    public static final int USER_ENDPOINT = 0;
    public static final int USER_RTS_FLAGS = 4;
    public static final int USER_PRIORITY = 8;
    public static final int USER_USER_TICKS = 12;
    public static final int USER_SYS_TICKS = 16;

    /**
     * The range descriptor of T_GETRANGE/T_SETRANGE (MINIX's struct ptrace_range), in the
     * caller's memory, little-endian: the space (int, {@link #TS_INS} or {@link #TS_DATA}) at
     * {@link #RANGE_SPACE}, the tracee's address (long) at {@link #RANGE_TRACEE_ADDRESS}, the
     * caller's buffer (long) at {@link #RANGE_CALLER_ADDRESS} and the byte count (long) at
     * {@link #RANGE_LENGTH}.
     */
    public static final int RANGE_SIZE = 32;
    public static final int RANGE_SPACE = 0;
    public static final int RANGE_TRACEE_ADDRESS = 8;
    public static final int RANGE_CALLER_ADDRESS = 16;
    public static final int RANGE_LENGTH = 24;
    /** Range spaces: instructions and data (the same memory for a Java program). */
    public static final int TS_INS = 0;
    public static final int TS_DATA = 1;
}

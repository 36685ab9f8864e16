package minixj.lib.ipc;

/**
 * Signal numbers (NetBSD's, as MINIX 3.4 uses) and MINIX's system and kernel signals.
 *
 * <p>Signal sets are {@link SigSet}s; they cover the 64 user signals and MINIX's extra ones.
 */
public final class Signals {
    private Signals() {
    }

    public static final int SIGHUP = 1;
    public static final int SIGINT = 2;
    public static final int SIGQUIT = 3;
    public static final int SIGILL = 4;
    public static final int SIGTRAP = 5;
    public static final int SIGABRT = 6;
    public static final int SIGEMT = 7;
    public static final int SIGFPE = 8;
    public static final int SIGKILL = 9;
    public static final int SIGBUS = 10;
    public static final int SIGSEGV = 11;
    public static final int SIGSYS = 12;
    public static final int SIGPIPE = 13;
    public static final int SIGALRM = 14;
    public static final int SIGTERM = 15;
    public static final int SIGURG = 16;
    public static final int SIGSTOP = 17;
    public static final int SIGTSTP = 18;
    public static final int SIGCONT = 19;
    public static final int SIGCHLD = 20;
    public static final int SIGTTIN = 21;
    public static final int SIGTTOU = 22;
    public static final int SIGIO = 23;
    public static final int SIGXCPU = 24;
    public static final int SIGXFSZ = 25;
    public static final int SIGVTALRM = 26;
    public static final int SIGPROF = 27;
    public static final int SIGWINCH = 28;
    public static final int SIGINFO = 29;
    public static final int SIGUSR1 = 30;
    public static final int SIGUSR2 = 31;
    public static final int SIGPWR = 32;

    /** Number of user signals. */
    public static final int NSIG = 64;

    /** MINIX system signal: a delayed stop completed (to PM). */
    public static final int SIGSNDELAY = 70;
    /** Kernel signal: the kernel needs memory handled (to VM). */
    public static final int SIGKMEM = 71;
    /** Kernel signal: new kernel diagnostic messages. */
    public static final int SIGKMESS = 72;
    /** Kernel signal: a signal for a process that is its own signal manager. */
    public static final int SIGKSIGSM = 73;
    /** Kernel signal: some managed process has pending kernel signals. */
    public static final int SIGKSIG = 74;
    /** Highest signal number. */
    public static final int MAX_SIGNAL = 74;

    /** True for the signals that mean the process cannot continue (a self-managed process switches to its backup manager). */
    public static boolean isLethal(int signal) {
        return signal == SIGILL || signal == SIGBUS || signal == SIGFPE || signal == SIGSEGV
                || signal == SIGEMT || signal == SIGABRT;
    }

    /** True for signals in the range a signal set can hold. */
    public static boolean isValid(int signal) {
        return signal >= 1 && signal <= MAX_SIGNAL;
    }
}

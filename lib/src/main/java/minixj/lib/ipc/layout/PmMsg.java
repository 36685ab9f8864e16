package minixj.lib.ipc.layout;

import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;

/**
 * Requests to PM and its replies. Call numbers are MINIX's (callnr.h, PM_BASE 0x000 + n); the
 * reply's type is the result: a pid or a value where the call returns one, OK, or a negative
 * errno. Fields are shared between calls (a union, as MINIX's message layouts):
 * <ul>
 * <li>{@link #pid}: the target of KILL, WAIT4, SETPGID; the reply's pid of GETPID and WAIT4.</li>
 * <li>{@link #number}: the signal (KILL, SIGACTION), WAIT4's options, EXIT's status, SIGPROCMASK's
 * how, the uid/gid of SET*ID, SETPGID's group.</li>
 * <li>{@link #handler}: SIGACTION's handler id ({@link #SIG_DFL}, {@link #SIG_IGN} or an id the
 * process's libc chose); the reply holds the old one.</li>
 * <li>{@link #sigset}: SIGPROCMASK/SIGSUSPEND's set; replies of SIGPROCMASK (old mask) and
 * SIGPENDING.</li>
 * <li>{@link #value1}/{@link #value2}: reply values: GETPID's parent pid, WAIT4's status, GET*ID's
 * real/effective id.</li>
 * <li>TIMES reply (overlapping the fields above): {@link #userTicks}, {@link #systemTicks},
 * {@link #childUserTicks}, {@link #childSystemTicks} (of waited-for children) and {@link #uptime},
 * all in clock ticks.</li>
 * <li>{@link #address}/{@link #length}: FORK's argument block in the caller's memory: the child's
 * entry class then its arguments, NUL-terminated strings. WAIT4's {@link #address}: where PM
 * copies the waited-for child's {@code minixj.lib.posix.Rusage} (0 = nowhere).</li>
 * <li>PTRACE: {@link #number} is the request, {@link #pid} the tracee, {@link #address} the
 * address and {@link #traceData} the data; the reply's {@link #traceData} is the result.</li>
 * </ul>
 * Time, resource and information calls have layouts of their own: {@link PmTimeMsg} (ITIMER,
 * CLOCK_*, GETTIMEOFDAY, STIME), {@link PmSigactionMsg} (SIGACTION), {@link PmInfoMsg}
 * (GETRUSAGE, GETSYSINFO, REBOOT, GET/SETGROUPS).
 */
public record PmMsg(Message message) {
    public static final int PM_BASE = 0x000;
    public static final int PM_EXIT = PM_BASE + 1;
    public static final int PM_FORK = PM_BASE + 2;
    public static final int PM_WAIT4 = PM_BASE + 3;
    public static final int PM_GETPID = PM_BASE + 4;
    public static final int PM_SETUID = PM_BASE + 5;
    public static final int PM_GETUID = PM_BASE + 6;
    public static final int PM_PTRACE = PM_BASE + 8;
    public static final int PM_KILL = PM_BASE + 11;
    /**
     * exec: {@link #address} holds the path ({@link #value1} bytes), a NUL, then the arguments
     * (NUL-terminated, argv[0] first); {@link #length} is the block's size. No reply on success.
     */
    public static final int PM_EXEC = PM_BASE + 14;
    public static final int PM_SETGID = PM_BASE + 12;
    public static final int PM_GETGID = PM_BASE + 13;
    public static final int PM_SETSID = PM_BASE + 15;
    public static final int PM_GETPGRP = PM_BASE + 16;
    public static final int PM_ITIMER = PM_BASE + 17;
    public static final int PM_SIGACTION = PM_BASE + 20;
    public static final int PM_SIGSUSPEND = PM_BASE + 21;
    public static final int PM_SIGPENDING = PM_BASE + 22;
    public static final int PM_SIGPROCMASK = PM_BASE + 23;
    public static final int PM_SIGRETURN = PM_BASE + 24;
    public static final int PM_SETEUID = PM_BASE + 29;
    public static final int PM_SETEGID = PM_BASE + 30;
    public static final int PM_GETSID = PM_BASE + 32;
    public static final int PM_STIME = PM_BASE + 7;
    public static final int PM_SETGROUPS = PM_BASE + 9;
    public static final int PM_GETGROUPS = PM_BASE + 10;
    public static final int PM_GETTIMEOFDAY = PM_BASE + 28;
    public static final int PM_ISSETUGID = PM_BASE + 31;
    public static final int PM_CLOCK_GETRES = PM_BASE + 33;
    public static final int PM_CLOCK_GETTIME = PM_BASE + 34;
    public static final int PM_CLOCK_SETTIME = PM_BASE + 35;
    public static final int PM_GETRUSAGE = PM_BASE + 36;
    public static final int PM_REBOOT = PM_BASE + 37;
    public static final int PM_GETSYSINFO = PM_BASE + 47;
    /** MinixJ addition (MINIX 3 has no setpgid call): {@link #pid} joins group {@link #number}. */
    public static final int PM_SETPGID = PM_BASE + 48;
    /** MinixJ addition: times(2) (MINIX's libc builds it from other calls): the TIMES reply fields. */
    public static final int PM_TIMES = PM_BASE + 49;

    /**
     * MinixJ addition: posix_spawn, a fork whose child execs at once (the block as for
     * {@link #PM_EXEC}); the reply is the child's pid, or the exec's error.
     */
    public static final int PM_SPAWN = PM_BASE + 50;

    /** WAIT4 option: do not wait when no child has exited (reply 0). */
    public static final int WNOHANG = 1;
    /** WAIT4 option: also report children that stopped (status W_STOPCODE(sig) = sig &lt;&lt; 8 | 0x7F). */
    public static final int WUNTRACED = 2;
    /** SIGPROCMASK how. */
    public static final int SIG_BLOCK = 1;
    public static final int SIG_UNBLOCK = 2;
    public static final int SIG_SETMASK = 3;
    /** Handler ids with a meaning of their own; libc's handler ids are 0 or more. */
    public static final int SIG_DFL = -1;
    public static final int SIG_IGN = -2;

    public int pid() { return message.getInt(0); }
    public PmMsg pid(int v) { message.putInt(0, v); return this; }
    public int number() { return message.getInt(4); }
    public PmMsg number(int v) { message.putInt(4, v); return this; }
    public int handler() { return message.getInt(8); }
    public PmMsg handler(int v) { message.putInt(8, v); return this; }
    public int value1() { return message.getInt(12); }
    public PmMsg value1(int v) { message.putInt(12, v); return this; }
    public int value2() { return message.getInt(16); }
    public PmMsg value2(int v) { message.putInt(16, v); return this; }
    public int length() { return message.getInt(20); }
    public PmMsg length(int v) { message.putInt(20, v); return this; }
    public long address() { return message.getLong(24); }
    public PmMsg address(long v) { message.putLong(24, v); return this; }
    public SigSet sigset() { return new SigSet(message.getLong(32), message.getLong(40)); }
    public PmMsg sigset(SigSet s) { message.putLong(32, s.low()); message.putLong(40, s.high()); return this; }
    /** PTRACE's data, and its reply value (overlaps {@link #handler} and {@link #value1}). */
    public long traceData() { return message.getLong(8); }
    public PmMsg traceData(long v) { message.putLong(8, v); return this; }
    public long userTicks() { return message.getLong(8); }
    public PmMsg userTicks(long v) { message.putLong(8, v); return this; }
    public long systemTicks() { return message.getLong(16); }
    public PmMsg systemTicks(long v) { message.putLong(16, v); return this; }
    public long childUserTicks() { return message.getLong(24); }
    public PmMsg childUserTicks(long v) { message.putLong(24, v); return this; }
    public long childSystemTicks() { return message.getLong(32); }
    public PmMsg childSystemTicks(long v) { message.putLong(32, v); return this; }
    public long uptime() { return message.getLong(40); }
    public PmMsg uptime(long v) { message.putLong(40, v); return this; }
}

package minixj.lib.posix;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmInfoMsg;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.PmProcEntry;
import minixj.lib.ipc.layout.PmSigactionMsg;
import minixj.lib.ipc.layout.PmTimeMsg;
import minixj.lib.ipc.layout.VfsMsg;
import minixj.lib.mem.MemoryLayout;

/**
 * The process part of the C library, one object per process ({@code new Posix(Trap.current())};
 * there is no static state, since several processes share these classes). Each call is a
 * sendrec to PM; a negative result becomes a {@link PosixException}.
 *
 * <p>{@link #fork} needs the child's entry: a Java thread cannot be copied, so the child starts
 * anew at {@code main} of the named class of the parent's program, with the given arguments.
 * The argument block is written at {@link #ARGS_ADDRESS}, near the end of the initial memory
 * region; the library reserves the region's last 36 KiB for itself (argument block, I/O buffer,
 * {@link #SCRATCH_ADDRESS} and {@link #SYSINFO_ADDRESS}).
 *
 * <p>Signal handlers are {@link IntConsumer}s kept in this object by signal number (the handler
 * id PM knows); the kernel runs them on the process's own thread when it next returns from a
 * kernel entry, and the library then tells PM the handler is done (sigreturn).
 */
public final class Posix {
    /** Scratch memory of the library (the fork argument block). */
    public static final long ARGS_ADDRESS =
            MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE - 8192;
    /** Largest fork argument block. */
    public static final int ARGS_SIZE = 4096;
    /** The library's I/O buffer (write copies through it), after the argument block. */
    public static final long IO_ADDRESS = ARGS_ADDRESS + ARGS_SIZE;
    /** Size of the I/O buffer. */
    public static final int IO_SIZE = 4096;
    /** waitpid option: do not wait. */
    public static final int WNOHANG = PmMsg.WNOHANG;

    private final Trap trap;
    private final Map<Integer, IntConsumer> handlers = new HashMap<>();
    private boolean frameHandlerInstalled;

    /** A library instance for the process that owns {@code trap}. */
    public Posix(Trap trap) {
        this.trap = trap;
    }

    private PmMsg call(String name, int type, PmMsg req) {
        send(name, type, req.message());
        return req;
    }

    /** Sends request {@code m} of {@code type} to PM; returns the reply's result, throws on an error. */
    private int send(String name, int type, Message m) {
        m.type(type);
        int r = trap.sendrec(Endpoint.PM, m);
        if (r != Errno.OK) throw new PosixException(name, r);
        if (m.type() < 0) throw new PosixException(name, m.type());
        return m.type();
    }

    private static PmMsg msg() {
        return new PmMsg(new Message());
    }

    private int value(String name, int type, PmMsg req) {
        return call(name, type, req).message().type();
    }

    /** This process's pid. */
    public int getpid() { return value("getpid", PmMsg.PM_GETPID, msg()); }

    /** The parent's pid (1 once INIT adopted the process). */
    public int getppid() { return call("getppid", PmMsg.PM_GETPID, msg()).value1(); }

    /**
     * Creates a child that runs {@code main(args)} of {@code entryClass} (a class of this
     * program). Returns the child's pid; EAGAIN when the process table is full.
     */
    public int fork(String entryClass, String... args) {
        StringBuilder block = new StringBuilder(entryClass).append('\0');
        for (String a : args) block.append(a).append('\0');
        byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > ARGS_SIZE) throw new PosixException("fork", Errno.E2BIG);
        trap.memory().write(ARGS_ADDRESS, bytes, 0, bytes.length);
        return value("fork", PmMsg.PM_FORK, msg().address(ARGS_ADDRESS).length(bytes.length));
    }

    /**
     * Replaces this process's program with the JAR executable at {@code path}, started with
     * {@code args} (argv[0] first, by convention the program's name). Returns only by throwing:
     * ENOENT, EACCES (not executable), ENOEXEC (not a JAR, or refused by the loader), ENOMEM.
     */
    public void execve(String path, String... args) {
        int pathLength = writeExecBlock("execve", path, args);
        call("execve", PmMsg.PM_EXEC, msg().address(ARGS_ADDRESS).length(execBlockLength).value1(pathLength));
        throw new IllegalStateException("execve: PM answered a successful exec");
    }

    /**
     * posix_spawn: a child that runs the JAR executable at {@code path} with {@code args}; returns
     * its pid. Errors of the exec (ENOENT, EACCES, ENOEXEC) are this call's, and then no child
     * exists. The child inherits what a fork child inherits.
     */
    public int posixSpawn(String path, String... args) {
        int pathLength = writeExecBlock("posix_spawn", path, args);
        return value("posix_spawn", PmMsg.PM_SPAWN, msg().address(ARGS_ADDRESS).length(execBlockLength).value1(pathLength));
    }

    private int execBlockLength;

    /** Writes "path NUL args... " at {@link #ARGS_ADDRESS}; returns the path's length in bytes. */
    private int writeExecBlock(String name, String path, String[] args) {
        byte[] p = path.getBytes(StandardCharsets.UTF_8);
        if (p.length == 0) throw new PosixException(name, Errno.ENOENT);
        StringBuilder block = new StringBuilder(path).append('\0');
        for (String a : args) block.append(a).append('\0');
        byte[] bytes = block.toString().getBytes(StandardCharsets.UTF_8);
        if (bytes.length > ARGS_SIZE) throw new PosixException(name, Errno.E2BIG);
        trap.memory().write(ARGS_ADDRESS, bytes, 0, bytes.length);
        execBlockLength = bytes.length;
        return p.length;
    }

    /** write(2) of all of {@code bytes} to {@code fd}; returns the count written. */
    public int write(int fd, byte[] bytes) {
        int done = 0;
        while (done < bytes.length) {
            int n = Math.min(IO_SIZE, bytes.length - done);
            trap.memory().write(IO_ADDRESS, bytes, done, n);
            Message m = new Message(VfsMsg.VFS_WRITE);
            new VfsMsg(m).fd(fd).address(IO_ADDRESS).length(n);
            int r = trap.sendrec(Endpoint.VFS, m);
            if (r != Errno.OK) throw new PosixException("write", r);
            if (m.type() < 0) {
                if (done > 0) return done;
                throw new PosixException("write", m.type());
            }
            done += m.type();
            if (m.type() < n) return done;
        }
        return done;
    }

    /** Writes {@code text} (UTF-8) to standard output. */
    public void print(String text) {
        write(1, text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Ends the process with {@code status}. PM does not reply: it has the kernel free the slot,
     * which ends this thread while it waits in sendrec. Returns only by throwing, if PM refused.
     */
    public void exit(int status) {
        PmMsg req = msg().number(status);
        req.message().type(PmMsg.PM_EXIT);
        int r = trap.sendrec(Endpoint.PM, req.message());
        throw new IllegalStateException("exit: PM did not end the process (" + r + ", " + req.message().type() + ")");
    }

    /** waitpid: pid &gt; 0, -1 any child, 0 own group, &lt; -1 that group; options {@link #WNOHANG}. */
    public WaitStatus waitpid(int pid, int options) {
        PmMsg reply = call("waitpid", PmMsg.PM_WAIT4, msg().pid(pid).number(options));
        int r = reply.message().type();
        return new WaitStatus(r, r > 0 ? reply.value1() : 0);
    }

    /** wait: any child. */
    public WaitStatus waitAny() { return waitpid(-1, 0); }

    /** kill: signal {@code sig} (0 = check only) to pid &gt; 0, own group (0), all (-1), group (&lt; -1). */
    public void kill(int pid, int sig) { call("kill", PmMsg.PM_KILL, msg().pid(pid).number(sig)); }

    /** Catches {@code sig} with {@code handler} (it receives the signal number). */
    public void sigaction(int sig, IntConsumer handler) { sigaction(sig, SigAction.handle(handler, new SigSet(), 0)); }

    /** SIG_IGN. */
    public void sigignore(int sig) { sigaction(sig, SigAction.ignore()); }

    /** SIG_DFL. */
    public void sigdefault(int sig) { sigaction(sig, SigAction.defaults()); }

    /**
     * sigaction: installs {@code act} for {@code sig} (null = only read) and returns the action
     * it replaces. The handler of a returned caught action is the one this library installed.
     */
    public SigAction sigaction(int sig, SigAction act) {
        PmSigactionMsg req = new PmSigactionMsg(new Message()).signal(sig);
        if (act != null) {
            int handler = switch (act.disposition()) {
                case DEFAULT -> PmMsg.SIG_DFL;
                case IGNORE -> PmMsg.SIG_IGN;
                case CATCH -> sig; // the handler id is the signal number
            };
            if (act.disposition() == SigAction.Disposition.CATCH) installFrameHandler();
            req.install(1).handler(handler).flags(act.flags()).mask(act.mask());
        }
        boolean catching = act != null && act.disposition() == SigAction.Disposition.CATCH;
        // In place before PM knows it: the signal may be delivered as the call returns.
        IntConsumer previous = catching ? handlers.put(sig, act.handler()) : handlers.get(sig);
        try {
            send("sigaction", PmMsg.PM_SIGACTION, req.message());
        } catch (PosixException e) {
            if (catching) {
                if (previous == null) handlers.remove(sig); else handlers.put(sig, previous);
            }
            throw e;
        }
        int old = req.handler();
        SigAction.Disposition d = old == PmMsg.SIG_DFL ? SigAction.Disposition.DEFAULT
                : old == PmMsg.SIG_IGN ? SigAction.Disposition.IGNORE : SigAction.Disposition.CATCH;
        return new SigAction(d, d == SigAction.Disposition.CATCH ? previous : null, req.mask(), req.flags());
    }

    private void installFrameHandler() {
        if (frameHandlerInstalled) return;
        frameHandlerInstalled = true;
        trap.signalFrameHandler((sig, id) -> {
            try {
                IntConsumer h = handlers.get(id);
                if (h != null) h.accept(sig);
            } finally {
                call("sigreturn", PmMsg.PM_SIGRETURN, msg());
            }
        });
    }

    /**
     * sigprocmask with how = {@link PmMsg#SIG_BLOCK}, SIG_UNBLOCK or SIG_SETMASK; returns the old
     * mask. A null {@code set} only reads the mask.
     */
    public SigSet sigprocmask(int how, SigSet set) {
        PmMsg req = set == null ? msg().number(0).sigset(new SigSet()) : msg().number(how).sigset(set);
        return call("sigprocmask", PmMsg.PM_SIGPROCMASK, req).sigset();
    }

    /** sigfillset: every signal a process can name (1..{@link Signals#NSIG}). */
    public static SigSet sigfillset() {
        SigSet s = new SigSet();
        for (int sig = 1; sig <= Signals.NSIG; sig++) s.add(sig);
        return s;
    }

    /** Blocks one signal; returns the old mask. */
    public SigSet block(int sig) { return sigprocmask(PmMsg.SIG_BLOCK, new SigSet().add(sig)); }

    /** Unblocks one signal (a pending one is delivered before this returns); returns the old mask. */
    public SigSet unblock(int sig) { return sigprocmask(PmMsg.SIG_UNBLOCK, new SigSet().add(sig)); }

    /** The blocked signals waiting for delivery. */
    public SigSet sigpending() { return call("sigpending", PmMsg.PM_SIGPENDING, msg()).sigset(); }

    /** Waits with {@code mask} until a caught signal has run its handler; always ends in EINTR as POSIX's. */
    public void sigsuspend(SigSet mask) { call("sigsuspend", PmMsg.PM_SIGSUSPEND, msg().sigset(mask)); }

    /**
     * SIGALRM in {@code seconds} (0 cancels): ITIMER_REAL without interval. Returns the seconds
     * left on the previous timer, rounded up.
     */
    public int alarm(int seconds) {
        if (seconds < 0) throw new PosixException("alarm", Errno.EINVAL);
        Itimerval old = setitimer(PmTimeMsg.ITIMER_REAL, Itimerval.of(seconds, 0, 0, 0));
        return (int) (old.value().sec() + (old.value().usec() > 0 ? 1 : 0));
    }

    public int getuid() { return call("getuid", PmMsg.PM_GETUID, msg()).value1(); }
    public int geteuid() { return call("geteuid", PmMsg.PM_GETUID, msg()).value2(); }
    public int getgid() { return call("getgid", PmMsg.PM_GETGID, msg()).value1(); }
    public int getegid() { return call("getegid", PmMsg.PM_GETGID, msg()).value2(); }
    public void setuid(int uid) { call("setuid", PmMsg.PM_SETUID, msg().number(uid)); }
    public void seteuid(int uid) { call("seteuid", PmMsg.PM_SETEUID, msg().number(uid)); }
    public void setgid(int gid) { call("setgid", PmMsg.PM_SETGID, msg().number(gid)); }
    public void setegid(int gid) { call("setegid", PmMsg.PM_SETEGID, msg().number(gid)); }

    /** New session and group led by this process; returns the session id. */
    public int setsid() { return value("setsid", PmMsg.PM_SETSID, msg()); }
    /** The session of {@code pid} (0 = this process). */
    public int getsid(int pid) { return value("getsid", PmMsg.PM_GETSID, msg().pid(pid)); }
    public int getpgrp() { return value("getpgrp", PmMsg.PM_GETPGRP, msg()); }
    /** Moves {@code pid} (0 = this process) into group {@code pgid} (0 = its own pid). */
    public void setpgid(int pid, int pgid) { call("setpgid", PmMsg.PM_SETPGID, msg().pid(pid).number(pgid)); }

    /** times(2): this process's and its waited-for children's CPU ticks, and the uptime. */
    public Tms times() {
        PmMsg r = call("times", PmMsg.PM_TIMES, msg());
        return new Tms(r.userTicks(), r.systemTicks(), r.childUserTicks(), r.childSystemTicks(), r.uptime());
    }

    // ------------------------------------------------------------------ time, resources, system

    /** Scratch memory of the library for results PM copies out (a rusage), below the argument block. */
    public static final long SCRATCH_ADDRESS = ARGS_ADDRESS - 4096;
    /** Where {@link #procTable} has PM copy the process table (below the scratch memory). */
    public static final long SYSINFO_ADDRESS = SCRATCH_ADDRESS - PmProcEntry.TABLE_SIZE;
    /** waitpid option: report stopped children too ({@link WaitStatus#stopped}). */
    public static final int WUNTRACED = PmMsg.WUNTRACED;

    /** setitimer: arms timer {@code which} (PmTimeMsg.ITIMER_*) with {@code value}; returns the old setting. */
    public Itimerval setitimer(int which, Itimerval value) {
        PmTimeMsg req = new PmTimeMsg(new Message()).which(which).flags(PmTimeMsg.ITIMER_SET | PmTimeMsg.ITIMER_GET)
                .seconds(value.value().sec()).fraction(value.value().usec())
                .intervalSeconds(value.interval().sec()).intervalFraction(value.interval().usec());
        send("setitimer", PmMsg.PM_ITIMER, req.message());
        return itimerval(req);
    }

    /** getitimer: the time left on timer {@code which} and its interval. */
    public Itimerval getitimer(int which) {
        PmTimeMsg req = new PmTimeMsg(new Message()).which(which).flags(PmTimeMsg.ITIMER_GET);
        send("getitimer", PmMsg.PM_ITIMER, req.message());
        return itimerval(req);
    }

    private static Itimerval itimerval(PmTimeMsg r) {
        return Itimerval.of(r.seconds(), r.fraction(), r.intervalSeconds(), r.intervalFraction());
    }

    /** clock_gettime of PmTimeMsg.CLOCK_REALTIME or CLOCK_MONOTONIC. */
    public Timespec clockGettime(int clock) { return timespec("clock_gettime", PmMsg.PM_CLOCK_GETTIME, clock); }

    /** clock_getres: the clock's tick. */
    public Timespec clockGetres(int clock) { return timespec("clock_getres", PmMsg.PM_CLOCK_GETRES, clock); }

    private Timespec timespec(String name, int call, int clock) {
        PmTimeMsg req = new PmTimeMsg(new Message()).which(clock);
        send(name, call, req.message());
        return new Timespec(req.seconds(), req.fraction());
    }

    /** clock_settime (root; CLOCK_REALTIME only). */
    public void clockSettime(int clock, Timespec time) {
        send("clock_settime", PmMsg.PM_CLOCK_SETTIME,
                new PmTimeMsg(new Message()).which(clock).seconds(time.sec()).fraction(time.nsec()).message());
    }

    /** gettimeofday. */
    public Timeval gettimeofday() {
        PmTimeMsg req = new PmTimeMsg(new Message());
        send("gettimeofday", PmMsg.PM_GETTIMEOFDAY, req.message());
        return new Timeval(req.seconds(), req.fraction());
    }

    /** stime (root): the date becomes {@code seconds} since the epoch. */
    public void stime(long seconds) {
        send("stime", PmMsg.PM_STIME, new PmTimeMsg(new Message()).seconds(seconds).message());
    }

    /** Clock ticks since boot. */
    public long uptime() { return times().uptime(); }

    /** getrusage of PmInfoMsg.RUSAGE_SELF or RUSAGE_CHILDREN. */
    public Rusage getrusage(int who) {
        getrusage(who, SCRATCH_ADDRESS);
        return readRusage(SCRATCH_ADDRESS);
    }

    /** getrusage into {@code address} of this process's memory (C's form: a bad address is EFAULT). */
    public void getrusage(int who, long address) {
        send("getrusage", PmMsg.PM_GETRUSAGE, new PmInfoMsg(new Message()).what(who).address(address).message());
    }

    /**
     * wait4: as {@link #waitpid}, PM also copying the child's resource usage to
     * {@code rusageAddress} of this process's memory (0 = not wanted).
     */
    public WaitStatus wait4(int pid, int options, long rusageAddress) {
        PmMsg reply = call("wait4", PmMsg.PM_WAIT4, msg().pid(pid).number(options).address(rusageAddress));
        int r = reply.message().type();
        return new WaitStatus(r, r > 0 ? reply.value1() : 0);
    }

    /** wait4 with the child's resource usage (null when no child was collected). */
    public WaitRusage wait4(int pid, int options) {
        WaitStatus w = wait4(pid, options, SCRATCH_ADDRESS);
        boolean reaped = w.pid() > 0 && !w.stopped();
        return new WaitRusage(w, reaped ? readRusage(SCRATCH_ADDRESS) : null);
    }

    private Rusage readRusage(long address) {
        byte[] b = new byte[Rusage.SIZE];
        trap.memory().read(address, b, 0, b.length);
        return Rusage.fromBytes(b);
    }

    /** getsysinfo(PM, what, address, size): PM copies item {@code what} to {@code address} (root). */
    public void getsysinfo(int what, long address, int size) {
        send("getsysinfo", PmMsg.PM_GETSYSINFO,
                new PmInfoMsg(new Message()).what(what).address(address).size(size).message());
    }

    /** PM's process table (getsysinfo SI_PROC_TAB, root only): the slots in use, by slot. */
    public List<PmProcEntry> procTable() {
        getsysinfo(PmInfoMsg.SI_PROC_TAB, SYSINFO_ADDRESS, PmProcEntry.TABLE_SIZE);
        byte[] table = new byte[PmProcEntry.TABLE_SIZE];
        trap.memory().read(SYSINFO_ADDRESS, table, 0, table.length);
        List<PmProcEntry> entries = new ArrayList<>();
        for (int slot = 0; slot < Endpoint.NR_PROCS; slot++) {
            PmProcEntry e = PmProcEntry.readFrom(table, slot);
            if (e.inUse()) entries.add(e);
        }
        return entries;
    }

    /** reboot (root): PmInfoMsg.RB_AUTOBOOT, RB_HALT or RB_POWERDOWN. Returns only by failing. */
    public void reboot(int how) {
        send("reboot", PmMsg.PM_REBOOT, new PmInfoMsg(new Message()).what(how).message());
    }

    /** getgroups: the supplementary groups. */
    public int[] getgroups() {
        PmInfoMsg req = new PmInfoMsg(new Message()).what(PmInfoMsg.NGROUPS_MAX);
        int n = send("getgroups", PmMsg.PM_GETGROUPS, req.message());
        int[] groups = new int[n];
        for (int i = 0; i < n; i++) groups[i] = req.group(i);
        return groups;
    }

    /** getgroups with room for {@code size} groups: EINVAL when there are more (0 = count only). */
    public int getgroupsCount(int size) {
        return send("getgroups", PmMsg.PM_GETGROUPS, new PmInfoMsg(new Message()).what(size).message());
    }

    /** setgroups (root; at most PmInfoMsg.NGROUPS_MAX). */
    public void setgroups(int... groups) {
        if (groups.length > PmInfoMsg.NGROUPS_MAX) throw new PosixException("setgroups", Errno.EINVAL);
        PmInfoMsg req = new PmInfoMsg(new Message()).what(groups.length);
        for (int i = 0; i < groups.length; i++) req.group(i, groups[i]);
        send("setgroups", PmMsg.PM_SETGROUPS, req.message());
    }

    /** issetugid: whether the process ran a set-uid or set-gid program. */
    public boolean issetugid() { return send("issetugid", PmMsg.PM_ISSETUGID, new Message()) != 0; }

    /**
     * ptrace(2): {@code request} is one of {@link Ptrace}'s {@code T_*} requests; returns the
     * request's value (the word read by T_GETDATA, ...; 0 for the others).
     */
    public long ptrace(int request, int pid, long address, long data) {
        return call("ptrace", PmMsg.PM_PTRACE, msg().number(request).pid(pid).address(address).traceData(data))
                .traceData();
    }

    /** The memory calls (brk, sbrk, mmap, munmap) of this process. */
    public Memory memory() { return new Memory(trap); }

    /** True when {@code sig} is a signal number a process may name. */
    public static boolean validSignal(int sig) { return sig >= 1 && sig <= Signals.NSIG; }
}

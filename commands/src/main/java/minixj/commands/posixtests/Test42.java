package minixj.commands.posixtests;

import static minixj.lib.ipc.Signals.SIGALRM;
import static minixj.lib.ipc.Signals.SIGBUS;
import static minixj.lib.ipc.Signals.SIGCHLD;
import static minixj.lib.ipc.Signals.SIGHUP;
import static minixj.lib.ipc.Signals.SIGINT;
import static minixj.lib.ipc.Signals.SIGKILL;
import static minixj.lib.ipc.Signals.SIGQUIT;
import static minixj.lib.ipc.Signals.SIGSTOP;
import static minixj.lib.ipc.Signals.SIGTERM;
import static minixj.lib.ipc.Signals.SIGTRAP;
import static minixj.lib.ipc.Signals.SIGUSR1;
import static minixj.lib.ipc.Signals.SIGUSR2;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.mem.UserMemory;
import minixj.lib.posix.Posix;
import minixj.lib.posix.PosixException;
import minixj.lib.posix.Ptrace;
import minixj.lib.posix.WaitStatus;

/**
 * MINIX's test42: ptrace. Most subtests run twice, once with a child that volunteers to be
 * traced (T_OK) and once with the test attaching to its child (T_ATTACH); the rest cover
 * detaching, a tracer that is not the parent, a tracer's death and the permission rules.
 *
 * <p>MINIX's version talks to its children through pipes; there are none yet, so here a child
 * says "ready" with SIGUSR2 to its parent and waits for "go", a SIGUSR1 it keeps blocked except
 * while it waits. To a traced child the tracer gives the go by resuming it with SIGUSR1. Children
 * report errors through their exit code (anything but the expected one). The exec subtests
 * resume the tracee rather than count its system calls (a Java program's exec has no exit stop
 * of the exec call, so MINIX's trap counts do not carry over).
 */
final class Test42 {
    /** Attach types: the child asks for it with T_OK, or the test attaches to its child. */
    private static final int BY_T_OK = 0;
    private static final int BY_ATTACH = 1;
    /** A child's scratch words and bytes, and the test's own buffers (clear of libc's block at the top). */
    static final long CHILD_DATA = MemoryLayout.INITIAL_REGION_BASE + 0x40000;
    private static final long RANGE = MemoryLayout.INITIAL_REGION_BASE + 0x50000;
    private static final long BUFFER = MemoryLayout.INITIAL_REGION_BASE + 0x51000;
    private static final int WORD = 0x1234_5678;
    private static final int NEW_WORD = 0xCAFE;
    private static final int RANGE_BYTES = 64;

    private final Common t;
    private final Posix px;
    private int attach;
    /** SIGUSR2s from children: each is one "ready". */
    private int ready;

    private Test42(Common t) {
        this.t = t;
        this.px = t.px;
    }

    static void run(Common t, String[] args) {
        new Test42(t).all();
    }

    private void all() {
        px.sigaction(SIGUSR2, s -> ready++);
        px.block(SIGUSR2); // taken only inside awaitReady, so no ready is lost
        for (attach = BY_T_OK; attach <= BY_ATTACH; attach++) {
            testWait();
            testStep();
            testSig();
            testExit();
            testTerm();
            testCatch();
            testKill();
            testAttach();
            testMemory();
            testSyscall();
            testTracefork();
            testExec(2, false, 0); // MINIX's test_exec and test_defexec: T_OK traps, T_ATTACH does not
            testExec(15, true, 0);
            testExec(16, true, Ptrace.TO_ALTEXEC);
            testExec(17, true, Ptrace.TO_NOEXEC);
        }
        testDetach();
        testDeath();
        testOtherTracer(false);
        testOtherTracer(true);
        testPermissions();
    }

    // ------------------------------------------------------------------ the test's side

    private void e(int n) {
        t.e(n, "attach type " + attach);
    }

    private void e(int n, String why) {
        t.e(n, "attach type " + attach + ": " + why);
    }

    /** Waits until a child says it is ready (SIGUSR2). */
    private void awaitReady() {
        int seen = ready;
        SigSet mask = px.sigprocmask(0, new SigSet()).remove(SIGUSR2);
        while (ready == seen) {
            try {
                px.sigsuspend(mask);
            } catch (PosixException ex) {
                if (ex.errno() != Errno.EINTR) e(90, "sigsuspend " + ex.errno());
            }
        }
    }

    /**
     * Forks {@code entry} as a traced child (by the current attach type) and lets it start: the
     * child's {@link Kid#start} and this meet when the child is stopped for the test, which then
     * resumes it with the go.
     */
    private int tracedFork(Class<?> entry) {
        int pid = px.fork(entry.getName(), String.valueOf(attach));
        awaitReady();
        int stopSignal;
        if (attach == BY_T_OK) {
            px.kill(pid, SIGUSR1); // the child declared us its tracer: the go stops it for us
            stopSignal = SIGUSR1;
        } else {
            ok(209, () -> px.ptrace(Ptrace.T_ATTACH, pid, 0, 0));
            stopSignal = SIGSTOP;
        }
        expectStop(pid, stopSignal, 210);
        ok(213, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGUSR1));
        return pid;
    }

    /** Detaches from a running tracee: stop it, pass on what the tracer gets before the SIGSTOP. */
    private void detachRunning(int pid) {
        px.kill(pid, SIGSTOP);
        WaitStatus st = waitpid(pid, 0, 601);
        while (st.stopped()) {
            if (st.stopSignal() == SIGSTOP) {
                ok(602, () -> px.ptrace(Ptrace.T_DETACH, pid, 0, 0));
                return;
            }
            int sig = st.stopSignal();
            ok(603, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, sig));
            st = waitpid(pid, 0, 604);
        }
        e(606, "tracee ended while detaching: " + st);
    }

    private WaitStatus waitpid(int pid, int options, int n) {
        try {
            return px.waitpid(pid, options);
        } catch (PosixException ex) {
            e(n, "waitpid " + pid + ": errno " + ex.errno());
            return new WaitStatus(ex.errno(), 0);
        }
    }

    private WaitStatus expectStop(int pid, int sig, int n) {
        WaitStatus st = waitpid(pid, 0, n);
        if (st.pid() != pid || !st.stopped() || st.stopSignal() != sig) {
            e(n + 1, "expected " + pid + " stopped by " + sig + ", got " + st);
        }
        return st;
    }

    private void expectExit(int pid, int code, int n) {
        WaitStatus st = waitpid(pid, 0, n);
        if (st.pid() != pid || !st.exited() || st.exitStatus() != code) {
            e(n + 1, "expected " + pid + " to exit with " + code + ", got " + st);
        }
    }

    private void expectKilled(int pid, int sig, int n) {
        WaitStatus st = waitpid(pid, 0, n);
        if (st.pid() != pid || !st.signaled() || st.termSig() != sig) {
            e(n + 1, "expected " + pid + " killed by " + sig + ", got " + st);
        }
    }

    /** The call must succeed. */
    private void ok(int n, Runnable call) {
        int errno = Common.errno(call);
        if (errno != 0) e(n, "errno " + errno);
    }

    /** The call must fail with {@code errno}. */
    private void fails(int n, int errno, Runnable call) {
        int got = Common.errno(call);
        if (got != errno) e(n, "expected errno " + errno + ", got " + got);
    }

    // ------------------------------------------------------------------ subtests

    /** A traced child's exit is seen by its tracer and parent. */
    private void testWait() {
        t.subtest(1);
        int pid = tracedFork(WaitChild.class);
        expectExit(pid, 42, 1);
    }

    /** Neither wait nor ptrace work on a running tracee; signals go to the tracer; T_STEP. */
    private void testStep() {
        t.subtest(3);
        int pid = tracedFork(StepChild.class);
        awaitReady();
        WaitStatus st = waitpid(pid, Posix.WNOHANG, 2);
        if (st.pid() != 0) e(2, "running tracee reported " + st);
        fails(3, Errno.EBUSY, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0));
        fails(4, Errno.EBUSY, () -> px.ptrace(Ptrace.T_STEP, pid, 0, 0));
        ok(5, () -> px.kill(pid, SIGHUP)); // ignored by the child, yet the tracer gets it
        expectStop(pid, SIGHUP, 6);
        int count = 0;
        while (true) {
            int go = count == 0 ? SIGUSR1 : 0;
            ok(9, () -> px.ptrace(Ptrace.T_STEP, pid, 0, go));
            st = waitpid(pid, 0, 10);
            if (!st.stopped()) break;
            if (st.stopSignal() != SIGTRAP) e(12, "step stopped by " + st.stopSignal());
            count++;
        }
        if (!st.exited() || st.exitStatus() != 42) e(13, "stepped child ended with " + st);
        if (count < StepChild.CALLS) e(14, "only " + count + " steps");
    }

    /** Signals stop the tracee for the tracer, which decides what the tracee gets. */
    private void testSig() {
        t.subtest(4);
        int pid = tracedFork(SigChild.class);
        awaitReady();
        ok(1, () -> px.kill(pid, SIGINT));
        ok(2, () -> px.kill(pid, SIGQUIT));
        WaitStatus st = waitpid(pid, 0, 3);
        if (!st.stopped() || (st.stopSignal() != SIGINT && st.stopSignal() != SIGQUIT)) e(4, "got " + st);
        // A signal arriving while the tracee is stopped is held for the tracer too.
        int first = st.stopSignal();
        ok(6, () -> px.kill(pid, first));
        st = waitpid(pid, Posix.WNOHANG, 7);
        if (st.pid() != pid || !st.stopped() || (st.stopSignal() != SIGINT && st.stopSignal() != SIGQUIT)) {
            e(8, "got " + st);
        }
        int other = st.stopSignal() == SIGINT ? SIGQUIT : SIGINT;
        // Resuming with signals still held only lets the tracer see the next one.
        ok(10, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0));
        expectStop(pid, other, 11);
        if (waitpid(pid, Posix.WNOHANG, 14).pid() != 0) e(14);
        ok(15, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0));
        // A signal passed on that the tracee ignores is ignored.
        ok(16, () -> px.kill(pid, SIGINT));
        expectStop(pid, SIGINT, 17);
        ok(20, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGCHLD));
        if (waitpid(pid, Posix.WNOHANG, 21).pid() != 0) e(21);
        // A caught signal passed on runs the handler (which makes the child exit 42).
        ok(22, () -> px.kill(pid, SIGTERM));
        expectStop(pid, SIGTERM, 23);
        ok(26, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGTERM));
        expectExit(pid, 42, 27);
    }

    /** T_EXIT ends a stopped tracee with the given status. */
    private void testExit() {
        t.subtest(5);
        int pid = tracedFork(PauseChild.class);
        awaitReady();
        ok(2, () -> px.kill(pid, SIGSTOP));
        expectStop(pid, SIGSTOP, 3);
        if (waitpid(pid, Posix.WNOHANG, 6).pid() != 0) e(6);
        ok(7, () -> px.ptrace(Ptrace.T_EXIT, pid, 0, 42));
        expectExit(pid, 42, 8);
    }

    /** A lethal signal passed on ends the tracee. */
    private void testTerm() {
        t.subtest(6);
        int pid = tracedFork(TermChild.class);
        awaitReady();
        ok(2, () -> px.kill(pid, SIGINT));
        ok(3, () -> px.kill(pid, SIGTERM));
        WaitStatus st = waitpid(pid, 0, 4);
        if (!st.stopped()) e(5, "got " + st);
        ok(6, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGINT));
        st = waitpid(pid, 0, 7);
        if (st.stopped()) {
            ok(8, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGINT));
            st = waitpid(pid, 0, 9);
        }
        if (!st.signaled() || st.termSig() != SIGINT) e(10, "got " + st);
    }

    /** Blocked signals reach the tracer; those it passes on are caught once unblocked. */
    private void testCatch() {
        t.subtest(7);
        int pid = tracedFork(CatchChild.class);
        awaitReady();
        ok(2, () -> px.kill(pid, SIGHUP));
        ok(3, () -> px.kill(pid, SIGUSR2));
        WaitStatus st = waitpid(pid, 0, 4);
        if (!st.stopped() || (st.stopSignal() != SIGHUP && st.stopSignal() != SIGUSR2)) e(6, "got " + st);
        int sig = st.stopSignal() == SIGHUP ? SIGUSR2 : SIGHUP;
        int pass1 = st.stopSignal();
        ok(7, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, pass1));
        ok(8, () -> px.kill(pid, SIGTERM));
        st = waitpid(pid, 0, 9);
        if (!st.stopped() || (st.stopSignal() != sig && st.stopSignal() != SIGTERM)) e(11, "got " + st);
        if (st.stopSignal() == sig) sig = SIGTERM;
        int pass2 = st.stopSignal();
        ok(12, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, pass2));
        ok(13, () -> px.kill(pid, SIGBUS));
        st = waitpid(pid, 0, 14);
        if (!st.stopped() || (st.stopSignal() != sig && st.stopSignal() != SIGBUS)) e(16, "got " + st);
        int pass3 = sig;
        ok(17, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, pass3));
        if (st.stopSignal() == sig) sig = SIGBUS;
        expectStop(pid, sig, 18);
        ok(21, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0)); // SIGBUS is not passed on
        expectExit(pid, 42, 22);
    }

    /** SIGKILL is not held for the tracer; the dead tracee is gone for good. */
    private void testKill() {
        t.subtest(8);
        int pid = tracedFork(KillChild.class);
        awaitReady();
        ok(2, () -> px.kill(pid, SIGKILL));
        expectKilled(pid, SIGKILL, 3);
        fails(6, Errno.ECHILD, () -> px.waitpid(pid, Posix.WNOHANG));
    }

    /** T_ATTACH's refusals, detaching from a running tracee, attaching again. */
    private void testAttach() {
        t.subtest(9);
        fails(1, Errno.ESRCH, () -> px.ptrace(Ptrace.T_ATTACH, -1, 0, 0));
        fails(3, Errno.EPERM, () -> px.ptrace(Ptrace.T_ATTACH, px.getpid(), 0, 0));
        int pid = tracedFork(AttachChild.class);
        fails(7, Errno.EBUSY, () -> px.ptrace(Ptrace.T_ATTACH, pid, 0, 0));
        awaitReady();
        fails(10, Errno.EBUSY, () -> px.ptrace(Ptrace.T_DETACH, pid, 0, 0));
        detachRunning(pid);
        // No longer the tracer: the requests find no tracee, and wait has nothing to report.
        fails(12, Errno.ESRCH, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0));
        if (waitpid(pid, Posix.WNOHANG, 13).pid() != 0) e(13);
        ok(14, () -> px.ptrace(Ptrace.T_ATTACH, pid, 0, 0));
        expectStop(pid, SIGSTOP, 15);
        ok(18, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGUSR1));
        expectExit(pid, 42, 19);
    }

    /** Reading and writing the tracee's memory: words, ranges, bytes, and the errors. */
    private void testMemory() {
        t.subtest(15);
        int pid = tracedFork(MemoryChild.class);
        awaitReady();
        ok(1, () -> px.kill(pid, SIGSTOP));
        expectStop(pid, SIGSTOP, 2);
        long word = get(5, () -> px.ptrace(Ptrace.T_GETDATA, pid, CHILD_DATA, 0));
        if (word != WORD) e(6, "T_GETDATA read " + Long.toHexString(word));
        if (get(7, () -> px.ptrace(Ptrace.T_GETINS, pid, CHILD_DATA, 0)) != WORD) e(8);
        if (get(9, () -> px.ptrace(Ptrace.T_READB_INS, pid, CHILD_DATA, 0)) != (WORD & 0xFF)) e(10);
        ok(11, () -> px.ptrace(Ptrace.T_SETDATA, pid, CHILD_DATA + 4, NEW_WORD));
        UserMemory mem = t.trap.memory();
        // T_GETRANGE: the child's bytes into our buffer.
        range(Ptrace.TS_DATA, CHILD_DATA + RANGE_BYTES, BUFFER, RANGE_BYTES);
        ok(12, () -> px.ptrace(Ptrace.T_GETRANGE, pid, RANGE, 0));
        for (int i = 0; i < RANGE_BYTES; i++) {
            if (mem.readByte(BUFFER + i) != (byte) i) {
                e(13, "T_GETRANGE byte " + i + " is " + mem.readByte(BUFFER + i));
                break;
            }
        }
        // T_SETRANGE: our bytes into the child, which checks them.
        for (int i = 0; i < RANGE_BYTES; i++) mem.writeByte(BUFFER + i, (byte) (255 - i));
        range(Ptrace.TS_INS, CHILD_DATA + 2 * RANGE_BYTES, BUFFER, RANGE_BYTES);
        ok(14, () -> px.ptrace(Ptrace.T_SETRANGE, pid, RANGE, 0));
        // Errors: bad addresses, spaces and sizes, unknown requests, bad signals.
        fails(15, Errno.EFAULT, () -> px.ptrace(Ptrace.T_GETDATA, pid, 0x10, 0));
        range(7, CHILD_DATA, BUFFER, 4);
        fails(16, Errno.EINVAL, () -> px.ptrace(Ptrace.T_GETRANGE, pid, RANGE, 0));
        range(Ptrace.TS_DATA, CHILD_DATA, BUFFER, 0);
        fails(17, Errno.EINVAL, () -> px.ptrace(Ptrace.T_SETRANGE, pid, RANGE, 0));
        range(Ptrace.TS_DATA, 0x10, BUFFER, 4);
        fails(18, Errno.EFAULT, () -> px.ptrace(Ptrace.T_GETRANGE, pid, RANGE, 0));
        fails(19, Errno.EFAULT, () -> px.ptrace(Ptrace.T_GETUSER, pid, 999, 0));
        fails(20, Errno.EFAULT, () -> px.ptrace(Ptrace.T_SETUSER, pid, 0, 0));
        fails(21, Errno.EINVAL, () -> px.ptrace(-1, pid, 0, 0)); // T_STOP is the kernel's
        fails(22, Errno.EINVAL, () -> px.ptrace(77, pid, 0, 0));
        fails(23, Errno.EINVAL, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, Signals.NSIG + 1));
        fails(24, Errno.EINVAL, () -> px.ptrace(Ptrace.T_DETACH, pid, 0, -1));
        ok(25, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGUSR1));
        expectExit(pid, 42, 26);
    }

    private long get(int n, java.util.function.LongSupplier call) {
        try {
            return call.getAsLong();
        } catch (PosixException ex) {
            e(n, "errno " + ex.errno());
            return Long.MIN_VALUE;
        }
    }

    /** Writes a range descriptor at {@link #RANGE} in our memory. */
    private void range(int space, long traceeAddress, long ourAddress, long length) {
        UserMemory mem = t.trap.memory();
        mem.writeInt(RANGE + Ptrace.RANGE_SPACE, space);
        writeLong(mem, RANGE + Ptrace.RANGE_TRACEE_ADDRESS, traceeAddress);
        writeLong(mem, RANGE + Ptrace.RANGE_CALLER_ADDRESS, ourAddress);
        writeLong(mem, RANGE + Ptrace.RANGE_LENGTH, length);
    }

    private static void writeLong(UserMemory mem, long address, long value) {
        mem.writeInt(address, (int) value);
        mem.writeInt(address + 4, (int) (value >>> 32));
    }

    /** T_SYSCALL: a stop at each system call's entry and exit; signals passed on at either arrive. */
    private void testSyscall() {
        t.subtest(13);
        int pid = tracedFork(SyscallChild.class);
        awaitReady();
        ok(2, () -> px.kill(pid, SIGSTOP));
        expectStop(pid, SIGSTOP, 3);
        // The go: the child is in sigsuspend, a call begun untraced, so no exit stop for it.
        ok(6, () -> px.ptrace(Ptrace.T_SYSCALL, pid, 0, SIGUSR1));
        WaitStatus st = waitpid(pid, 0, 7);
        int events = 0;
        for (; st.stopped(); events++) {
            if (st.stopSignal() != SIGTRAP) e(8, "stopped by " + st.stopSignal());
            int sig = events == 3 ? SIGHUP : events == 6 ? SIGUSR2 : 0; // at an exit, at an entry
            ok(9, () -> px.ptrace(Ptrace.T_SYSCALL, pid, 0, sig));
            st = waitpid(pid, 0, 10);
        }
        if (!st.exited() || st.exitStatus() != 42) e(11, "traced child ended with " + st);
        if (events < 10 || events > 100) e(12, events + " system call stops");
        if (events % 2 == 0) e(13, "the last stop was not exit's entry (" + events + " stops)");
    }

    /** TO_TRACEFORK: the tracee's child is traced too and starts stopped. */
    private void testTracefork() {
        t.subtest(14);
        int ppid = tracedFork(TraceforkChild.class);
        awaitReady(); // the child leads its own group now
        int pgrp = ppid;
        ok(2, () -> px.kill(ppid, SIGSTOP));
        expectStop(ppid, SIGSTOP, 3);
        ok(6, () -> px.ptrace(Ptrace.T_SETOPT, ppid, 0, Ptrace.TO_TRACEFORK));
        ok(7, () -> px.ptrace(Ptrace.T_SYSCALL, ppid, 0, SIGUSR1));
        int parent = ppid;
        int child = -1;
        int gotStop = -1;
        int parentTraps = 0;
        int childTraps = 0;
        while (parent != 0 || child != 0) {
            WaitStatus st = waitpid(-pgrp, 0, 8);
            int wpid = st.pid();
            if (wpid <= 0) return;
            if (child < 0 && wpid != parent) {
                child = wpid;
                gotStop = 0;
            }
            if (wpid != parent && wpid != child) e(9, "waited for " + wpid);
            if (st.exited()) {
                if (wpid == parent) {
                    if (st.exitStatus() != 42) e(10, "tracee exited " + st.exitStatus());
                    parent = 0;
                } else {
                    if (st.exitStatus() != 84) e(11, "tracee's child exited " + st.exitStatus());
                    child = 0;
                }
                continue;
            }
            if (!st.stopped()) e(12, "got " + st);
            switch (st.stopSignal()) {
                case SIGCHLD, SIGHUP -> { }
                case SIGSTOP -> {
                    if (wpid != child) e(13, "SIGSTOP for the tracee itself");
                    if (gotStop != 0) e(14, "second SIGSTOP");
                    gotStop = 1;
                }
                case SIGTRAP -> {
                    if (wpid == parent) {
                        parentTraps++;
                    } else {
                        if (gotStop != 1) e(15, "the forked child ran before its SIGSTOP");
                        childTraps++;
                    }
                }
                default -> e(16, "stopped by " + st.stopSignal());
            }
            ok(17, () -> px.ptrace(Ptrace.T_SYSCALL, wpid, 0, 0));
        }
        // The tracee: pairs, then exit's entry (odd). Its child starts anew (no fork exit stop):
        // only exit's entry here.
        if (parentTraps < 3 || parentTraps % 2 == 0) e(18, parentTraps + " traps for the tracee");
        if (childTraps < 1 || childTraps % 2 == 0) e(19, childTraps + " traps for its child");
        if (gotStop != 1) e(20, "the forked child never stopped");
    }

    /**
     * The stop after a successful exec: SIGTRAP, SIGSTOP with TO_ALTEXEC, none with TO_NOEXEC;
     * without options set, T_OK's default traps and T_ATTACH's (TO_NOEXEC) does not.
     */
    private void testExec(int subtest, boolean setOption, int options) {
        t.subtest(subtest);
        int pid = tracedFork(ExecChild.class);
        awaitReady();
        ok(1, () -> px.kill(pid, SIGSTOP));
        expectStop(pid, SIGSTOP, 2);
        if (setOption) ok(5, () -> px.ptrace(Ptrace.T_SETOPT, pid, 0, options));
        int effective = setOption ? options : attach == BY_T_OK ? 0 : Ptrace.TO_NOEXEC;
        int expected = (effective & Ptrace.TO_NOEXEC) != 0 ? 0
                : (effective & Ptrace.TO_ALTEXEC) != 0 ? SIGSTOP : SIGTRAP;
        ok(6, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGUSR1));
        WaitStatus st = waitpid(pid, 0, 7);
        if (expected != 0) {
            if (!st.stopped() || st.stopSignal() != expected) e(8, "expected a stop by " + expected + " after exec, got " + st);
            ok(9, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0));
            st = waitpid(pid, 0, 10);
        }
        // /bin/false, the new program, exits 1.
        if (!st.exited() || st.exitStatus() != 1) e(11, "expected exit 1 of the exec'd program, got " + st);
    }

    /** Held signals go to the process at T_DETACH, with the one passed along. */
    private void testDetach() {
        attach = BY_T_OK;
        t.subtest(10);
        int pid = px.fork(DetachChild.class.getName());
        awaitReady();
        ok(2, () -> px.kill(pid, SIGUSR2)); // before the attach: the tracer never sees it
        ok(3, () -> px.ptrace(Ptrace.T_ATTACH, pid, 0, 0));
        expectStop(pid, SIGSTOP, 4);
        ok(7, () -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0));
        ok(8, () -> px.kill(pid, SIGHUP));
        expectStop(pid, SIGHUP, 9);
        ok(12, () -> px.kill(pid, SIGTERM)); // held for the tracer, then the process's at detach
        ok(13, () -> px.ptrace(Ptrace.T_DETACH, pid, 0, SIGHUP));
        ok(14, () -> px.kill(pid, SIGUSR1)); // untraced now: the go reaches the child
        expectExit(pid, 42, 15);
    }

    /** A tracer's death kills its tracee. */
    private void testDeath() {
        t.subtest(11);
        int tracer = px.fork(DeathTracer.class.getName());
        // The tracer and its tracee both die of SIGKILL; the tracee, orphaned, comes to us (INIT).
        WaitStatus a = waitpid(-1, 0, 1);
        WaitStatus b = waitpid(-1, 0, 2);
        if (a.pid() != tracer && b.pid() != tracer) e(3, "tracer not collected: " + a + ", " + b);
        if (a.pid() == b.pid() || a.pid() <= 0 || b.pid() <= 0) e(4, "got " + a + ", " + b);
        if (!a.signaled() || a.termSig() != SIGKILL || !b.signaled() || b.termSig() != SIGKILL) {
            e(5, "expected two SIGKILL deaths: " + a + ", " + b);
        }
        fails(6, Errno.ECHILD, () -> px.waitpid(-1, Posix.WNOHANG));
    }

    /**
     * A tracer that is not the parent: it sees the tracee's death first; the parent sees it once
     * the tracer has waited for it ({@code tracerWaits}) or has died.
     */
    private void testOtherTracer(boolean tracerWaits) {
        t.subtest(tracerWaits ? 16 : 12);
        int pid = px.fork(Sibling.class.getName());
        awaitReady();
        int tracer = px.fork(OtherTracer.class.getName(), String.valueOf(pid), String.valueOf(tracerWaits));
        awaitReady(); // the tracee is dead by now
        if (!tracerWaits && waitpid(pid, Posix.WNOHANG, 2).pid() != 0) e(2, "saw the zombie before its tracer");
        ok(3, () -> px.kill(tracer, SIGUSR1));
        expectExit(tracer, 84, 4);
        expectExit(pid, 42, 6);
    }

    /** Who may trace whom. */
    private void testPermissions() {
        t.subtest(17);
        int rootChild = px.fork(Sibling.class.getName());
        awaitReady();
        int setuidChild = px.fork(SetuidChild.class.getName());
        awaitReady();
        // Not its tracer.
        fails(1, Errno.ESRCH, () -> px.ptrace(Ptrace.T_RESUME, rootChild, 0, 0));
        fails(2, Errno.ESRCH, () -> px.ptrace(Ptrace.T_GETDATA, rootChild, CHILD_DATA, 0));
        int user = px.fork(UserTracer.class.getName(), String.valueOf(rootChild), String.valueOf(setuidChild));
        expectExit(user, 0, 3);
        ok(5, () -> px.kill(rootChild, SIGUSR1));
        expectExit(rootChild, 42, 6);
        ok(8, () -> px.kill(setuidChild, SIGUSR1));
        expectExit(setuidChild, 42, 9);
    }

    // ------------------------------------------------------------------ the children's side

    /** A child's side: its library, the go (SIGUSR1) it waits for, errors as exit codes. */
    static final class Kid {
        final Posix px = new Posix(Trap.current());
        private int go;

        Kid() {
            // The test's SIGUSR2 handler and mask came along with fork: not ours.
            px.sigdefault(SIGUSR2);
            px.unblock(SIGUSR2);
            px.sigaction(SIGUSR1, s -> go++);
            px.block(SIGUSR1); // taken only inside awaitGo
        }

        /** Sets up as the test's traced child ({@code args[0]} is the attach type) and waits for the go. */
        static Kid start(String[] args) {
            Kid k = new Kid();
            if (args.length > 0 && Integer.parseInt(args[0]) == BY_T_OK) {
                k.check(203, Common.errno(() -> k.px.ptrace(Ptrace.T_OK, 0, 0, 0)) == 0);
            }
            k.ready();
            k.awaitGo();
            return k;
        }

        /** Tells the parent this child is ready. */
        void ready() {
            px.kill(px.getppid(), SIGUSR2);
        }

        /** Waits for the go. */
        void awaitGo() {
            int seen = go;
            SigSet mask = px.sigprocmask(0, new SigSet()).remove(SIGUSR1);
            while (go == seen) {
                int errno = Common.errno(() -> px.sigsuspend(mask));
                if (errno != Errno.EINTR) px.exit(104);
            }
        }

        /** Waits for signals for ever (MINIX's pause() loop). */
        void pause() {
            SigSet mask = px.sigprocmask(0, new SigSet());
            while (true) Common.errno(() -> px.sigsuspend(mask));
        }

        void check(int code, boolean condition) {
            if (!condition) px.exit(code);
        }
    }

    public static final class WaitChild {
        public static void main(String[] args) {
            Kid.start(args).px.exit(42);
        }
    }

    public static final class StepChild {
        static final int CALLS = 20;

        public static void main(String[] args) {
            Kid k = Kid.start(args);
            k.px.sigignore(SIGHUP);
            k.ready();
            k.awaitGo();
            for (int i = 0; i < CALLS; i++) k.px.getpid();
            k.px.exit(42);
        }
    }

    public static final class SigChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            boolean[] term = new boolean[1];
            k.px.sigaction(SIGTERM, s -> term[0] = true);
            k.ready();
            SigSet mask = k.px.sigprocmask(0, new SigSet());
            while (!term[0]) Common.errno(() -> k.px.sigsuspend(mask));
            k.px.exit(42);
        }
    }

    public static final class PauseChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            k.ready();
            k.pause();
        }
    }

    public static final class TermChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            k.px.sigdefault(SIGINT);
            k.px.sigaction(SIGTERM, s -> { });
            k.ready();
            k.pause();
        }
    }

    public static final class CatchChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            int[] caught = new int[1];
            int[] bits = new int[Signals.NSIG + 1];
            bits[SIGHUP] = 1;
            bits[SIGUSR2] = 2;
            bits[SIGTERM] = 4;
            for (int sig : new int[] {SIGHUP, SIGUSR2, SIGTERM}) {
                k.px.sigaction(sig, s -> {
                    if ((caught[0] & bits[s]) != 0) k.px.exit(101); // twice
                    caught[0] |= bits[s];
                });
            }
            SigSet old = k.px.sigprocmask(PmSigs.SIG_SETMASK, PmSigs.all());
            k.ready();
            while (caught[0] != 7) Common.errno(() -> k.px.sigsuspend(old));
            k.px.exit(42);
        }
    }

    public static final class KillChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            Common.errno(() -> k.px.sigignore(SIGKILL)); // refused or a no-op: SIGKILL stays lethal
            k.px.sigprocmask(PmSigs.SIG_SETMASK, PmSigs.all());
            k.ready();
            SigSet all = PmSigs.all();
            while (true) Common.errno(() -> k.px.sigsuspend(all));
        }
    }

    public static final class AttachChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            k.check(100, Common.errno(() -> k.px.ptrace(Ptrace.T_OK, 0, 0, 0)) == Errno.EBUSY);
            k.ready();
            k.awaitGo();
            k.px.exit(42);
        }
    }

    public static final class MemoryChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            UserMemory mem = Trap.current().memory();
            mem.writeInt(CHILD_DATA, WORD);
            mem.writeInt(CHILD_DATA + 4, 0);
            for (int i = 0; i < RANGE_BYTES; i++) {
                mem.writeByte(CHILD_DATA + RANGE_BYTES + i, (byte) i);
                mem.writeByte(CHILD_DATA + 2 * RANGE_BYTES + i, (byte) 0);
            }
            k.ready();
            k.awaitGo(); // the tracer reads and writes our memory meanwhile
            k.check(101, mem.readInt(CHILD_DATA) == WORD);
            k.check(102, mem.readInt(CHILD_DATA + 4) == NEW_WORD);
            for (int i = 0; i < RANGE_BYTES; i++) {
                k.check(103, mem.readByte(CHILD_DATA + RANGE_BYTES + i) == (byte) i);
                k.check(104, mem.readByte(CHILD_DATA + 2 * RANGE_BYTES + i) == (byte) (255 - i));
            }
            k.px.exit(42);
        }
    }

    public static final class SyscallChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            int[] sigs = new int[1];
            k.px.sigaction(SIGHUP, s -> sigs[0]++);
            k.px.sigaction(SIGUSR2, s -> sigs[0]++);
            k.ready();
            k.awaitGo();
            // Three calls (as MINIX's test: setuid, close, getpid)
            k.px.setuid(0);
            k.px.getppid();
            k.px.getpid();
            k.check(101, sigs[0] == 2);
            k.px.exit(42);
        }
    }

    /** Execs /bin/false on the go (exit 100 if the exec fails). */
    public static final class ExecChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            k.ready();
            k.awaitGo();
            Common.errno(() -> k.px.execve("/bin/false", "false"));
            k.px.exit(100);
        }
    }

    public static final class TraceforkChild {
        public static void main(String[] args) {
            Kid k = Kid.start(args);
            k.px.sigignore(SIGHUP);
            k.px.setsid();
            k.ready();
            k.awaitGo();
            k.px.fork(TraceforkGrandchild.class.getName());
            k.px.exit(42);
        }
    }

    public static final class TraceforkGrandchild {
        public static void main(String[] args) {
            new Posix(Trap.current()).exit(84);
        }
    }

    public static final class DetachChild {
        public static void main(String[] args) {
            Kid k = new Kid();
            int[] caught = new int[1];
            int[] bits = new int[Signals.NSIG + 1];
            bits[SIGHUP] = 1;
            bits[SIGUSR2] = 2;
            bits[SIGTERM] = 4;
            for (int sig : new int[] {SIGHUP, SIGUSR2, SIGTERM}) {
                k.px.sigaction(sig, s -> caught[0] |= bits[s]);
            }
            SigSet old = k.px.sigprocmask(PmSigs.SIG_SETMASK, PmSigs.all());
            SigSet allButHup = PmSigs.all().remove(SIGHUP);
            k.ready();
            k.check(102, Common.errno(() -> k.px.sigsuspend(allButHup)) == Errno.EINTR);
            k.check(103, caught[0] == 1); // the SIGHUP passed with T_DETACH only
            k.awaitGo();
            while (caught[0] != 7) Common.errno(() -> k.px.sigsuspend(old));
            k.px.exit(42);
        }
    }

    public static final class DeathTracer {
        public static void main(String[] args) {
            Kid k = new Kid();
            int[] ready = new int[1];
            k.px.sigaction(SIGUSR2, s -> ready[0]++);
            k.px.block(SIGUSR2);
            k.px.fork(DeathTracee.class.getName());
            SigSet mask = k.px.sigprocmask(0, new SigSet()).remove(SIGUSR2);
            while (ready[0] == 0) Common.errno(() -> k.px.sigsuspend(mask));
            k.px.kill(k.px.getpid(), SIGKILL);
            k.px.exit(102);
        }
    }

    public static final class DeathTracee {
        public static void main(String[] args) {
            Kid k = new Kid();
            k.check(100, Common.errno(() -> k.px.ptrace(Ptrace.T_OK, 0, 0, 0)) == 0);
            k.ready();
            k.pause();
        }
    }

    /** Waits for the go, exits 42. */
    public static final class Sibling {
        public static void main(String[] args) {
            Kid k = new Kid();
            k.ready();
            k.awaitGo();
            k.px.exit(42);
        }
    }

    /** Traces its sibling {@code args[0]} to its death; then tells the test and exits 84 on the go. */
    public static final class OtherTracer {
        public static void main(String[] args) {
            Kid k = new Kid();
            int pid = Integer.parseInt(args[0]);
            boolean waits = Boolean.parseBoolean(args[1]);
            Posix px = k.px;
            k.check(101, Common.errno(() -> px.ptrace(Ptrace.T_ATTACH, pid, 0, 0)) == 0);
            WaitStatus st = px.waitpid(pid, 0);
            k.check(102, st.pid() == pid && st.stopped() && st.stopSignal() == SIGSTOP);
            k.check(105, Common.errno(() -> px.ptrace(Ptrace.T_RESUME, pid, 0, SIGUSR1)) == 0);
            if (waits) {
                st = px.waitpid(pid, 0);
                k.check(106, st.pid() == pid && st.exited() && st.exitStatus() == 42);
                // Seen: it is its parent's zombie now, not ours.
                k.check(107, Common.errno(() -> px.waitpid(pid, Posix.WNOHANG)) == Errno.ECHILD);
            } else {
                // Give the tracee a second to die unseen.
                boolean[] rang = new boolean[1];
                px.sigaction(SIGALRM, s -> rang[0] = true);
                px.alarm(1);
                SigSet mask = px.sigprocmask(0, new SigSet());
                while (!rang[0]) Common.errno(() -> px.sigsuspend(mask));
                k.check(108, Common.errno(() -> px.ptrace(Ptrace.T_RESUME, pid, 0, 0)) == Errno.ESRCH);
            }
            k.ready();
            k.awaitGo();
            px.exit(84);
        }
    }

    /** Runs with an effective uid other than its real one (set-id), waiting for the go. */
    public static final class SetuidChild {
        public static void main(String[] args) {
            Kid k = new Kid();
            k.px.setegid(1000);
            k.px.seteuid(1000);
            k.ready();
            k.awaitGo();
            k.px.exit(42);
        }
    }

    /** As user 1000: may not trace root's or set-id processes, INIT or services; may trace its own. */
    public static final class UserTracer {
        public static void main(String[] args) {
            Posix px = new Posix(Trap.current());
            int rootPid = Integer.parseInt(args[0]);
            int setuidPid = Integer.parseInt(args[1]);
            px.setgid(1000);
            px.setuid(1000);
            if (Common.errno(() -> px.ptrace(Ptrace.T_ATTACH, rootPid, 0, 0)) != Errno.EPERM) px.exit(101);
            if (Common.errno(() -> px.ptrace(Ptrace.T_ATTACH, setuidPid, 0, 0)) != Errno.EPERM) px.exit(102);
            if (Common.errno(() -> px.ptrace(Ptrace.T_ATTACH, 1, 0, 0)) != Errno.EPERM) px.exit(103);
            if (Common.errno(() -> px.ptrace(Ptrace.T_READB_INS, rootPid, CHILD_DATA, 0)) != Errno.EPERM) px.exit(104);
            int own = px.fork(UserTracee.class.getName());
            if (Common.errno(() -> px.ptrace(Ptrace.T_ATTACH, own, 0, 0)) != 0) px.exit(105);
            WaitStatus st = px.waitpid(own, 0);
            if (!st.stopped() || st.stopSignal() != SIGSTOP) px.exit(106);
            if (Common.errno(() -> px.ptrace(Ptrace.T_EXIT, own, 0, 43)) != 0) px.exit(107);
            st = px.waitpid(own, 0);
            if (!st.exited() || st.exitStatus() != 43) px.exit(108);
            px.exit(0);
        }
    }

    public static final class UserTracee {
        public static void main(String[] args) {
            new Kid().pause();
        }
    }

    /** Signal-mask helpers. */
    static final class PmSigs {
        static final int SIG_SETMASK = minixj.lib.ipc.layout.PmMsg.SIG_SETMASK;

        private PmSigs() {
        }

        static SigSet all() {
            SigSet s = new SigSet();
            for (int sig = 1; sig <= Signals.NSIG; sig++) s.add(sig);
            return s;
        }
    }
}

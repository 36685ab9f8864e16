package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.UserMemory;

/**
 * The microkernel of one machine. It owns the CPU: exactly one process of the machine runs at a
 * time (it holds the token, {@link #running}), and every kernel entry is a scheduling point.
 * Kernel code runs on the thread of the process that entered the kernel, so the kernel's
 * tables need no locks. Host threads (devices, the clock, the launcher) never touch kernel state:
 * they {@link #post} actions that the kernel runs at its next entry, poll or idle moment.
 */
final class Kernel {
    /** Kernel-internal result: the call needs VM to make memory present, then runs again. */
    static final int VMSUSPEND = -996;

    /** Virtual cost of one kernel entry and of one chunk of polls, in nanoseconds. */
    static final long ENTRY_NS = 500;
    static final long POLL_CHUNK_NS = 10_000;

    final KernelConfig config;
    final ProcTable procs = new ProcTable();
    final PrivTable privs = new PrivTable();
    final RunQueues runQueues = new RunQueues();
    final Clock clock;
    final Trace trace;
    final IpcCore ipc;
    final KernelSignals signals;
    final KernelCalls calls;
    final Interrupts interrupts;
    final Memory memory;
    private final SplittableRandom random;
    private final Consumer<String> log;
    final ProcessKilled killedError = new ProcessKilled();
    private final StringBuilder diagLine = new StringBuilder();
    final KernelEvents events;
    final minixj.kernel.loader.ProgramLoader loader = new minixj.kernel.loader.ProgramLoader();
    final minixj.kernel.loader.ImageCache images = new minixj.kernel.loader.ImageCache();

    /** The token: the context that may run. */
    volatile ProcessContext running;
    /** Set by host threads when they need the kernel's attention. */
    volatile boolean attention;
    volatile boolean halted;
    volatile String haltReason;
    private final ConcurrentLinkedQueue<Runnable> hostActions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> urgentActions = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Runnable> queries = new ConcurrentLinkedQueue<>();
    final AtomicInteger pendingTicks = new AtomicInteger();
    /** Watches for "these processes have all started" (checked by the idle task; kernel context only). */
    final List<SettleWatch> settleWatches = new ArrayList<>();
    /** Memory requests waiting for VM (VMCTL_MEMREQ_GET takes them in order). */
    final java.util.ArrayDeque<Memory.MemoryRequest> memoryRequests = new java.util.ArrayDeque<>();

    /**
     * Completes with the trace hash at the first idle moment when every listed process is
     * either gone or waiting in RECEIVE — the point at which a boot image "has started".
     */
    record SettleWatch(int[] endpoints, java.util.concurrent.CompletableFuture<Long> done) {
    }
    final ProcessContext idle;

    Kernel(KernelConfig config, Consumer<String> log, KernelEvents events) {
        this.config = config;
        this.trace = new Trace(config.usesVirtualTime() || config.trace());
        this.log = log;
        this.events = events;
        this.clock = new Clock(config.hz(), config.usesVirtualTime(),
                config.usesVirtualTime() ? 1_767_225_600L /* 2026-01-01 */ : System.currentTimeMillis() / 1000);
        this.random = config.deterministic() ? new SplittableRandom(config.seed()) : null;
        this.ipc = new IpcCore(this);
        this.signals = new KernelSignals(this);
        this.memory = new Memory(this, config.memoryBytes());
        this.interrupts = new Interrupts(this);
        this.calls = new KernelCalls(this);
        initTasks();
        this.idle = new ProcessContext(this, "idle", args -> idleLoop(), new String[0]);
        idle.proc = procs.slot(Endpoint.IDLE);
    }

    void log(String line) {
        log.accept(line);
    }

    // ------------------------------------------------------------------ boot

    private void initTasks() {
        String[] names = {"asyncm", "idle", "clock", "system", "kernel"};
        for (int slot = -Endpoint.NR_TASKS; slot < 0; slot++) {
            Proc p = procs.slot(slot);
            p.name = names[slot + Endpoint.NR_TASKS];
            p.endpoint = slot;
            p.rts = 0; // live, but never queued: tasks have no context
            Priv priv = privs.byId(PrivTable.staticId(slot));
            priv.procSlot = slot;
            priv.flags = PrivFlags.SYS_PROC | (slot == Endpoint.IDLE ? PrivFlags.BILLABLE : 0);
            priv.trapMask = (slot == Endpoint.CLOCK || slot == Endpoint.SYSTEM) ? minixj.lib.ipc.Ipc.TRAP_RECEIVE : 0;
            priv.sigManager = Endpoint.NONE;
            p.priv = priv;
            p.priority = RunQueues.TASK_Q;
        }
    }

    /**
     * Puts a new program into {@code p}'s (free) slot with the given endpoint. The process starts
     * with {@code initialRts} set (0 = runnable at once). Its thread starts now but runs only
     * when the scheduler gives it the token.
     */
    ProcessContext createProcess(Proc p, int endpoint, String name, Priv priv, ProgramBody body, String[] args,
                                 int initialRts) {
        ProcessContext ctx = new ProcessContext(this, name, body, args);
        p.endpoint = endpoint;
        p.name = name.length() > 15 ? name.substring(0, 15) : name;
        p.priv = priv;
        p.misc = 0;
        p.sendTo = Endpoint.NONE;
        p.getFrom = Endpoint.NONE;
        p.callerHead = p.callerTail = p.nextCaller = null;
        p.pending.clear();
        p.userTicks = p.sysTicks = p.ipcSync = p.ipcAsync = p.dequeues = p.preempted = 0;
        p.virtualTimerTicks = p.profTimerTicks = 0;
        p.kernelEntries = 0;
        p.queued = false;
        if (priv != null && priv.id != PrivFlags.USER_PRIV_ID) priv.procSlot = p.slot;
        p.ctx = ctx;
        ctx.proc = p;
        p.space = memory.newSpace(p);
        p.rts = initialRts;
        if (p.rts == 0) runQueues.enqueueTail(p);
        trace.event(Trace.SPAWN, p.endpoint, priv == null ? -1 : priv.id, 0);
        startThread(ctx);
        return ctx;
    }

    void startThread(ProcessContext ctx) {
        ctx.thread = Thread.ofVirtual().name("minixj-" + ctx.programName).unstarted(() -> threadMain(ctx));
        // A program must not find the launcher's class loader through its thread.
        ctx.thread.setContextClassLoader(null);
        ctx.thread.start();
    }

    /** Starts the machine: the idle task takes the token and schedules the first process. */
    void start() {
        idle.thread = Thread.ofVirtual().name("minixj-idle").unstarted(this::idleMain);
        running = idle;
        idle.thread.start();
    }

    private void idleMain() {
        try {
            idleLoop();
        } catch (ProcessKilled e) {
            // machine halted
        } catch (Throwable t) {
            panic("kernel failure in idle: " + t);
        } finally {
            events.idleStopped();
        }
    }

    // ------------------------------------------------------------------ process threads

    private void threadMain(ProcessContext ctx) {
        Throwable failure = null;
        try {
            awaitToken(ctx);
            ScopedValue.where(Trap.CURRENT, ctx).call(() -> {
                ctx.body.run(ctx.args);
                return null;
            });
        } catch (ProcessKilled e) {
            ctx.finished = true;
            return;
        } catch (Throwable t) {
            failure = t;
        }
        if (running == ctx && !ctx.killed && !halted) {
            try {
                programEnded(ctx, failure);
            } catch (ProcessKilled e) {
                // cleaned up
            }
        }
        ctx.finished = true;
    }

    /**
     * The program's main returned or threw. Until PM exists to receive exit(), the kernel does it:
     * a normal return frees the slot; an uncaught exception is a crash, reported to the process's
     * signal manager as SIGABRT when one is alive (it decides), else the slot is freed.
     */
    private void programEnded(ProcessContext ctx, Throwable failure) {
        Proc p = ctx.proc;
        if (failure != null) {
            StackTraceElement[] where = failure.getStackTrace();
            log("kernel: " + p.name + " (endpoint " + p.endpoint + ") crashed: " + failure
                    + (where.length > 0 ? " at " + where[0] + (where.length > 1 ? " < " + where[1] : "") : ""));
            int manager = p.priv == null ? Endpoint.NONE : p.priv.sigManager;
            Proc mgr = manager == Endpoint.SELF ? null : procs.byEndpoint(manager);
            if (mgr != null && mgr != p && mgr.ctx != null) {
                events.processCrashed(p.endpoint, p.name, failure);
                while (!ctx.killed) {
                    signals.causeSig(p, minixj.lib.ipc.Signals.SIGABRT);
                    reschedule(ctx); // stays stopped until the manager acts
                }
                throw killedError;
            }
            exitProcess(p, 128 + minixj.lib.ipc.Signals.SIGABRT);
        } else {
            exitProcess(p, 0);
        }
        releaseToken();
        throw killedError;
    }

    /** Frees a process's slot as exit does (no PM yet); the caller releases the token if it was p. */
    void exitProcess(Proc p, int status) {
        int endpoint = p.endpoint;
        String name = p.name;
        clearProc(p);
        events.processExited(endpoint, name, status);
    }

    /**
     * SYS_CLEAR: the slot becomes free. Its endpoint dies (peers get EDEADSRCDST), its alarm,
     * interrupt hooks and memory go, its privilege structure is released, and its program is killed.
     */
    void clearProc(Proc rc) {
        if (rc.isFree()) return;
        int dying = rc.endpoint;
        memoryRequests.removeIf(r -> r.requestor == dying);
        ipc.clearEndpoint(rc);
        Priv priv = rc.priv;
        if (priv != null && priv.id != PrivFlags.USER_PRIV_ID && priv.procSlot == rc.slot) {
            clock.cancel(priv.alarmTimer);
            interrupts.releaseHooks(rc);
            priv.reset();
        } else {
            interrupts.releaseHooks(rc);
        }
        memory.release(rc);
        runQueues.remove(rc);
        rc.rts = RtsFlags.SLOT_FREE;
        rc.misc = 0;
        rc.callerHead = rc.callerTail = rc.nextCaller = null;
        rc.recvBuf = null;
        rc.pending.clear();
        rc.priv = null;
        trace.event(Trace.EXIT, rc.endpoint, 0, 0);
        ProcessContext ctx = rc.ctx;
        rc.ctx = null;
        if (ctx != null) {
            ctx.killed = true;
            if (ctx != running) LockSupport.unpark(ctx.thread);
        }
    }

    /**
     * SYS_EXEC: {@code p} gets a new program. The old program's thread is killed; the process
     * keeps its slot, endpoint, privileges and memory, stops waiting for a reply (MINIX clears
     * RECEIVING: the exec call never returns), and runs the new program's main.
     */
    void exec(Proc p, minixj.kernel.loader.LoadedProgram program, minixj.kernel.loader.JarImage image, String[] args) {
        ProcessContext old = p.ctx;
        ProcessContext ctx = new ProcessContext(this, program.name(), program::runMain, args);
        ctx.image = image;
        ctx.proc = p;
        p.ctx = ctx;
        p.name = program.name().length() > 15 ? program.name().substring(0, 15) : program.name();
        p.misc &= ~MiscFlags.REPLY_PEND;
        p.recvBuf = null;
        if (p.has(RtsFlags.SENDING)) {
            Proc dst = procs.byEndpoint(p.sendTo);
            if (dst != null) IpcCore.removeCaller(dst, p);
            p.sendTo = Endpoint.NONE;
        }
        p.getFrom = Endpoint.NONE;
        boolean wasRunnable = p.rts == 0;
        p.rts &= ~(RtsFlags.RECEIVING | RtsFlags.SENDING);
        if (!wasRunnable && p.rts == 0) runQueues.enqueueTail(p);
        else if (wasRunnable && !p.queued) runQueues.enqueueTail(p);
        trace.event(Trace.SPAWN, p.endpoint, 0, 3);
        startThread(ctx);
        if (old != null) {
            old.killed = true;
            if (old != running) LockSupport.unpark(old.thread);
        }
    }

    /** SYS_CLEAR from PM: the slot is freed and the exit reported. */
    void exitProcessCleared(Proc p) {
        exitProcess(p, 0);
    }

    /** SYS_UPDATE: see {@link SlotSwap}. */
    int swapSlots(Proc src, Proc dst, boolean rollback) {
        return SlotSwap.swap(this, src, dst, rollback);
    }

    // ------------------------------------------------------------------ run states and scheduling

    void rtsSet(Proc p, int flags) {
        boolean wasRunnable = p.rts == 0;
        p.rts |= flags;
        if (wasRunnable && p.rts != 0 && p.queued) {
            runQueues.remove(p);
            p.dequeues++;
        }
    }

    void rtsUnset(Proc p, int flags) {
        boolean wasRunnable = p.rts == 0;
        p.rts &= ~flags;
        if (!wasRunnable && p.rts == 0 && p.ctx != null) {
            runQueues.enqueueTail(p);
            p.enqueuedAtTick = clock.uptime;
        }
    }

    private Proc pick() {
        return random != null ? runQueues.pickRandom(random) : runQueues.pickHead();
    }

    /** Scheduling point: if another process should run now, hand it the token and wait for ours. */
    void reschedule(ProcessContext cur) {
        Proc next = pick();
        ProcessContext nextCtx = next == null ? idle : next.ctx;
        if (nextCtx == cur) return;
        handOff(nextCtx);
        awaitToken(cur);
    }

    private void handOff(ProcessContext next) {
        if (trace.enabled()) trace.event(Trace.SWITCH, next.proc.endpoint, 0, 0);
        running = next;
        LockSupport.unpark(next.thread);
    }

    /** Gives the token away without waiting for it back (the caller's program is ending). */
    void releaseToken() {
        if (halted) {
            running = null;
            return;
        }
        Proc next = pick();
        handOff(next == null ? idle : next.ctx);
    }

    void awaitToken(ProcessContext ctx) {
        while (running != ctx) {
            if (ctx.killed || (halted && ctx != idle)) throw killedError;
            if (halted && ctx == idle) throw killedError;
            LockSupport.park(this);
        }
        if (ctx.killed) {
            releaseToken();
            throw killedError;
        }
    }

    // ------------------------------------------------------------------ kernel entry and exit

    /** Every trap starts here: checks the caller, advances virtual time, serves host requests. */
    private Proc enter(ProcessContext ctx) {
        // Only the token holder's thread can be running here: every other process thread is
        // parked in awaitToken, so checking the thread is enough to refuse a trap used elsewhere.
        if (Thread.currentThread() != ctx.thread) {
            if (ctx.killed || halted) throw killedError;
            throw new IllegalStateException("trap of " + ctx + " used from another thread");
        }
        Proc p = ctx.proc;
        p.kernelEntries++;
        if (clock.virtual) {
            int ticks = clock.advance(ENTRY_NS);
            if (ticks > 0) clockTicks(ticks);
        }
        if (attention) {
            serviceAttention();
            if (ctx.killed) { // a host request killed this very process
                releaseToken();
                throw killedError;
            }
        }
        return ctx.proc;
    }

    /** Every trap ends here: records the result, reschedules, returns the (possibly later) result. */
    private int leave(ProcessContext ctx, Proc p, int result) {
        int r = leaveKernel(ctx, p, result);
        returnToUser(ctx);
        return r;
    }

    /** {@link #leave} up to the return to the program (a traced call still has its exit stop to make). */
    private int leaveKernel(ProcessContext ctx, Proc p, int result) {
        p.ipcResult = result;
        if (ctx.killed) {
            releaseToken();
            throw killedError;
        }
        reschedule(ctx);
        return ctx.proc.ipcResult;
    }

    /**
     * The process is about to continue its program: a process out of quantum is handled now
     * (MINIX's proc_no_time in switch_to_user), then pending signal frames run.
     */
    private void returnToUser(ProcessContext ctx) {
        Proc p = ctx.proc;
        while (p.rts == 0 && p.cpuLeftNs <= 0) {
            outOfQuantum(p);
            reschedule(ctx);
            p = ctx.proc;
        }
        if (!p.signalFrames.isEmpty()) runSignalFrames(ctx);
    }

    /**
     * Returning to the program with signal frames pending (SYS_SIGSEND): the program's handlers
     * run now, on its own thread, before the interrupted call returns — as a MINIX process runs
     * its handler frame when it is next scheduled.
     */
    private void runSignalFrames(ProcessContext ctx) {
        Proc p = ctx.proc;
        int[] frame;
        while (ctx.frameHandler != null && (frame = p.signalFrames.poll()) != null) {
            int depth = ++p.activeFrames; // handlers nest when one makes a call that delivers another
            trace.event(Trace.SIGNAL, p.endpoint, frame[0], 1);
            ctx.frameHandler.handle(frame[0], frame[1]);
            p = ctx.proc;
            if (p.activeFrames >= depth) p.activeFrames = depth - 1; // returned without SIGRETURN: the frame is gone anyway
        }
    }

    int syncIpc(ProcessContext ctx, int call, int srcDst, minixj.lib.ipc.Message m, boolean nonBlocking) {
        Proc p = enter(ctx);
        if ((p.misc & (MiscFlags.SC_TRACE | MiscFlags.STEP)) != 0 || ipcEventsOn()) {
            return syncIpcObserved(ctx, p, call, srcDst, m, nonBlocking);
        }
        trace.event(Trace.IPC, p.endpoint, call, srcDst);
        return leave(ctx, p, ipc.doSyncIpc(p, call, srcDst, m, nonBlocking));
    }

    private static boolean ipcEventsOn() {
        return new IpcEvent().isEnabled(); // folds to a constant check when no recording runs
    }

    /** The IPC path with ptrace stops and a Flight Recorder event, kept apart so the fast path stays small. */
    private int syncIpcObserved(ProcessContext ctx, Proc p, int call, int srcDst, minixj.lib.ipc.Message m,
                                boolean nonBlocking) {
        if ((p.misc & (MiscFlags.SC_TRACE | MiscFlags.STEP)) != 0) p = traceStop(ctx, p, call == minixj.lib.ipc.Ipc.SENDREC);
        trace.event(Trace.IPC, p.endpoint, call, srcDst);
        IpcEvent event = new IpcEvent();
        event.begin();
        int r = leaveKernel(ctx, p, ipc.doSyncIpc(p, call, srcDst, m, nonBlocking));
        event.source = p.endpoint;
        event.call = call;
        event.peer = srcDst;
        event.result = r;
        event.commit();
        Proc after = ctx.proc;
        if ((after.misc & MiscFlags.SC_ACTIVE) != 0) {
            after.misc &= ~MiscFlags.SC_ACTIVE;
            signals.causeSig(after, minixj.lib.ipc.Signals.SIGTRAP); // system-call exit stop
            reschedule(ctx);
        }
        // Handlers run once the call is over, after its exit stop, as a MINIX process runs them
        // back in user space (a handler's own calls must not take the outer call's exit stop).
        returnToUser(ctx);
        return r;
    }

    /**
     * ptrace stops (SYS_TRACE): a single-stepped process stops with SIGTRAP at its next kernel
     * entry; a syscall-traced one stops before and after each system call (a SENDREC).
     */
    private Proc traceStop(ProcessContext ctx, Proc p, boolean systemCall) {
        if ((p.misc & MiscFlags.STEP) != 0) {
            p.misc &= ~MiscFlags.STEP;
        } else if (systemCall) {
            p.misc &= ~MiscFlags.SC_TRACE;
            p.misc |= MiscFlags.SC_ACTIVE;
        } else {
            return p;
        }
        signals.causeSig(p, minixj.lib.ipc.Signals.SIGTRAP);
        reschedule(ctx); // stopped until the tracer resumes it
        return ctx.proc;
    }

    int senda(ProcessContext ctx, AsyncTable table, int count) {
        Proc p = enter(ctx);
        trace.event(Trace.IPC, p.endpoint, minixj.lib.ipc.Ipc.SENDA, count);
        int r = ipc.senda(p, table, count);
        return leave(ctx, p, r);
    }

    int ipcStatus(ProcessContext ctx) {
        return ctx.proc.ipcStatus;
    }

    int kernelCall(ProcessContext ctx, int callNumber, Message m) {
        Proc p = enter(ctx);
        trace.event(Trace.KCALL, p.endpoint, callNumber, 0);
        KernelCallEvent event = new KernelCallEvent();
        if (event.isEnabled()) event.begin();
        Message original = memory.vmOwnsFrames && m != null ? m.copy() : null;
        int r = calls.dispatch(p, callNumber, m);
        while (r == VMSUSPEND) {
            r = waitForMemory(ctx, p);
            if (r != OK) break;
            m.copyFrom(original);
            r = calls.dispatch(p, callNumber, m);
        }
        if (r != EDONTREPLY && m != null) {
            m.type(r);
        }
        r = leave(ctx, p, r);
        if (event.isEnabled()) {
            event.caller = p.endpoint;
            event.call = callNumber - SysCalls.KERNEL_CALL;
            event.result = r;
            event.commit();
        }
        return r;
    }

    /**
     * A kernel call's copy touched a page VM must bring in: the caller waits (VMREQUEST) while VM,
     * woken by SIGKMEM, takes the request with VMCTL_MEMREQ_GET and answers with MEMREQ_REPLY.
     * Returns VM's answer; OK means the call runs again.
     */
    private int waitForMemory(ProcessContext ctx, Proc p) {
        Memory.MemoryRequest request = memory.pendingRequest;
        memory.pendingRequest = null;
        Proc vm = procs.slot(Endpoint.VM);
        if (request == null || vm.isFree() || vm == p) return EFAULT; // VM cannot wait for itself
        request.requestor = p.endpoint;
        memoryRequests.add(request);
        rtsSet(p, RtsFlags.VMREQUEST);
        signals.sendSig(vm, minixj.lib.ipc.Signals.SIGKMEM);
        reschedule(ctx);
        if (ctx.killed) {
            releaseToken();
            throw killedError;
        }
        return request.result;
    }

    /** VMCTL_MEMREQ_REPLY: VM has handled {@code requestor}'s request. */
    int memoryRequestDone(int requestor, int result) {
        for (Memory.MemoryRequest r : memoryRequests) {
            if (r.requestor == requestor && r.result == VMSUSPEND) {
                memoryRequests.remove(r);
                r.result = result;
                Proc p = procs.byEndpoint(requestor);
                if (p != null) rtsUnset(p, RtsFlags.VMREQUEST);
                return OK;
            }
        }
        return ESRCH;
    }

    UserMemory memoryOf(ProcessContext ctx) {
        return memory.accessor(ctx);
    }

    /** The poll's slow path: virtual time, host requests, quantum, and (deterministic mode) a scheduling point. */
    void slowPoll(ProcessContext ctx) {
        if (running != ctx) {
            if (ctx.killed || halted) throw killedError;
            return; // a thread that does not hold the token (for example a killed one unwinding)
        }
        if (ctx.pollBudget >= 0 && clock.virtual) {
            // Only the host knocked (a query or a kill). In virtual time that must not move the
            // program's own schedule of time and preemption, or runs would stop being reproducible.
            if (attention) serviceAttention();
            if (ctx.killed) {
                releaseToken();
                throw killedError;
            }
            return;
        }
        ctx.polls += ProcessContext.POLL_CHUNK - Math.max(0, ctx.pollBudget);
        ctx.pollBudget = ProcessContext.POLL_CHUNK;
        if (clock.virtual) {
            int ticks = clock.advance(POLL_CHUNK_NS);
            if (ticks > 0) clockTicks(ticks);
        }
        if (attention) serviceAttention();
        if (ctx.killed) {
            releaseToken();
            throw killedError;
        }
        if (random != null || ctx.proc.rts != 0 || runQueues.pickHead() != ctx.proc) {
            trace.event(Trace.POLL, ctx.proc.endpoint, 0, 0);
            reschedule(ctx);
        }
        returnToUser(ctx);
    }

    /**
     * A page fault in a process's own memory accessor. Before VM runs the kernel maps pages of
     * the initial region itself; once VM runs the fault goes to VM as a message forged on the
     * process's behalf, and the process stays blocked until VM clears it. A fault nobody can
     * serve is SIGSEGV.
     */
    void pageFault(ProcessContext ctx, long vaddr, boolean write) {
        Proc p = enter(ctx);
        int r = OK;
        if (memory.vmRunning(p)) {
            Message m = new Message(minixj.lib.ipc.layout.VmPagefaultMsg.VM_PAGEFAULT);
            new minixj.lib.ipc.layout.VmPagefaultMsg(m).address(vaddr)
                    .flags(write ? minixj.lib.ipc.layout.VmPagefaultMsg.PFERR_WRITE : 0);
            rtsSet(p, RtsFlags.PAGEFAULT);
            r = ipc.send(p, procs.slot(Endpoint.VM).endpoint, m, IpcCore.FROM_KERNEL);
            if (r != OK) rtsUnset(p, RtsFlags.PAGEFAULT);
        } else if (!memory.mapInitialRegion(p, vaddr, 1)) {
            segmentationFault(p, vaddr);
        }
        leave(ctx, p, r);
    }

    /** SIGSEGV for a fault nobody can serve: to the signal manager, or the process ends if it has none. */
    void segmentationFault(Proc p, long vaddr) {
        log("kernel: " + p.name + " (endpoint " + p.endpoint + "): segmentation fault at 0x" + Long.toHexString(vaddr));
        int manager = p.priv == null ? Endpoint.NONE : p.priv.sigManager;
        Proc mgr = manager == Endpoint.SELF ? p : procs.byEndpoint(manager);
        if (mgr != null && mgr.ctx != null && (mgr != p || p.priv.backupSigManager != Endpoint.NONE)) {
            signals.causeSig(p, minixj.lib.ipc.Signals.SIGSEGV);
        } else {
            exitProcess(p, 128 + minixj.lib.ipc.Signals.SIGSEGV);
        }
    }

    /**
     * Kernel diagnostics (SYS_DIAGCTL DIAG): text is appended to the kernel message buffer and
     * printed a line at a time; processes registered for diagnostics get SIGKMESS.
     */
    void diagnostic(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                log(diagLine.toString());
                diagLine.setLength(0);
            } else if (diagLine.length() < 4096) {
                diagLine.append(c);
            }
        }
        for (int id = 0; id < PrivTable.NR_SYS_PROCS; id++) {
            Priv priv = privs.byId(id);
            if (priv.inUse() && priv.diagSignal) signals.sendSig(procs.slot(priv.procSlot), minixj.lib.ipc.Signals.SIGKMESS);
        }
    }

    /** A readable stack trace of a process's program (SYS_DIAGCTL STACKTRACE, debug dumps). */
    String stackTrace(Proc p) {
        StringBuilder sb = new StringBuilder("stack trace of ").append(p.name).append(" (endpoint ")
                .append(p.endpoint).append(", ").append(RtsFlags.describe(p.rts)).append("):");
        Thread t = p.ctx == null ? null : p.ctx.thread;
        if (t == null) return sb.append(" no program").toString();
        for (StackTraceElement e : t.getStackTrace()) {
            if (e.getClassName().startsWith("minixj.kernel.") || e.getClassName().startsWith("java.")
                    || e.getClassName().startsWith("jdk.")) continue;
            sb.append("\n    at ").append(e);
        }
        return sb.toString();
    }

    /** Random bytes: seeded in deterministic mode, from the host otherwise. */
    void randomBytes(byte[] out) {
        if (random != null) {
            random.nextBytes(out);
        } else {
            new java.security.SecureRandom().nextBytes(out);
        }
    }

    // ------------------------------------------------------------------ host requests, clock, idle

    /**
     * Called from any host thread: run {@code action} in kernel context. In real time that is the
     * next kernel entry, poll or idle moment; in virtual time it is the next moment the machine
     * is idle, so that host requests land at reproducible points.
     */
    void post(Runnable action) {
        hostActions.add(action);
        wake();
    }

    /** Like {@link #post}, but served at the very next kernel entry or poll in every mode (kills, halts). */
    void postUrgent(Runnable action) {
        urgentActions.add(action);
        wake();
    }

    /**
     * A read-only look at kernel state from the host, served at the next kernel entry or poll.
     * It leaves no trace event, so it does not disturb a deterministic run.
     */
    void postQuery(Runnable query) {
        queries.add(query);
        wake();
    }

    /** Wakes the kernel: the running process notices at its next entry or poll, the idle task at once. */
    void wake() {
        attention = true;
        Thread t = idle.thread;
        if (t != null) LockSupport.unpark(t);
    }

    void serviceAttention() {
        attention = false;
        int ticks = pendingTicks.getAndSet(0);
        if (ticks > 0) clockTicks(ticks);
        if (!clock.virtual) interrupts.deliverPending(false);
        Runnable action;
        while ((action = queries.poll()) != null) {
            action.run();
        }
        while ((action = urgentActions.poll()) != null) {
            trace.event(Trace.HOST, 1, 0, 0);
            action.run();
        }
        if (!clock.virtual) runHostActions();
        // In virtual time ordinary requests wait until the machine is idle (see idleLoop).
    }

    /** Runs the ordinary host requests; returns true if there was any. */
    private boolean runHostActions() {
        boolean any = false;
        Runnable action;
        while ((action = hostActions.poll()) != null) {
            trace.event(Trace.HOST, 0, 0, 0);
            action.run();
            any = true;
        }
        return any;
    }

    /** Clock interrupt handling for {@code n} ticks: uptime, accounting, quanta, timers. */
    void clockTicks(int n) {
        ProcessContext cur = running;
        Proc p = cur == null || cur == idle ? null : cur.proc;
        for (int i = 0; i < n; i++) {
            clock.uptime++;
            trace.event(Trace.TICK, (int) clock.uptime, 0, 0);
            if (p != null && !p.isFree()) {
                p.userTicks++;
                p.cpuLeftNs -= clock.tickNs;
                signals.tickItimers(p);
            }
            clock.runExpired();
        }
        // The quantum is looked at when the process returns to its program (returnToUser), as
        // MINIX does in switch_to_user, never in the middle of the trap being served.
    }

    /**
     * proc_no_time: a preemptible process with a user-space scheduler is stopped and its scheduler
     * told with a kernel-forged message; anything else just gets a fresh quantum.
     */
    void outOfQuantum(Proc p) {
        boolean userScheduled = p.scheduler != Endpoint.NONE && p.scheduler != p.endpoint;
        if (userScheduled && p.priv != null && (p.priv.flags & PrivFlags.PREEMPTIBLE) != 0
                && procs.byEndpoint(p.scheduler) != null) {
            rtsSet(p, RtsFlags.NO_QUANTUM);
            Message m = new Message(minixj.lib.ipc.layout.SchedNoQuantum.SCHEDULING_NO_QUANTUM);
            new minixj.lib.ipc.layout.SchedNoQuantum(m)
                    .timeInQueue(p.timeInQueueTicks).dequeues(p.dequeues).ipcSync(p.ipcSync)
                    .ipcAsync(p.ipcAsync).preempted(p.preempted).cpu(p.cpu).cpuLoad(0);
            p.timeInQueueTicks = p.dequeues = p.ipcSync = p.ipcAsync = p.preempted = 0;
            int r = ipc.send(p, p.scheduler, m, IpcCore.FROM_KERNEL);
            if (r != OK) log("kernel: out-of-quantum message for " + p.name + " failed: " + name(r));
        } else {
            p.cpuLeftNs = p.quantumNs > 0 ? p.quantumNs : clock.tickNs;
        }
    }

    /**
     * The idle task: runs when nothing else can. In virtual time it is where the outside world
     * comes in, in a fixed order that does not depend on the host's speed: first device
     * interrupts, then host requests, then (if a device still owes an interrupt) a wait for it,
     * and only then a jump of the clock to the next timer.
     */
    private void idleLoop() {
        awaitToken(idle);
        while (!halted) {
            serviceAttention();
            if (halted) break;
            Proc next = pick();
            if (next != null) {
                handOff(next.ctx);
                awaitToken(idle);
                continue;
            }
            if (clock.virtual) {
                if (interrupts.deliverPending(true)) continue;
                if (runHostActions()) continue;
            }
            checkSettled();
            if (clock.virtual) {
                if (interrupts.awaitingHost()) {
                    waitForHost();
                    continue;
                }
                int ticks = clock.jumpToNextTimer();
                if (ticks > 0) {
                    clockTicks(ticks);
                    continue;
                }
            }
            boolean quiet = !clock.hasTimers() && hostActions.isEmpty();
            if (quiet) events.quiescent(trace.events());
            waitForHost();
        }
        throw killedError;
    }

    private void checkSettled() {
        if (settleWatches.isEmpty()) return;
        settleWatches.removeIf(w -> {
            for (int ep : w.endpoints()) {
                Proc p = procs.byEndpoint(ep);
                if (p != null && !(p.has(RtsFlags.RECEIVING) && !p.has(RtsFlags.SENDING))) return false;
            }
            w.done().complete(trace.hash());
            return true;
        });
    }

    private void waitForHost() {
        while (!attention && !halted) {
            LockSupport.park(this);
        }
    }

    // ------------------------------------------------------------------ halting

    /** Stops the machine: every process is killed and the idle task ends. Kernel context or host. */
    void halt(String reason) {
        if (halted) return;
        haltReason = reason;
        halted = true;
        events.halting(reason);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < procs.length(); i++) {
            ProcessContext ctx = procs.at(i).ctx;
            if (ctx != null) {
                ctx.killed = true;
                if (ctx.thread != null) threads.add(ctx.thread);
            }
        }
        for (Thread t : threads) LockSupport.unpark(t);
        if (idle.thread != null) LockSupport.unpark(idle.thread);
    }

    /** A kernel panic: the machine stops with a message; the JVM goes on. */
    void panic(String message) {
        log("kernel panic: " + message);
        events.panic(message);
        halt("panic: " + message);
    }
}

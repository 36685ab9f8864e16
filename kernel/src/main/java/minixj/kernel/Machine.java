package minixj.kernel;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import minixj.kernel.loader.ExecException;
import minixj.kernel.loader.LoadedProgram;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.PrivFlags;

/**
 * One running MinixJ system. Nothing is global: a JVM can run several machines and each is
 * independent. The host (launcher, tests, devices) talks to a machine only through this class;
 * everything it asks of a running machine is done by the kernel, in kernel context, at the
 * kernel's next opportunity.
 */
public final class Machine implements AutoCloseable {
    /** Lowest slot handed to processes that do not ask for one (after the boot image). */
    public static final int FIRST_FREE_SLOT = Endpoint.INIT + 1;
    /** The release. */
    public static final String VERSION = "0.1.0";
    private static final int MAX_LOG_LINES = 10_000;

    private final Kernel kernel;
    private final Consumer<String> console;
    private final List<String> logLines = Collections.synchronizedList(new ArrayList<>());
    private final Map<Integer, Integer> exitStatus = new ConcurrentHashMap<>();
    private final Object monitor = new Object();
    private long quiescentEpoch;
    private volatile boolean started;
    private volatile boolean idleStopped;
    private volatile boolean closed;
    private Thread ticker;
    private Watchdog watchdog;

    /** A machine with the given configuration; {@code console} receives the kernel's output lines. */
    public Machine(KernelConfig config, Consumer<String> console) {
        this.console = console;
        this.kernel = new Kernel(config, this::logLine, new Events());
        Priv user = kernel.privs.byId(PrivFlags.USER_PRIV_ID);
        user.procSlot = Endpoint.INIT;
        user.flags = PrivFlags.BILLABLE | PrivFlags.PREEMPTIBLE;
        user.trapMask = Ipc.TRAP_USER;
        user.sigManager = Endpoint.PM;
    }

    /** The configuration this machine runs with. */
    public KernelConfig config() {
        return kernel.config;
    }

    private void logLine(String line) {
        if (logLines.size() < MAX_LOG_LINES) logLines.add(line);
        console.accept(line);
    }

    /** The kernel's output so far (the first {@value #MAX_LOG_LINES} lines). */
    public List<String> log() {
        synchronized (logLines) {
            return List.copyOf(logLines);
        }
    }

    // ------------------------------------------------------------------ processes

    /**
     * Starts a process and returns its endpoint. Before {@link #start()} it is created at once;
     * afterwards the kernel creates it at its next opportunity and this call waits for that.
     *
     * @throws ExecException if the program is refused (ENOEXEC) or no slot or privilege id is free
     */
    public int spawn(ProcessSpec spec) throws ExecException {
        LoadedProgram program = spec.program() == null ? null : kernel.loader.load(spec.program());
        if (!started) return create(spec, program);
        CompletableFuture<Integer> result = new CompletableFuture<>();
        kernel.post(() -> {
            try {
                result.complete(create(spec, program));
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ExecException x) throw x;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException("machine did not create " + spec.name() + ": " + e, e);
        }
    }

    /**
     * Places the boot files (an archive in {@code minixj.lib.fs.BootFiles} format) in physical
     * memory before the machine starts; VFS finds them with SYS_GETINFO GET_BOOTFILES.
     *
     * @throws IllegalStateException after {@link #start()}, or when memory is too small
     */
    public void loadBootFiles(byte[] archive) {
        if (started) throw new IllegalStateException("boot files are loaded before the machine starts");
        if (!kernel.memory.loadBootFiles(archive)) {
            throw new IllegalStateException("boot files of " + archive.length + " bytes do not fit in memory");
        }
    }

    /** Loads a program without starting it (to check that it would be accepted). */
    public LoadedProgram load(minixj.kernel.loader.JarImage image) throws ExecException {
        return kernel.loader.load(image);
    }

    private int create(ProcessSpec spec, LoadedProgram program) throws ExecException {
        Proc p = spec.slot() >= 0 ? kernel.procs.slot(spec.slot()) : kernel.procs.freeSlot(FIRST_FREE_SLOT);
        if (p == null) throw new ExecException(minixj.lib.ipc.Errno.EAGAIN, spec.name() + ": process table is full");
        if (!p.isFree()) throw new ExecException(minixj.lib.ipc.Errno.EBUSY, spec.name() + ": slot " + spec.slot() + " is in use");
        Priv priv;
        if (spec.system()) {
            int staticId = PrivTable.staticId(p.slot);
            priv = staticId >= 0 && staticId != PrivFlags.USER_PRIV_ID ? kernel.privs.byId(staticId)
                    : kernel.privs.allocateDynamic();
            if (priv == null || (priv.inUse() && priv.procSlot != p.slot)) {
                throw new ExecException(minixj.lib.ipc.Errno.EAGAIN, spec.name() + ": no free privilege structure");
            }
            priv.reset();
            priv.procSlot = p.slot;
            priv.flags = PrivFlags.SYS_PROC | (spec.preemptible() ? PrivFlags.PREEMPTIBLE : 0)
                    | (staticId >= 0 ? 0 : PrivFlags.DYN_PRIV_ID);
            priv.trapMask = Ipc.TRAP_ALL;
            priv.kernelCallMask = spec.kernelCalls();
            priv.sigManager = spec.sigManager();
            priv.backupSigManager = spec.backupSigManager();
        } else {
            priv = kernel.privs.byId(PrivFlags.USER_PRIV_ID);
        }
        int generation = Endpoint.nextGeneration(Endpoint.generation(p.endpoint));
        // Boot slots start in generation 0 (endpoint = slot); every later incarnation gets the next one.
        int endpoint = !p.usedBefore && p.slot < FIRST_FREE_SLOT ? p.slot : Endpoint.make(generation, p.slot);
        ProgramBody body = program != null ? program::runMain : spec.body();
        p.priority = spec.priority();
        p.quantumNs = spec.quantumMs() * 1_000_000L;
        p.cpuLeftNs = p.quantumNs;
        p.scheduler = Endpoint.NONE;
        ProcessContext ctx = kernel.createProcess(p, endpoint, spec.name(), priv, body, spec.args(), RtsFlags.PROC_STOP);
        ctx.image = spec.program();
        if (spec.system()) kernel.privs.applyIpcMask(priv, spec.ipcTargets());
        p.usedBefore = true;
        kernel.rtsUnset(p, RtsFlags.PROC_STOP);
        return endpoint;
    }

    /** Starts the machine's CPU (and its clock in real-time mode). */
    public void start() {
        if (started) return;
        started = true;
        KernelConfig c = kernel.config;
        logLine("MinixJ " + VERSION + ": MINIX 3.4 on the JVM (Java " + Runtime.version().feature() + ")");
        logLine("kernel: " + (c.deterministic() ? "deterministic, seed " + c.seed()
                : c.usesVirtualTime() ? "virtual time" : "real time") + ", HZ " + c.hz() + ", memory "
                + (c.memoryBytes() >> 10) + "K, " + kernel.memory.physical.totalFrames() + " frames");
        kernel.start();
        if (!kernel.clock.virtual) {
            ticker = Thread.ofPlatform().daemon().name("minixj-clock").start(this::tick);
        }
        if (kernel.config.watchdogMillis() > 0) {
            watchdog = new Watchdog(kernel, this, kernel.config.watchdogMillis(), kernel.config.watchdogKills());
            watchdog.start();
        }
    }

    /**
     * Before {@link #start()}: process {@code endpoint} starts without a quantum and waits until
     * its scheduler gives it one. MINIX's boot (spec §13) holds the user processes of the image
     * so until PM has them in its table (and VFS in its own) and hands them to SCHED.
     *
     * @throws IllegalStateException after start, or when no such process exists
     */
    public void holdForScheduler(int endpoint) {
        if (started) throw new IllegalStateException("processes are held before the machine starts");
        Proc p = kernel.procs.byEndpoint(endpoint);
        if (p == null) throw new IllegalStateException("no process " + endpoint);
        kernel.rtsSet(p, RtsFlags.NO_QUANTUM);
    }

    private void tick() {
        long period = kernel.clock.tickNs;
        long next = System.nanoTime() + period;
        while (!kernel.halted) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
                continue;
            }
            kernel.pendingTicks.incrementAndGet();
            kernel.wake();
            next += period;
        }
    }

    /** True while a process holds {@code endpoint}. */
    public boolean isAlive(int endpoint) {
        return call(() -> kernel.procs.byEndpoint(endpoint) != null);
    }

    /** What the kernel knows of process {@code endpoint}, or null if it is not alive. */
    public ProcessInfo processInfo(int endpoint) {
        return call(() -> {
            Proc p = kernel.procs.byEndpoint(endpoint);
            return p == null ? null : new ProcessInfo(p.endpoint, p.name, p.priority, RtsFlags.describe(p.rts),
                    p.userTicks, p.scheduler);
        });
    }

    /** Kills a process from the host (as SIGKILL with no one to catch it): its slot is freed. */
    public void kill(int endpoint) {
        kernel.postUrgent(() -> {
            Proc p = kernel.procs.byEndpoint(endpoint);
            if (p != null && !p.isTask()) {
                kernel.log("kernel: killing " + p.name + " (endpoint " + endpoint + ") on request");
                kernel.exitProcess(p, 128 + minixj.lib.ipc.Signals.SIGKILL);
            }
        });
    }

    /** Waits until process {@code endpoint} has exited and returns its status. */
    public int awaitExit(int endpoint, Duration timeout) throws TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (!exitStatus.containsKey(endpoint)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) throw new TimeoutException("process " + endpoint + " did not exit within " + timeout);
                if (kernel.halted && idleStopped) throw new TimeoutException("machine halted: " + kernel.haltReason);
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TimeoutException("interrupted");
                }
            }
            return exitStatus.get(endpoint);
        }
    }

    /** The exit status of a process that has exited, or null. */
    public Integer exitStatus(int endpoint) {
        return exitStatus.get(endpoint);
    }

    /**
     * Waits until nothing is runnable and no timer is armed (everything is blocked), after
     * every request made so far. Returns false on timeout or if the machine halted.
     */
    public boolean awaitQuiescent(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long target;
        synchronized (monitor) {
            target = quiescentEpoch + 1;
        }
        kernel.post(() -> { });
        synchronized (monitor) {
            while (quiescentEpoch < target) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || (kernel.halted && idleStopped)) return false;
                try {
                    monitor.wait(Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /**
     * Waits until every process in {@code endpoints} has started — it is waiting in RECEIVE or
     * has already ended — at a moment when nothing is runnable, and returns the trace hash at that
     * moment (reproducible in deterministic mode, whatever comes after). Call it before
     * {@link #start()} for a boot image. Throws TimeoutException if that does not happen in time.
     */
    public long awaitStarted(int[] endpoints, Duration timeout) throws TimeoutException {
        CompletableFuture<Long> done = new CompletableFuture<>();
        Kernel.SettleWatch watch = new Kernel.SettleWatch(endpoints.clone(), done);
        if (!started) kernel.settleWatches.add(watch); else kernel.post(() -> kernel.settleWatches.add(watch));
        if (!started) start();
        try {
            return done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException | ExecutionException e) {
            throw new TimeoutException("interrupted: " + e);
        }
    }

    /** Runs {@code query} in kernel context and returns its answer (before start: directly). */
    <T> T call(java.util.function.Supplier<T> query) {
        if (!started || kernel.halted) return query.get();
        CompletableFuture<T> result = new CompletableFuture<>();
        kernel.postQuery(() -> result.complete(query.get()));
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("machine did not answer: " + e, e);
        }
    }

    /** A device raises interrupt line {@code irq} (any host thread). */
    public void raiseInterrupt(int irq) {
        kernel.interrupts.raise(irq);
    }

    /** A device has started work that will end in an interrupt (virtual time waits for it). */
    public void expectInterrupt() {
        kernel.interrupts.expect();
    }

    /** The hash of every kernel event so far (stable only when the machine is quiet). */
    public long traceHash() {
        return call(kernel.trace::hash);
    }

    /** The number of kernel events so far. */
    public long traceEvents() {
        return call(kernel.trace::events);
    }

    /** Ticks since boot. */
    public long uptimeTicks() {
        return call(() -> kernel.clock.uptime);
    }

    public boolean halted() {
        return kernel.halted;
    }

    /** Why the machine halted, or null. */
    public String haltReason() {
        return kernel.haltReason;
    }

    /** A text dump of the process table, as MINIX's IS server shows on F1. */
    public String processDump() {
        return call(() -> Dumps.processTable(kernel));
    }

    /** A text dump of the privilege table (IS's F4). */
    public String privilegeDump() {
        return call(() -> Dumps.privilegeTable(kernel));
    }

    /** Stops the machine and waits (briefly) for its threads; releases its memory. */
    public void shutdown() {
        if (closed) return;
        closed = true;
        if (started && !kernel.halted) {
            kernel.postUrgent(() -> kernel.halt("shutdown"));
        } else {
            kernel.halt("shutdown");
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        synchronized (monitor) {
            while (started && !idleStopped && System.nanoTime() < deadline) {
                try {
                    monitor.wait(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        if (watchdog != null) watchdog.stop();
        kernel.memory.close();
    }

    @Override
    public void close() {
        shutdown();
    }

    private final class Events implements KernelEvents {
        @Override
        public void processExited(int endpoint, String name, int status) {
            exitStatus.put(endpoint, status);
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }

        @Override
        public void processCrashed(int endpoint, String name, Throwable failure) {
        }

        @Override
        public void quiescent(long events) {
            synchronized (monitor) {
                quiescentEpoch++;
                monitor.notifyAll();
            }
        }

        @Override
        public void halting(String reason) {
            synchronized (monitor) {
                monitor.notifyAll();
            }
        }

        @Override
        public void panic(String message) {
        }

        @Override
        public void idleStopped() {
            synchronized (monitor) {
                idleStopped = true;
                monitor.notifyAll();
            }
        }
    }
}

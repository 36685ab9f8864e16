package minixj.kernel.calls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessKilled;
import minixj.kernel.ProcessSpec;
import minixj.kernel.ProgramBody;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.sys.Sys;

/**
 * One virtual-time machine for a system test, plus what process bodies need: a failure inside
 * a process is recorded (its exit status alone would only say "crashed") and rethrown by
 * {@link #awaitOk}, so the test reports the assertion that failed.
 */
final class Harness implements AutoCloseable {
    /** Generous, only against hangs: nothing asserts on elapsed time. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** A fast clock keeps the tick-based waits of spinning tests cheap in virtual time. */
    static final int HZ = 1000;

    final Machine machine;
    private final ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();

    Harness() {
        machine = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false).withHz(HZ),
                line -> { });
    }

    /** Spawns {@code spec} with its body guarded (failures recorded); returns the endpoint. */
    int spawn(ProcessSpec spec) throws Exception {
        ProgramBody body = spec.body();
        ProgramBody guarded = args -> {
            try {
                body.run(args);
            } catch (ProcessKilled killed) {
                throw killed;
            } catch (Throwable t) {
                failures.add(new AssertionError("in process " + spec.name() + ": " + t, t));
                throw t;
            }
        };
        return machine.spawn(new ProcessSpec(spec.name(), spec.slot(), spec.system(), spec.ipcTargets(),
                spec.kernelCalls(), spec.sigManager(), spec.backupSigManager(), spec.priority(), spec.quantumMs(),
                spec.preemptible(), guarded, null, spec.args()));
    }

    /** A default system service running {@code body}. */
    int system(String name, ProgramBody body) throws Exception {
        return spawn(ProcessSpec.system(name, body));
    }

    void start() {
        machine.start();
    }

    /** Waits for each process to exit, rethrowing the first recorded failure, and checks status 0. */
    void awaitOk(int... endpoints) throws Exception {
        for (int ep : endpoints) {
            int status;
            try {
                status = machine.awaitExit(ep, TIMEOUT);
            } catch (java.util.concurrent.TimeoutException e) {
                rethrowFailures();
                throw e;
            }
            rethrowFailures();
            assertEquals(0, status, "exit status of endpoint " + ep);
        }
    }

    void rethrowFailures() {
        Throwable first = failures.peek();
        if (first == null) return;
        AssertionError e = new AssertionError(first.getMessage(), first.getCause());
        failures.stream().skip(1).forEach(e::addSuppressed);
        throw e;
    }

    /** Waits (host side) until {@code condition} holds; the timeout only guards against hangs. */
    void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.getAsBoolean()) {
            rethrowFailures();
            assertTrue(System.nanoTime() < deadline, "timed out waiting for " + what);
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what);
            }
        }
    }

    List<String> log() {
        return machine.log();
    }

    @Override
    public void close() {
        machine.close();
    }

    // ------------------------------------------------------------------ helpers for process bodies

    /** A message of {@code type} with {@code ints} in the first payload words. */
    static Message msg(int type, int... ints) {
        Message m = new Message(type);
        for (int i = 0; i < ints.length; i++) m.putInt(4 * i, ints[i]);
        return m;
    }

    /** Scratch page for GETINFO answers: the top of the initial region, away from heaps (which grow from its bottom). */
    static final long SCRATCH = MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE
            - MemoryLayout.PAGE_SIZE;
    /** Size of a GET_PROC record and offsets of its fields (minixj.kernel.KernelInfo). */
    static final int PROC_SIZE = 64;
    static final int PROC_ENDPOINT = 4;
    static final int PROC_RTS = 8;
    static final int PROC_PRIORITY = 16;
    static final int PROC_SCHEDULER = 24;
    static final int PROC_QUANTUM_MS = 28;
    static final int PROC_NAME = 48;
    /** Size of a GET_PRIV record and offsets of its fields. */
    static final int PRIV_SIZE = 44;
    static final int PRIV_FLAGS = 8;
    static final int PRIV_KCALLS = 24;
    static final int PRIV_SIG_MGR = 32;
    static final int PRIV_BACKUP_SIG_MGR = 36;

    /** An int field of {@code endpoint}'s GET_PROC record. */
    static int procField(Trap t, int endpoint, int offset) {
        assertEquals(Errno.OK, Sys.getinfo(t, SysGetinfoMsg.GET_PROC, endpoint, SCRATCH, PROC_SIZE));
        return t.memory().readInt(SCRATCH + offset);
    }

    /** The RTS flags of {@code endpoint}, or EINVAL once it is dead. */
    static int rtsOfOrDead(Trap t, int endpoint) {
        int r = Sys.getinfo(t, SysGetinfoMsg.GET_PROC, endpoint, SCRATCH, PROC_SIZE);
        return r == Errno.OK ? t.memory().readInt(SCRATCH + PROC_RTS) : r;
    }

    /** The RTS flags of {@code endpoint}. */
    static int rtsOf(Trap t, int endpoint) {
        return procField(t, endpoint, PROC_RTS);
    }

    /** An int field of {@code endpoint}'s GET_PRIV record. */
    static int privField(Trap t, int endpoint, int offset) {
        assertEquals(Errno.OK, Sys.getinfo(t, SysGetinfoMsg.GET_PRIV, endpoint, SCRATCH, PRIV_SIZE));
        return t.memory().readInt(SCRATCH + offset);
    }

    /** A long field of {@code endpoint}'s GET_PRIV record. */
    static long privLong(Trap t, int endpoint, int offset) {
        assertEquals(Errno.OK, Sys.getinfo(t, SysGetinfoMsg.GET_PRIV, endpoint, SCRATCH, PRIV_SIZE));
        return (t.memory().readInt(SCRATCH + offset) & 0xFFFF_FFFFL) | ((long) t.memory().readInt(SCRATCH + offset + 4) << 32);
    }

    /** Blocks the caller for {@code ticks} clock ticks with its alarm (a notify from CLOCK ends it). */
    static void sleepTicks(Trap t, long ticks) {
        assertEquals(Errno.OK, Sys.setalarm(t, ticks, false));
        Message m = new Message();
        assertEquals(Errno.OK, t.receive(Endpoint.CLOCK, m));
        assertEquals(Endpoint.CLOCK, m.source());
        assertTrue(Ipc.isNotify(t.ipcStatus()), "alarm arrives as a notify");
    }

    /**
     * Runs forever, counting loop rounds; each round enters the kernel, so the process can be
     * stopped between rounds. Only for processes at a lower priority than the test's driver
     * (kernel-scheduled processes are not round-robined).
     */
    static void spin(Trap t, AtomicLong rounds) {
        while (true) {
            rounds.incrementAndGet();
            t.notify(Endpoint.NONE); // any trap will do; this one fails fast
        }
    }
}

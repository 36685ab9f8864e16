package minixj.kernel.ipc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.ProgramBody;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * A virtual-time machine (MINIX's FIFO scheduling, so the order in which processes run is exact)
 * plus thread-safe holders that process bodies write into and the test reads afterwards.
 *
 * <p>With FIFO scheduling, processes spawned before {@link #start()} run in spawn order, each
 * until it blocks; a process made runnable goes to the tail of its queue. Tests rely on that
 * to stage "A blocks first, then B acts".
 */
final class IpcHarness implements AutoCloseable {
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    final Machine machine;
    private final Map<String, Integer> endpoints = new ConcurrentHashMap<>();
    private final Map<String, Integer> values = new ConcurrentHashMap<>();
    private final Map<String, Message> messages = new ConcurrentHashMap<>();
    private final List<String> events = new CopyOnWriteArrayList<>();

    IpcHarness() {
        machine = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), line -> { });
    }

    /** Spawns a system service (all traps, all IPC targets, all kernel calls); the name is its key for {@link #ep}. */
    int system(String name, ProgramBody body) throws Exception {
        return spawn(ProcessSpec.system(name, body));
    }

    /** Spawns a user process (trap mask SENDREC only). */
    int user(String name, ProgramBody body) throws Exception {
        return spawn(ProcessSpec.user(name, body));
    }

    int spawn(ProcessSpec spec) throws Exception {
        int ep = machine.spawn(spec);
        endpoints.put(spec.name(), ep);
        return ep;
    }

    /**
     * The endpoint of a process spawned under {@code name} (read by bodies at run time). A process
     * spawned after {@link #start()} may run before its name is recorded, so bodies should only
     * look up processes spawned before start.
     */
    int ep(String name) {
        Integer ep = endpoints.get(name);
        if (ep == null) throw new IllegalStateException("no process named " + name);
        return ep;
    }

    void start() {
        machine.start();
    }

    /** Appends to the shared, ordered event log. */
    void log(String event) {
        events.add(event);
    }

    List<String> events() {
        return List.copyOf(events);
    }

    void put(String key, int value) {
        values.put(key, value);
    }

    int get(String key) {
        Integer v = values.get(key);
        assertNotNull(v, "no value recorded for " + key + "; log: " + machine.log());
        return v;
    }

    /** Records a copy of a received message. */
    void keep(String key, Message m) {
        messages.put(key, m.copy());
    }

    Message message(String key) {
        Message m = messages.get(key);
        assertNotNull(m, "no message recorded for " + key + "; log: " + machine.log());
        return m;
    }

    /** Waits for each process to end normally (its body returned); a body that threw shows up in the kernel log. */
    void awaitClean(int... eps) {
        for (int ep : eps) {
            int status;
            try {
                status = machine.awaitExit(ep, TIMEOUT);
            } catch (TimeoutException e) {
                fail("process " + ep + " did not exit: " + e.getMessage() + "\n" + machine.processDump()
                        + "\nlog: " + machine.log());
                return;
            }
            assertEquals(0, status, "process " + ep + " ended badly; kernel log: " + machine.log());
        }
    }

    /** Waits until every process is blocked and no timer is armed. */
    void awaitQuiet() {
        assertTrue(machine.awaitQuiescent(TIMEOUT), "machine did not become quiet:\n" + machine.processDump());
    }

    /**
     * Inside a process: blocks until {@code from} sends a release. Keeps a sender alive, since a
     * process's pending notifications and asynchronous messages vanish when it dies (§1.9).
     */
    void awaitRelease(String from) {
        expect(Errno.OK, Trap.current().receive(ep(from), new Message()), "await release from " + from);
    }

    /** Inside a process: releases each named process blocked in {@link #awaitRelease}. */
    void release(String... names) {
        for (String name : names) {
            expect(Errno.OK, Trap.current().send(ep(name), new Message()), "release " + name);
        }
    }

    /** Asserts an IPC result, naming the codes on failure. */
    static void expect(int expected, int actual, String what) {
        if (expected != actual) {
            fail(what + ": expected " + Errno.name(expected) + " but got " + Errno.name(actual));
        }
    }

    @Override
    public void close() {
        machine.close();
    }
}

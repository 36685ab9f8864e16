package minixj.tests.sef;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessInfo;
import minixj.kernel.ProcessSpec;
import minixj.kernel.ProgramBody;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.RsInitMsg;
import minixj.lib.ipc.layout.SysIrqctlMsg;
import minixj.lib.sef.InitType;
import minixj.lib.sef.Sef;
import minixj.lib.sys.Sys;

/**
 * A machine in virtual time for SEF tests: a service built with SEF, a stand-in RS (a scripted
 * process in RS's slot) and the events both record. The host lets the stand-in go on with a
 * "go" interrupt once the machine is quiet, so a test can look at the machine between steps.
 */
final class SefHarness implements AutoCloseable {
    /** The interrupt line the host raises to let a stand-in take its next step. */
    static final int GO_IRQ = 9;
    /** A request type the test services answer with OK. */
    static final int WORK = 0x5E01;

    final Machine machine = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { });
    /** What the processes did, in order. */
    final List<String> events = new CopyOnWriteArrayList<>();

    int spawn(ProcessSpec spec) throws Exception {
        return machine.spawn(spec);
    }

    void start() {
        machine.start();
    }

    /** Waits until every process is blocked. */
    void quiesce() {
        assertTrue(machine.awaitQuiescent(Duration.ofSeconds(30)), () -> "machine never went quiet\n" + machine.log());
    }

    /** Once the machine is quiet, lets the stand-ins waiting in {@link #awaitGo} take their next step. */
    void go() {
        quiesce();
        machine.raiseInterrupt(GO_IRQ);
    }

    int awaitExit(int endpoint) throws Exception {
        return machine.awaitExit(endpoint, Duration.ofSeconds(30));
    }

    /** The stand-in finished its script without a failed assertion (a failure would crash it). */
    void assertFinished(int standIn) throws Exception {
        assertEquals(0, awaitExit(standIn), () -> "the stand-in failed: " + events + "\n" + machine.log());
    }

    String runState(int endpoint) {
        ProcessInfo info = machine.processInfo(endpoint);
        assertNotNull(info, "process " + endpoint + " is gone");
        return info.runState();
    }

    @Override
    public void close() {
        machine.close();
    }

    // ------------------------------------------------------------------ process specs

    /** A stand-in RS in RS's slot. */
    static ProcessSpec rs(ProgramBody body) {
        return ProcessSpec.system("rs", body).inSlot(Endpoint.RS);
    }

    /**
     * A service in SEF with the callbacks {@code callbacks} registers; after startup it records
     * "started", then every message SEF hands it ("request 0x… from …", "notify from …") or
     * the error of its receive ("receive EINTR"), and answers requests with OK.
     */
    ProcessSpec service(String name, Consumer<Sef.Builder> callbacks) {
        return ProcessSpec.system(name, args -> {
            Sef.Builder builder = Sef.builder();
            callbacks.accept(builder);
            Sef sef = builder.build().startup();
            events.add("started");
            serve(sef);
        });
    }

    /** The main loop of the test services. */
    void serve(Sef sef) {
        Trap t = Trap.current();
        Message m = new Message();
        while (true) {
            int r = sef.receive(Endpoint.ANY, m);
            if (r != Errno.OK) {
                events.add("receive " + Errno.name(r));
                continue;
            }
            if (Ipc.isNotify(sef.ipcStatus())) {
                events.add("notify from " + m.source());
                continue;
            }
            events.add("request 0x" + Integer.toHexString(m.type()) + " from " + m.source());
            t.sendnb(m.source(), m.clear().type(Errno.OK));
        }
    }

    // ------------------------------------------------------------------ stand-in RS steps

    /** Hooks the go interrupt; call first in a stand-in that uses {@link #awaitGo}. */
    static void hookGo(Trap t) {
        assertTrue(Sys.irqSetPolicy(t, GO_IRQ, SysIrqctlMsg.IRQ_REENABLE, 0) >= 0);
    }

    /** Waits for the host's {@link #go()}. */
    static void awaitGo(Trap t) {
        Message m = new Message();
        assertEquals(Errno.OK, t.receive(Endpoint.HARDWARE, m));
    }

    /** RS_INIT to {@code service}. */
    static void sendInit(Trap t, int service, InitType type, int flags, int oldEndpoint, int restarts,
                         int prepareState) {
        Message m = new Message(RsInitMsg.RS_INIT);
        new RsInitMsg(m).type(type.code()).flags(flags).oldEndpoint(oldEndpoint).restarts(restarts)
                .prepareState(prepareState).publicTableGrant(3).stateGrant(RsInitMsg.NO_GRANT);
        assertEquals(Errno.OK, t.send(service, m));
    }

    static void sendFreshInit(Trap t, int service) {
        sendInit(t, service, InitType.FRESH, 0, Endpoint.NONE, 0, 0);
    }

    /** Receives the check-in of {@code service} (not answered yet) and returns its result. */
    static int awaitCheckIn(Trap t, int service) {
        Message m = new Message();
        assertEquals(Errno.OK, t.receive(service, m));
        assertEquals(RsInitMsg.RS_INIT, m.type(), "a check-in");
        assertEquals(Ipc.SENDREC, Ipc.statusCall(t.ipcStatus()), "the check-in waits for an answer");
        return new RsInitMsg(m).result();
    }

    /** Answers a process blocked in SENDREC with a message of type {@code type}. */
    static void answer(Trap t, int to, int type) {
        assertEquals(Errno.OK, t.send(to, new Message(type)));
    }

    /** The whole handshake: RS_INIT FRESH, the check-in (which must be OK), the answer. */
    static void initFresh(Trap t, int service) {
        sendFreshInit(t, service);
        assertEquals(Errno.OK, awaitCheckIn(t, service));
        answer(t, service, Errno.OK);
    }

    /** A request to {@code service}, which the test services answer with OK. */
    static void work(Trap t, int service) {
        Message m = new Message(WORK);
        assertEquals(Errno.OK, t.sendrec(service, m));
        assertEquals(Errno.OK, m.type());
    }
}

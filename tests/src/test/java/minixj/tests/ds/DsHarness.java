package minixj.tests.ds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ds.Ds;
import minixj.lib.ds.DsException;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.sys.Sys;

/**
 * Boots DS from its JAR in slot {@link Endpoint#DS} of a virtual-time machine, a stand-in RS in
 * slot {@link Endpoint#RS} that publishes the clients' labels, and the clients (system processes
 * running a test body). Clients start when RS tells them to, after the labels are published.
 * Failures inside any process are collected and rethrown on the JUnit thread.
 */
final class DsHarness {
    /** Message type RS uses to start a client, and clients use among themselves. */
    static final int GO = 0x60;

    private DsHarness() {
    }

    /** What a client (or the RS stand-in, after it started the clients) does. */
    @FunctionalInterface
    interface Body {
        void run(Ds ds, Trap trap, Map<String, Integer> endpoints) throws Exception;
    }

    /** A client: its name (its label if {@code labelled}) and its body. */
    record Client(String name, boolean labelled, Body body) {
    }

    static Client labelled(String name, Body body) {
        return new Client(name, true, body);
    }

    static Client unlabelled(String name, Body body) {
        return new Client(name, false, body);
    }

    /** Runs the clients to their end; {@code rsAfterStart} (may be null) runs in RS afterwards. */
    static void run(Body rsAfterStart, Client... clients) throws Exception {
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        Map<String, Integer> endpoints = new ConcurrentHashMap<>();
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            m.spawn(ProcessSpec.system(JarImage.fromClasspath(DsHarness.class.getClassLoader(), "minixj.servers.ds",
                    "minixj.servers.ds.DataStore")).inSlot(Endpoint.DS));
            endpoints.put("ds", Endpoint.DS);
            List<Integer> started = new ArrayList<>();
            for (Client c : clients) {
                int ep = m.spawn(ProcessSpec.system(c.name(), args -> {
                    Trap t = Trap.current();
                    t.receive(Endpoint.RS, new Message());
                    guarded(failures, c.name(), () -> c.body().run(new Ds(t), t, endpoints));
                }));
                endpoints.put(c.name(), ep);
                started.add(ep);
            }
            int rs = m.spawn(ProcessSpec.system("rs", args -> {
                Trap t = Trap.current();
                Ds ds = new Ds(t);
                guarded(failures, "rs", () -> {
                    ds.publishLabel("rs", Endpoint.RS, Ds.DSF_OVERWRITE); // as MINIX's RS does first
                    for (Client c : clients) {
                        if (c.labelled()) ds.publishLabel(c.name(), endpoints.get(c.name()), Ds.DSF_OVERWRITE);
                    }
                    for (Client c : clients) t.send(endpoints.get(c.name()), new Message(GO));
                    if (rsAfterStart != null) rsAfterStart.run(ds, t, endpoints);
                });
            }).inSlot(Endpoint.RS));
            endpoints.put("rs", rs);
            m.start();
            for (int ep : started) {
                int end = ep;
                assertEquals(0, m.awaitExit(ep, Duration.ofSeconds(120)),
                        () -> "client " + end + " failed: " + failures + "\n" + m.log());
            }
            if (rsAfterStart != null) m.awaitExit(rs, Duration.ofSeconds(120));
        }
        if (!failures.isEmpty()) {
            AssertionError e = new AssertionError(failures.size() + " process(es) failed: " + failures.get(0),
                    failures.get(0));
            failures.stream().skip(1).forEach(e::addSuppressed);
            throw e;
        }
    }

    static void run(Client... clients) throws Exception {
        run(null, clients);
    }

    @FunctionalInterface
    interface Action {
        void run() throws Exception;
    }

    private static void guarded(List<Throwable> failures, String who, Action action) {
        try {
            action.run();
        } catch (Exception | AssertionError e) {
            failures.add(new AssertionError(who + ": " + e, e));
        }
    }

    /** Asserts that {@code call} fails with {@code errno}. */
    static void expect(int errno, Action call) {
        DsException e = assertThrows(DsException.class, call::run);
        assertEquals(errno, e.errno(), e::getMessage);
    }

    /** Sleeps {@code ticks} clock ticks (virtual time), leaving other messages pending. */
    static void sleep(Trap t, long ticks) {
        Sys.setalarm(t, ticks, false);
        t.receive(Endpoint.CLOCK, new Message());
    }

    static void sleepSeconds(Trap t, int seconds) {
        sleep(t, (long) seconds * Sys.getHz(t));
    }

    /** Sends {@link #GO} to another client (blocks until it receives). */
    static void signal(Trap t, int to) {
        t.send(to, new Message(GO));
    }

    /** Waits for {@link #GO} from {@code from}. */
    static void await(Trap t, int from) {
        t.receive(from, new Message());
    }

    /** Waits for one notify from DS (other notifies and messages are left pending). */
    static void awaitNotify(Trap t) {
        Message m = new Message();
        do {
            t.receive(Endpoint.DS, m);
        } while (!minixj.lib.ipc.Ipc.isNotify(t.ipcStatus()));
    }
}

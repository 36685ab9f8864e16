package minixj.tests.system;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Deterministic mode: a workload of 9 processes and well over 100,000 kernel events gives the
 * same trace hash in two runs with the same seed, and a different one with another seed.
 */
class DeterminismTest {
    static final int CLIENTS = 6;
    static final int STEPS = 4000;

    record Run(long hash, long events) {
    }

    static Run run(long seed) throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withSeed(seed).withWatchdog(0, false), line -> { })) {
            int server1 = m.spawn(ProcessSpec.system("server1", args -> serve(-1)));
            int server2 = m.spawn(ProcessSpec.system("server2", args -> serve(-1)));
            int forwarder = m.spawn(ProcessSpec.system("forwarder", args -> serve(server2)));
            List<Integer> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                long clientSeed = c;
                clients.add(m.spawn(ProcessSpec.system("client" + c,
                        args -> client(clientSeed, server1, server2, forwarder))));
            }
            m.start();
            for (int ep : clients) assertEquals(0, m.awaitExit(ep, Duration.ofSeconds(60)));
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(10)));
            return new Run(m.traceHash(), m.traceEvents());
        }
    }

    /** Receives requests; replies to SENDREC, forwards to {@code next} first if there is one. */
    static void serve(int next) {
        Trap t = Trap.current();
        Message m = new Message();
        while (true) {
            if (t.receive(Endpoint.ANY, m) != Errno.OK) continue;
            int status = t.ipcStatus();
            if (Ipc.isAsync(status)) continue;
            int caller = m.source();
            if (next >= 0) {
                Message inner = new Message(m.type());
                t.sendrec(next, inner);
            }
            m.type(m.type() + 1);
            t.sendnb(caller, m);
        }
    }

    static void client(long seed, int server1, int server2, int forwarder) {
        Trap t = Trap.current();
        SplittableRandom random = new SplittableRandom(seed);
        Message m = new Message();
        AsyncTable table = new AsyncTable(1);
        for (int i = 0; i < STEPS; i++) {
            switch (random.nextInt(4)) {
                case 0 -> {
                    m.clear().type(i);
                    if (t.sendrec(server1, m) != Errno.OK || m.type() != i + 1) throw new IllegalStateException("bad reply");
                }
                case 1 -> {
                    m.clear().type(i);
                    if (t.sendrec(forwarder, m) != Errno.OK) throw new IllegalStateException("forward failed");
                }
                case 2 -> t.notify(server2);
                default -> {
                    table.set(0, server2, m.clear().type(-i), AsyncTable.AMF_NOREPLY);
                    t.senda(table, 1);
                }
            }
        }
    }

    @Test
    void sameSeedSameTraceDifferentSeedDifferentTrace() throws Exception {
        Run a = run(42);
        Run b = run(42);
        Run c = run(43);
        System.out.printf("seed 42: %016x (%d events), again: %016x, seed 43: %016x (%d events)%n",
                a.hash(), a.events(), b.hash(), c.hash(), c.events());
        assertTrue(a.events() >= 100_000, "only " + a.events() + " kernel events");
        assertEquals(a, b);
        assertNotEquals(a.hash(), c.hash());
    }
}

package minixj.tests.system;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessInfo;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SchedMsg;
import minixj.lib.ipc.layout.SchedNoQuantum;

/**
 * The SCHED server, run as a program JAR in its boot slot: it takes over a process PM hands it,
 * demotes it while it computes, lets it climb back when it waits, and refuses requests from
 * anyone but PM and RS and out-of-quantum messages not forged by the kernel.
 */
class SchedTest {
    private static JarImage jar(String pkg, String main) {
        return JarImage.fromClasspath(SchedTest.class.getClassLoader(), pkg, main);
    }

    private static ProcessInfo awaitPriority(Machine m, int endpoint, int priority) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            ProcessInfo info = m.processInfo(endpoint);
            assertNotNull(info, "process " + endpoint + " is gone");
            if (info.priority() == priority) return info;
            assertTrue(System.nanoTime() < deadline, "priority stuck at " + info.priority() + ", wanted " + priority);
            Thread.sleep(2);
        }
    }

    @Test
    void demotesAComputingProcessAndRebalancesItWhenItWaits() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            // Servers run in a better queue than users, so SCHED and PM are never starved by them.
            int sched = m.spawn(ProcessSpec.system(jar("minixj.servers.sched", "minixj.servers.sched.Sched"))
                    .inSlot(Endpoint.SCHED).withPriority(4));
            AtomicInteger startResult = new AtomicInteger(1);
            AtomicInteger schedulerOf = new AtomicInteger();
            AtomicInteger burstEp = new AtomicInteger();
            // A PM stand-in: hands the burst program to SCHED, then never answers the burst.
            int pm = m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                t.receive(Endpoint.ANY, msg); // the host's go: the burst exists
                msg.clear().type(SchedMsg.SCHEDULING_START);
                new SchedMsg(msg).endpoint(burstEp.get()).parent(Endpoint.INIT).maxPriority(7).quantum(10);
                assertEquals(Errno.OK, t.sendrec(sched, msg));
                startResult.set(msg.type());
                schedulerOf.set(new SchedMsg(msg).scheduler());
                while (true) t.receive(Endpoint.ANY, msg);
            }).inSlot(Endpoint.PM).withPriority(4));
            int kick = m.spawn(ProcessSpec.system("kick", args -> {
                Trap.current().send(pm, new Message(0));
            }).withPriority(3));
            burstEp.set(m.spawn(ProcessSpec.user(jar("minixj.tests.programs.burst", "minixj.tests.programs.burst.Burst"))
                    .withArgs("burst", String.valueOf(pm))));
            assertTrue(kick > 0);
            m.start();
            ProcessInfo demoted = awaitPriority(m, burstEp.get(), 15);
            assertEquals(sched, demoted.scheduler());
            assertEquals(Errno.OK, startResult.get());
            assertEquals(sched, schedulerOf.get());
            // Once it waits, the rebalance every 5 s (virtual) brings it back to its best queue.
            ProcessInfo back = awaitPriority(m, burstEp.get(), 7);
            assertEquals("RECEIVING", back.runState()); // waiting for a reply that never comes
        }
    }

    @Test
    void onlyPmAndRsMayControlSchedulingAndOnlyTheKernelReportsQuantum() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            int sched = m.spawn(ProcessSpec.system(jar("minixj.servers.sched", "minixj.servers.sched.Sched"))
                    .inSlot(Endpoint.SCHED));
            AtomicInteger fromUser = new AtomicInteger(1);
            AtomicInteger forged = new AtomicInteger(1);
            int user = m.spawn(ProcessSpec.user("user", args -> {
                Message msg = new Message(SchedMsg.SCHEDULING_START);
                new SchedMsg(msg).endpoint(Endpoint.INIT).maxPriority(0).quantum(1000);
                assertEquals(Errno.OK, Trap.current().sendrec(sched, msg));
                fromUser.set(msg.type());
            }));
            int faker = m.spawn(ProcessSpec.system("faker", args -> {
                Message msg = new Message(SchedNoQuantum.SCHEDULING_NO_QUANTUM);
                assertEquals(Errno.OK, Trap.current().sendrec(sched, msg));
                forged.set(msg.type());
            }));
            m.start();
            assertEquals(0, m.awaitExit(user, Duration.ofSeconds(10)));
            assertEquals(0, m.awaitExit(faker, Duration.ofSeconds(10)));
            assertEquals(Errno.EPERM, fromUser.get());
            assertEquals(Errno.EPERM, forged.get());
        }
    }
}

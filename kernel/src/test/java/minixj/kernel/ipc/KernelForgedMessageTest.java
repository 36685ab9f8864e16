package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SchedNoQuantum;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.ipc.layout.SysScheduleMsg;

/**
 * Spec §1.11 (and §1.12's quantum rule): when a process with a user-space scheduler runs out of
 * quantum, the kernel sends SCHEDULING_NO_QUANTUM to the scheduler on the process's behalf, with
 * the from-kernel status flag, and the process stays stopped until SYS_SCHEDULE. No process can
 * produce that flag itself.
 */
class KernelForgedMessageTest {
    /** Far more polls than one tick of virtual time (a poll chunk of 1024 polls costs 10 µs). */
    private static final int SPIN_POLLS = 5_000_000;

    /** Inside a process: spins, polling as instrumented code would. */
    private static void spin() {
        Trap t = Trap.current();
        for (int i = 0; i < SPIN_POLLS; i++) t.poll();
    }

    /** Inside the scheduler: takes over {@code worker} (SYS_SCHEDCTL, flags 0 = the caller schedules it). */
    private static void takeOver(int worker) {
        Message m = new Message();
        new SysSchedctlMsg(m).flags(0).endpoint(worker);
        expect(OK, Trap.current().kernelCall(SysCalls.SYS_SCHEDCTL, m), "schedctl");
    }

    /** Inside the scheduler: lets {@code worker} run again with a quantum long enough to finish. */
    private static void reschedule(int worker) {
        Message m = new Message();
        new SysScheduleMsg(m).endpoint(worker).priority(-1).quantum(100_000).cpu(-1).niced(-1);
        expect(OK, Trap.current().kernelCall(SysCalls.SYS_SCHEDULE, m), "schedule");
    }

    /** Inside the scheduler: receives from ANY and checks the message is a genuine out-of-quantum report. */
    private static void expectNoQuantum(IpcHarness h) {
        Trap t = Trap.current();
        Message m = new Message();
        expect(OK, t.receive(Endpoint.ANY, m), "receive");
        int status = t.ipcStatus();
        assertEquals(SchedNoQuantum.SCHEDULING_NO_QUANTUM, m.type());
        assertEquals(h.ep("worker"), m.source());
        assertTrue(Ipc.isFromKernel(status), "from-kernel flag");
        assertEquals(Ipc.SEND, Ipc.statusCall(status));
        h.log("no quantum");
    }

    @Test
    void outOfQuantumMessageReachesAWaitingScheduler() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int sched = h.system("sched", args -> {
                takeOver(h.ep("worker"));
                expectNoQuantum(h);
                h.log("schedule");
                reschedule(h.ep("worker"));
            });
            int worker = h.spawn(ProcessSpec.system("worker", args -> {
                spin();
                h.log("worker done");
            }).withQuantum(1));
            h.start();
            h.awaitClean(sched, worker);
            assertEquals(List.of("no quantum", "schedule", "worker done"), h.events());
        }
    }

    @Test
    void outOfQuantumMessageWaitsInTheQueueOfABusyScheduler() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int sched = h.system("sched", args -> {
                Trap t = Trap.current();
                takeOver(h.ep("worker"));
                // Busy elsewhere while the worker runs out: the forged message has to queue.
                expect(OK, t.kernelCall(SysCalls.SYS_SETALARM, NotifyTest.alarm(100)), "setalarm");
                expect(OK, t.receive(Endpoint.CLOCK, new Message()), "wait for the alarm");
                h.log("alarm");
                expectNoQuantum(h);
                h.log("schedule");
                reschedule(h.ep("worker"));
            });
            int worker = h.spawn(ProcessSpec.system("worker", args -> {
                spin();
                h.log("worker done");
            }).withQuantum(1));
            h.start();
            h.awaitClean(sched, worker);
            // The worker, stopped without quantum, could not finish during the 100 idle ticks.
            assertEquals(List.of("alarm", "no quantum", "schedule", "worker done"), h.events());
        }
    }

    @Test
    void quantumRunningOutDuringAnIpcCallLeavesTheCallWhole() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // The worker only does SENDREC round trips, so its quantum runs out inside a kernel
            // entry. MINIX looks at the quantum when it returns to user space (§1.12), so the
            // SENDREC must complete and the echo server's reply must find the worker waiting.
            int sched = h.system("sched", args -> {
                Trap t = Trap.current();
                takeOver(h.ep("worker"));
                expect(OK, t.kernelCall(SysCalls.SYS_SETALARM, NotifyTest.alarm(100)), "setalarm");
                expect(OK, t.receive(Endpoint.CLOCK, new Message()), "wait for the alarm");
                expectNoQuantum(h);
                reschedule(h.ep("worker"));
            });
            h.system("echo", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                while (true) {
                    expect(OK, t.receive(Endpoint.ANY, m), "echo receive");
                    int r = t.sendnb(m.source(), m);
                    if (r != OK) h.log("echo reply failed: " + minixj.lib.ipc.Errno.name(r));
                }
            });
            h.spawn(ProcessSpec.system("worker", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 100_000; i++) {
                    m.type(i);
                    expect(OK, t.sendrec(h.ep("echo"), m), "sendrec " + i);
                    expect(i, m.type(), "echo of " + i);
                }
                h.log("worker done");
            }).withQuantum(1));
            h.start();
            h.awaitClean(sched);
            h.awaitQuiet();
            assertEquals(List.of("no quantum", "worker done"), h.events());
        }
    }

    @Test
    void processesCannotForgeTheFromKernelFlag() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int sched = h.system("sched", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                for (int i = 0; i < 2; i++) {
                    expect(OK, t.receive(Endpoint.ANY, m), "receive");
                    assertEquals(SchedNoQuantum.SCHEDULING_NO_QUANTUM, m.type());
                    assertFalse(Ipc.isFromKernel(t.ipcStatus()), "fake from " + m.source());
                    if (Ipc.statusCall(t.ipcStatus()) == Ipc.SENDREC) expect(OK, t.sendnb(m.source(), m), "reply");
                }
            });
            int user = h.user("user", args -> expect(OK,
                    Trap.current().sendrec(h.ep("sched"), new Message(SchedNoQuantum.SCHEDULING_NO_QUANTUM)), "sendrec"));
            int sys = h.system("sys", args -> expect(OK,
                    Trap.current().send(h.ep("sched"), new Message(SchedNoQuantum.SCHEDULING_NO_QUANTUM)), "send"));
            h.start();
            h.awaitClean(sched, user, sys);
        }
    }
}

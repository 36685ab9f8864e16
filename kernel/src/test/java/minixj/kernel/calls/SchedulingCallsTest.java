package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.PROC_PRIORITY;
import static minixj.kernel.calls.Harness.PROC_QUANTUM_MS;
import static minixj.kernel.calls.Harness.PROC_SCHEDULER;
import static minixj.kernel.calls.Harness.procField;
import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.EPERM;
import static minixj.lib.ipc.Errno.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.sys.Sys;

/** SYS_SCHEDULE and SYS_SCHEDCTL: who may schedule a process, and what the calls change. */
class SchedulingCallsTest {
    @Test
    void onlyTheSchedulerMaySchedule() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger sched = new AtomicInteger();
            int peer = h.system("peer", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            int outsider = h.system("outsider", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(sched.get(), m));
                assertEquals(EPERM, Sys.schedule(t, peer, 5, -1, -1, -1), "not the scheduler");
                assertEquals(OK, t.send(sched.get(), m));
            });
            sched.set(h.system("sched", args -> {
                Trap t = Trap.current();
                assertEquals(Endpoint.NONE, procField(t, peer, PROC_SCHEDULER), "the kernel schedules it");
                assertEquals(EPERM, Sys.schedule(t, peer, -1, -1, -1, -1), "not yet its scheduler");

                assertEquals(OK, Sys.schedctl(t, 0, peer, 0, 0, 0));
                assertEquals(sched.get(), procField(t, peer, PROC_SCHEDULER));
                assertEquals(OK, Sys.schedule(t, peer, -1, -1, -1, -1));
                assertEquals(ProcessSpec.USER_Q, procField(t, peer, PROC_PRIORITY), "-1 keeps the priority");
                assertEquals(ProcessSpec.USER_QUANTUM_MS, procField(t, peer, PROC_QUANTUM_MS), "and the quantum");
                assertEquals(OK, Sys.schedule(t, peer, 9, 30, 0, 0));
                assertEquals(9, procField(t, peer, PROC_PRIORITY));
                assertEquals(30, procField(t, peer, PROC_QUANTUM_MS));
                assertEquals(OK, Sys.schedule(t, peer, -1, 40, -1, -1));
                assertEquals(9, procField(t, peer, PROC_PRIORITY));
                assertEquals(40, procField(t, peer, PROC_QUANTUM_MS));
                assertEquals(EINVAL, Sys.schedule(t, peer, 16, -1, -1, -1), "no such queue");
                assertEquals(EINVAL, Sys.schedule(t, peer, -1, 0, -1, -1), "empty quantum");
                assertEquals(EINVAL, Sys.schedule(t, peer, -1, -1, 1, -1), "one CPU");
                assertEquals(EINVAL, Sys.schedule(t, Endpoint.CLOCK, -1, -1, -1, -1), "a task");

                Message m = new Message();
                assertEquals(OK, t.sendrec(outsider, m));

                // Back to the kernel, with new values: the old scheduler loses its right.
                assertEquals(OK, Sys.schedctl(t, SysSchedctlMsg.FLAG_KERNEL, peer, 3, 100, 0));
                assertEquals(Endpoint.NONE, procField(t, peer, PROC_SCHEDULER));
                assertEquals(3, procField(t, peer, PROC_PRIORITY));
                assertEquals(100, procField(t, peer, PROC_QUANTUM_MS));
                assertEquals(EPERM, Sys.schedule(t, peer, -1, -1, -1, -1));
                assertEquals(EINVAL, Sys.schedctl(t, SysSchedctlMsg.FLAG_KERNEL, peer, 16, 100, 0));
                assertEquals(EINVAL, Sys.schedctl(t, 0, Endpoint.CLOCK, 0, 0, 0), "a task");
                assertEquals(EINVAL, Sys.schedctl(t, 0, Endpoint.make(3, 99), 0, 0, 0), "no such process");
                assertEquals(OK, t.send(peer, m));
            }));
            h.start();
            h.awaitOk(sched.get(), outsider, peer);
        }
    }

    /** A priority raised with SYS_SCHEDULE takes effect: the process now runs before a spinner. */
    @Test
    void aNewPriorityDecidesWhoRuns() throws Exception {
        try (Harness h = new Harness()) {
            java.util.concurrent.atomic.AtomicLong rounds = new java.util.concurrent.atomic.AtomicLong();
            AtomicInteger sched = new AtomicInteger();
            int spinner = h.spawn(ProcessSpec.system("spinner", args -> Harness.spin(Trap.current(), rounds))
                    .withPriority(12));
            int waiter = h.spawn(ProcessSpec.system("waiter", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(sched.get(), m));
                // Queue 13 is below the spinner: we run only because the scheduler moved us up.
                assertEquals(OK, t.send(sched.get(), m));
            }).withPriority(13));
            sched.set(h.system("sched", args -> {
                Trap t = Trap.current();
                assertEquals(OK, Sys.schedctl(t, 0, waiter, 0, 0, 0));
                assertEquals(OK, Sys.schedule(t, waiter, 11, -1, -1, -1));
                Message m = new Message();
                assertEquals(OK, t.send(waiter, m));
                assertEquals(OK, t.receive(waiter, m));
                assertEquals(OK, Sys.stop(t, spinner));
            }));
            h.start();
            h.awaitOk(sched.get(), waiter);
        }
    }
}

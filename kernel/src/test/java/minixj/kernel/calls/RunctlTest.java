package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.kernel.calls.Harness.rtsOf;
import static minixj.lib.ipc.Errno.EBUSY;
import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SysRunctlMsg;
import minixj.lib.sys.Sys;

/** SYS_RUNCTL: stopping and resuming processes, and the delayed stop of a sending process. */
class RunctlTest {
    static final int PROC_STOP = 0x2;
    static final int SENDING = 0x4;
    static final int RECEIVING = 0x8;

    @Test
    void aStoppedProcessDoesNotRunUntilResumed() throws Exception {
        try (Harness h = new Harness()) {
            AtomicLong rounds = new AtomicLong();
            int victim = h.spawn(ProcessSpec.system("victim", args -> Harness.spin(Trap.current(), rounds))
                    .withPriority(10));
            int ctl = h.system("ctl", args -> {
                Trap t = Trap.current();
                Harness.sleepTicks(t, 2);
                assertTrue(rounds.get() > 0, "the victim ran while we slept");
                assertEquals(OK, Sys.stop(t, victim));
                long frozen = rounds.get();
                assertEquals(PROC_STOP, rtsOf(t, victim));
                Harness.sleepTicks(t, 5);
                assertEquals(frozen, rounds.get(), "stopped");
                assertEquals(OK, Sys.stop(t, victim), "stopping twice is harmless");
                assertEquals(OK, Sys.resume(t, victim));
                assertEquals(0, rtsOf(t, victim));
                Harness.sleepTicks(t, 2);
                assertTrue(rounds.get() > frozen, "running again");
                assertEquals(OK, Sys.stop(t, victim));
            });
            h.start();
            h.awaitOk(ctl);
        }
    }

    @Test
    void badTargetsAndActions() throws Exception {
        try (Harness h = new Harness()) {
            int ctl = h.system("ctl", args -> {
                Trap t = Trap.current();
                assertEquals(EINVAL, Sys.stop(t, Endpoint.CLOCK), "a task");
                assertEquals(EINVAL, Sys.stop(t, Endpoint.make(4, 77)), "no such process");
                Message m = new Message();
                new SysRunctlMsg(m).endpoint(Endpoint.SELF).action(7);
                assertEquals(EINVAL, t.kernelCall(SysCalls.SYS_RUNCTL, m), "unknown action");
            });
            h.start();
            h.awaitOk(ctl);
        }
    }

    /**
     * RC_DELAY on a process blocked sending is EBUSY; the process then stops as soon as its
     * send completes, and PM (here the controller, in PM's slot) gets SIGSNDELAY.
     */
    @Test
    void delayedStopOfASendingProcess() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger sender = new AtomicInteger();
            AtomicBoolean sendReturned = new AtomicBoolean();
            int server = h.system("server", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.PM, m), "go");
                assertEquals(OK, t.receive(sender.get(), m));
            });
            sender.set(h.system("sender", args -> {
                Trap t = Trap.current();
                assertEquals(OK, t.send(server, msg(1)));
                sendReturned.set(true);
                assertEquals(OK, t.send(Endpoint.PM, msg(2)));
            }));
            int pm = h.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                int s = sender.get();
                assertEquals(SENDING, rtsOf(t, s));
                assertEquals(EBUSY, Sys.delayStop(t, s));
                assertEquals(SENDING, rtsOf(t, s), "not stopped yet");
                assertEquals(OK, t.send(server, msg(0)));
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.ANY, m));
                assertEquals(Endpoint.SYSTEM, m.source());
                assertTrue(Ipc.isNotify(t.ipcStatus()));
                assertTrue(new NotifyMessage(m).sigset().contains(Signals.SIGSNDELAY), "SIGSNDELAY for PM");
                assertEquals(PROC_STOP, rtsOf(t, s), "stopped right after its send completed");
                assertFalse(sendReturned.get());
                assertEquals(OK, Sys.resume(t, s));
                assertEquals(OK, t.receive(s, m));
                assertEquals(2, m.type());
                assertTrue(sendReturned.get());
            }).inSlot(Endpoint.PM));
            h.start();
            h.awaitOk(pm, server, sender.get());
        }
    }

    @Test
    void delayedStopOfAProcessThatIsNotSendingStopsAtOnce() throws Exception {
        try (Harness h = new Harness()) {
            int idler = h.system("idler", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            int ctl = h.system("ctl", args -> {
                Trap t = Trap.current();
                assertEquals(RECEIVING, rtsOf(t, idler));
                assertEquals(OK, Sys.delayStop(t, idler));
                assertEquals(RECEIVING | PROC_STOP, rtsOf(t, idler));
                assertEquals(OK, Sys.resume(t, idler));
                assertEquals(RECEIVING, rtsOf(t, idler));
                assertEquals(OK, t.send(idler, new Message()));
            });
            h.start();
            h.awaitOk(ctl, idler);
        }
    }
}

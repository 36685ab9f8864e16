package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SysGetksigMsg;
import minixj.lib.ipc.layout.SysProcMsg;
import minixj.lib.ipc.layout.SysSetalarmMsg;
import minixj.lib.ipc.layout.SysTimesMsg;

/**
 * Spec §1.6: NOTIFY is non-blocking and coalescing; a notify message has type NOTIFY_MESSAGE, the
 * notifier as source and the tick count as timestamp; SYSTEM's carry kernel signals (§2.5), CLOCK's
 * report an expired SYS_SETALARM.
 */
class NotifyTest {
    @Test
    void repeatedNotificationsCoalesceIntoOne() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int notifier = h.system("notifier", args -> {
                for (int i = 0; i < 5; i++) expect(OK, Trap.current().notify(h.ep("r")), "notify " + i);
                h.awaitRelease("r");
            });
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.keep("first", m);
                expect(ENOTREADY, t.receiveNonBlocking(Endpoint.ANY, m), "only one notification");
                h.release("notifier");
            });
            h.start();
            h.awaitClean(notifier, r);
            assertEquals(Ipc.NOTIFY_MESSAGE, h.message("first").type());
            assertEquals(notifier, h.message("first").source());
        }
    }

    @Test
    void notifyToAWaitingReceiverIsDeliveredAtOnceWithTypeSourceAndTimestamp() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int r = h.system("r", args -> {
                Trap t = Trap.current();
                Message m = new Message(123).putLong(40, -1L);
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                h.keep("notify", m);
                h.put("status", t.ipcStatus());
            });
            int notifier = h.system("notifier", args -> {
                Trap t = Trap.current();
                // Let some ticks pass first, so the timestamp is not trivially 0.
                expect(OK, t.kernelCall(SysCalls.SYS_SETALARM, alarm(7)), "setalarm");
                expect(OK, t.receive(Endpoint.CLOCK, new Message()), "wait for the alarm");
                Message times = new Message();
                new SysTimesMsg(times).endpoint(Endpoint.NONE);
                expect(OK, t.kernelCall(SysCalls.SYS_TIMES, times), "times");
                h.put("uptime", (int) new SysTimesMsg(times).uptime());
                expect(OK, t.notify(h.ep("r")), "notify");
            });
            h.start();
            h.awaitClean(r, notifier);
            Message m = h.message("notify");
            assertEquals(Ipc.NOTIFY_MESSAGE, m.type());
            assertEquals(notifier, m.source());
            assertEquals(Ipc.NOTIFY, Ipc.statusCall(h.get("status")));
            assertTrue(h.get("uptime") >= 7);
            assertEquals(h.get("uptime"), new NotifyMessage(m).timestamp());
            assertEquals(0, m.getLong(40), "payload cleared");
        }
    }

    @Test
    void notifyToADeadEndpointGivesEdeadsrcdst() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int gone = h.system("gone", args -> { });
            int p = h.system("p", args -> {
                expect(EDEADSRCDST, Trap.current().notify(h.ep("gone")), "notify an exited process");
                expect(EDEADSRCDST, Trap.current().notify(Endpoint.make(1, 200)), "notify a free slot");
            });
            h.start();
            h.awaitClean(gone, p);
        }
    }

    @Test
    void clockNotificationReportsAnExpiredAlarm() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int p = h.system("p", args -> {
                Trap t = Trap.current();
                Message req = alarm(5);
                expect(OK, t.kernelCall(SysCalls.SYS_SETALARM, req), "setalarm");
                long setAt = new SysSetalarmMsg(req).uptime();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                assertEquals(Endpoint.CLOCK, m.source());
                assertEquals(Ipc.NOTIFY_MESSAGE, m.type());
                assertTrue(Ipc.isNotify(t.ipcStatus()));
                assertEquals(setAt + 5, new NotifyMessage(m).timestamp());
            });
            h.start();
            h.awaitClean(p);
        }
    }

    @Test
    void systemNotificationCarriesKernelSignalsToTheSignalManager() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int manager = h.system("manager", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                new SysProcMsg(m).endpoint(h.ep("victim")).signal(Signals.SIGTERM);
                expect(OK, t.kernelCall(SysCalls.SYS_KILL, m), "kill");
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                assertEquals(Endpoint.SYSTEM, m.source());
                assertEquals(Ipc.NOTIFY_MESSAGE, m.type());
                SigSet kernelSignals = new NotifyMessage(m).sigset();
                assertTrue(kernelSignals.contains(Signals.SIGKSIG), "SIGKSIG in " + kernelSignals);
                h.log("SIGKSIG");

                expect(OK, t.kernelCall(SysCalls.SYS_GETKSIG, m.clear()), "getksig");
                SysGetksigMsg ksig = new SysGetksigMsg(m);
                assertEquals(h.ep("victim"), ksig.endpoint());
                SigSet signals = new SigSet(ksig.sigsetLow(), ksig.sigsetHigh());
                assertTrue(signals.contains(Signals.SIGTERM), "SIGTERM in " + signals);
                expect(OK, t.kernelCall(SysCalls.SYS_GETKSIG, m.clear()), "getksig again");
                assertEquals(Endpoint.NONE, new SysGetksigMsg(m).endpoint());

                // Sleep a little: a victim that could run would run now.
                expect(OK, t.kernelCall(SysCalls.SYS_SETALARM, alarm(3)), "setalarm");
                expect(OK, t.receive(Endpoint.CLOCK, m), "wait");
                h.log("endksig");
                new SysProcMsg(m.clear()).endpoint(h.ep("victim"));
                expect(OK, t.kernelCall(SysCalls.SYS_ENDKSIG, m), "endksig");
            });
            int victim = h.spawn(ProcessSpec.system("victim", args -> h.log("victim ran"))
                    .withSigManagers(manager, Endpoint.NONE));
            h.start();
            h.awaitClean(manager, victim);
            assertEquals(List.of("SIGKSIG", "endksig", "victim ran"), h.events());
        }
    }

    /** A SYS_SETALARM request for {@code ticks} ticks from now. */
    static Message alarm(long ticks) {
        Message m = new Message();
        new SysSetalarmMsg(m).expiry(ticks).absolute(0);
        return m;
    }
}

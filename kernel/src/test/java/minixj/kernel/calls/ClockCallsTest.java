package minixj.kernel.calls;

import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.sys.Alarm;
import minixj.lib.sys.Sys;

/** SYS_SETALARM: one synchronous alarm per system process, expiring as a notify from CLOCK. */
class ClockCallsTest {
    /** Receives the next message, which must be the alarm; returns its timestamp. */
    static long awaitAlarm(Trap t) {
        Message m = new Message();
        assertEquals(OK, t.receive(Endpoint.ANY, m));
        assertEquals(Endpoint.CLOCK, m.source());
        assertTrue(Ipc.isNotify(t.ipcStatus()));
        assertEquals(Ipc.NOTIFY_MESSAGE, m.type());
        return new NotifyMessage(m).timestamp();
    }

    @Test
    void relativeAbsoluteReplacedAndCancelledAlarms() throws Exception {
        try (Harness h = new Harness()) {
            int p = h.system("alarmist", args -> {
                Trap t = Trap.current();
                Alarm first = Sys.setalarmReply(t, 5, false);
                assertEquals(OK, first.result());
                assertEquals(Sys.TMR_NEVER, first.ticksLeft(), "no alarm before");
                long fired = awaitAlarm(t);
                assertTrue(fired >= first.uptime() + 5, "fired at " + fired + ", set at " + first.uptime());
                assertTrue(Sys.times(t, Endpoint.NONE).uptime() >= first.uptime() + 5);

                // Cancel with relative 0: the reply tells the ticks that were left.
                Alarm set = Sys.setalarmReply(t, 100, false);
                assertEquals(Sys.TMR_NEVER, set.ticksLeft(), "the fired alarm is gone");
                Alarm cancel = Sys.setalarmReply(t, 0, false);
                assertEquals(OK, cancel.result());
                assertEquals(set.uptime() + 100 - cancel.uptime(), cancel.ticksLeft());
                assertTrue(cancel.ticksLeft() > 0);
                assertEquals(Sys.TMR_NEVER, Sys.setalarmReply(t, 0, false).ticksLeft(), "nothing left to cancel");

                // Setting again replaces the alarm: only the new expiry notifies.
                Alarm old = Sys.setalarmReply(t, 50, false);
                Alarm replace = Sys.setalarmReply(t, 20, false);
                assertEquals(old.uptime() + 50 - replace.uptime(), replace.ticksLeft());
                long at = awaitAlarm(t);
                assertTrue(at >= replace.uptime() + 20 && at < old.uptime() + 50, "fired at " + at);
                Alarm after = Sys.setalarmReply(t, 40, false);
                assertEquals(Sys.TMR_NEVER, after.ticksLeft());
                assertTrue(awaitAlarm(t) >= after.uptime() + 40, "the replaced alarm never fired");

                // Absolute expiry.
                long now = Sys.times(t, Endpoint.NONE).uptime();
                assertEquals(OK, Sys.setalarm(t, now + 7, true));
                assertTrue(awaitAlarm(t) >= now + 7);

                assertEquals(EINVAL, Sys.setalarm(t, -1, false));
            });
            h.start();
            h.awaitOk(p);
        }
    }

    @Test
    void aCancelledAlarmNeverFires() throws Exception {
        try (Harness h = new Harness()) {
            AtomicBoolean received = new AtomicBoolean();
            int p = h.system("canceller", args -> {
                Trap t = Trap.current();
                assertEquals(OK, Sys.setalarm(t, 10, false));
                assertEquals(OK, Sys.setalarm(t, 0, false));
                t.receive(Endpoint.ANY, new Message());
                received.set(true);
            });
            h.start();
            // Quiescence means every process is blocked and no timer is armed: had the alarm
            // stayed armed, virtual time would have jumped to it and woken the process.
            assertTrue(h.machine.awaitQuiescent(Harness.TIMEOUT));
            h.rethrowFailures();
            assertFalse(received.get());
            assertTrue(h.machine.isAlive(p));
        }
    }
}

package minixj.kernel.calls;

import static minixj.lib.ipc.Errno.EINVAL;
import static minixj.lib.ipc.Errno.OK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SysIrqctlMsg;
import minixj.lib.sys.Sys;

/**
 * SYS_IRQCTL: a driver hooks interrupt lines, the host raises them, and the driver gets notifies
 * from HARDWARE with its notify-id bits. A hook without IRQ_REENABLE fires once until re-enabled.
 */
class IrqctlTest {
    static final int ONCE_IRQ = 5;
    static final int ONCE_ID = 3;
    static final int REENABLE_IRQ = 6;
    static final int REENABLE_ID = 4;

    @Test
    void interruptsArriveAsHardwareNotifies() throws Exception {
        try (Harness h = new Harness()) {
            List<Long> received = new CopyOnWriteArrayList<>();
            AtomicBoolean ready = new AtomicBoolean();
            int driver = h.system("driver", args -> {
                Trap t = Trap.current();
                int once = Sys.irqSetPolicy(t, ONCE_IRQ, 0, ONCE_ID);
                int again = Sys.irqSetPolicy(t, REENABLE_IRQ, SysIrqctlMsg.IRQ_REENABLE, REENABLE_ID);
                assertTrue(once >= 0 && again >= 0 && once != again, once + ", " + again);
                assertEquals(EINVAL, Sys.irqSetPolicy(t, 64, 0, 1), "no such line");
                assertEquals(EINVAL, Sys.irqSetPolicy(t, 1, 0, 64), "no such notify bit");
                assertEquals(EINVAL, Sys.irqEnable(t, 63), "not our hook");
                ready.set(true);
                Message m = new Message();
                while (true) {
                    assertEquals(OK, t.receive(Endpoint.ANY, m));
                    assertEquals(Endpoint.HARDWARE, m.source());
                    assertTrue(Ipc.isNotify(t.ipcStatus()));
                    received.add(new NotifyMessage(m).interrupts());
                    if (received.size() == 3) {
                        assertEquals(OK, Sys.irqEnable(t, once));
                    }
                    if (received.size() == 4) {
                        assertEquals(OK, Sys.irqRmPolicy(t, once));
                        assertEquals(OK, Sys.irqRmPolicy(t, again));
                        assertEquals(EINVAL, Sys.irqRmPolicy(t, once), "already removed");
                        return;
                    }
                }
            });
            h.start();
            h.await(ready::get, "the driver's hooks");

            h.machine.raiseInterrupt(ONCE_IRQ);
            h.await(() -> received.size() == 1, "the first interrupt");
            assertEquals(1L << ONCE_ID, received.get(0));

            // The first hook is disabled now: of these two, only the second line notifies.
            h.machine.raiseInterrupt(ONCE_IRQ);
            h.machine.raiseInterrupt(REENABLE_IRQ);
            h.await(() -> received.size() == 2, "the second interrupt");
            assertEquals(1L << REENABLE_ID, received.get(1), "no bit for the disabled hook");

            h.machine.raiseInterrupt(REENABLE_IRQ);
            h.await(() -> received.size() == 3, "the re-enabled line again");
            assertEquals(1L << REENABLE_ID, received.get(2));

            // The driver re-enabled the first hook after the third notify; in virtual time an
            // interrupt is delivered only when the machine is idle, so that has happened.
            h.machine.raiseInterrupt(ONCE_IRQ);
            h.await(() -> received.size() == 4, "the re-enabled hook");
            assertEquals(1L << ONCE_ID, received.get(3));
            h.awaitOk(driver);
        }
    }
}

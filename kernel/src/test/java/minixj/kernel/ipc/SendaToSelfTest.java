package minixj.kernel.ipc;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

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

/** A SENDA entry addressed to SELF goes to the table's owner, which receives it later. */
class SendaToSelfTest {
    @Test
    void sendaToSelfIsDeliveredToTheOwner() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            AtomicInteger type = new AtomicInteger();
            AtomicInteger call = new AtomicInteger();
            AtomicInteger result = new AtomicInteger(1);
            int p = m.spawn(ProcessSpec.system("self", args -> {
                Trap t = Trap.current();
                AsyncTable table = new AsyncTable(1);
                table.set(0, Endpoint.SELF, new Message(77), 0);
                assertEquals(Errno.OK, t.senda(table, 1));
                Message msg = new Message();
                assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                type.set(msg.type());
                call.set(Ipc.statusCall(t.ipcStatus()));
                result.set(table.result(0));
            }));
            m.start();
            assertEquals(0, m.awaitExit(p, Duration.ofSeconds(10)));
            assertEquals(77, type.get());
            assertEquals(Ipc.SENDA, call.get());
            assertEquals(Errno.OK, result.get());
        }
    }
}

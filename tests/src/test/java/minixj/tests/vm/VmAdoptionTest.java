package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;
import static minixj.tests.vm.VmHarness.*;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.mem.MemoryLayout;

/** Pages the kernel backed before VM took memory stay the process's, and VM counts them. */
class VmAdoptionTest {
    static final long BASE = MemoryLayout.INITIAL_REGION_BASE;

    @Test
    void pagesWrittenBeforeVmStartedAreAdopted() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(0)) {
            int early = m.spawn(ProcessSpec.system("early", args -> {
                Trap t = Trap.current();
                t.memory().writeInt(BASE, 10);
                t.memory().writeInt(BASE + 5 * 4096, 11);
                t.memory().writeInt(BASE + 100 * 4096, 12);
                Message msg = new Message();
                t.receive(Endpoint.ANY, msg); // VM is up when the kicker calls (a system process: users may only sendrec)
                int kicker = msg.source();
                seen.put("sum", (long) (t.memory().readInt(BASE) + t.memory().readInt(BASE + 5 * 4096)
                        + t.memory().readInt(BASE + 100 * 4096)));
                seen.put("usedAdopted", (long) info(t, Endpoint.SELF).usedFrames());
                t.memory().writeInt(BASE + 6 * 4096, 13); // a new page: now VM's doing
                seen.put("usedAfterFault", (long) info(t, Endpoint.SELF).usedFrames());
                t.sendnb(kicker, msg.clear());
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(20)));
            bootVm(m);
            int kicker = m.spawn(ProcessSpec.system("kicker", args -> {
                Trap t = Trap.current();
                info(t, Endpoint.SELF); // VM answers only after it took memory
                t.sendrec(early, new Message(1));
            }));
            assertEquals(0, m.awaitExit(early, Duration.ofSeconds(20)));
            assertEquals(0, m.awaitExit(kicker, Duration.ofSeconds(20)));
        }
        assertEquals(33, seen.get("sum"));
        assertEquals(3, seen.get("usedAdopted"));
        assertEquals(4, seen.get("usedAfterFault"));
    }
}

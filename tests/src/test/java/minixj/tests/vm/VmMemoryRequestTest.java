package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysCopyMsg;
import minixj.lib.mem.MemoryLayout;

/**
 * Kernel memory requests (spec §5.4): a kernel copy into a page that VM has not brought in yet
 * suspends the caller, VM makes the page present, and the call runs again and succeeds; with
 * CP_FLAG_TRY it fails at once with EFAULT instead.
 */
class VmMemoryRequestTest {
    @Test
    void copyIntoAnAbsentPageWaitsForVmAndSucceeds() throws Exception {
        try (Machine m = VmHarness.machine(0)) {
            VmHarness.bootVm(m);
            AtomicLong region = new AtomicLong();
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger copyResult = new AtomicInteger(1);
            AtomicInteger tryResult = new AtomicInteger(1);
            int owner = m.spawn(ProcessSpec.system("owner", args -> {
                Trap t = Trap.current();
                long address = VmHarness.mmap(t, 2 * 4096); // reserved, no page present yet
                assertTrue(address > 0);
                region.set(address);
                Message msg = new Message();
                assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg)); // the writer is done
                seen.set(t.memory().readInt(address));
                t.sendnb(msg.source(), msg);
            }));
            int writer = m.spawn(ProcessSpec.system("writer", args -> {
                Trap t = Trap.current();
                long source = MemoryLayout.INITIAL_REGION_BASE;
                t.memory().writeInt(source, 0x0badcafe);
                while (region.get() == 0) t.receive(Endpoint.CLOCK, new Message()); // never: owner runs first
                Message msg = new Message();
                new SysCopyMsg(msg).sourceEndpoint(Endpoint.SELF).sourceAddress(source).destinationEndpoint(owner)
                        .destinationAddress(region.get() + 4096).length(4).flags(SysCopyMsg.CP_FLAG_TRY);
                tryResult.set(t.kernelCall(SysCalls.SYS_VIRCOPY, msg));
                new SysCopyMsg(msg.clear()).sourceEndpoint(Endpoint.SELF).sourceAddress(source).destinationEndpoint(owner)
                        .destinationAddress(region.get()).length(4);
                copyResult.set(t.kernelCall(SysCalls.SYS_VIRCOPY, msg));
                t.sendrec(owner, new Message());
            }));
            m.start();
            assertEquals(0, m.awaitExit(writer, Duration.ofSeconds(20)));
            assertEquals(Errno.EFAULT, tryResult.get());
            assertEquals(Errno.OK, copyResult.get());
            assertEquals(0x0badcafe, seen.get());
            assertEquals(0, m.awaitExit(owner, Duration.ofSeconds(20)));
        }
    }
}

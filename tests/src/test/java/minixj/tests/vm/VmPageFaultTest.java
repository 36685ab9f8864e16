package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;
import static minixj.tests.vm.VmHarness.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.ipc.layout.VmPagefaultMsg;

/** Page faults: zero-fill in an mmapped region, SIGSEGV outside every region; forged faults and calls refused. */
class VmPageFaultTest {
    @Test
    void faultInAnMmappedRegionIsServedAndOneOutsideGetsSigsegv() throws Exception {
        try (Machine m = machine(0)) {
            bootVm(m);
            AtomicLong address = new AtomicLong();
            AtomicInteger first = new AtomicInteger(-1);
            AtomicInteger readBack = new AtomicInteger();
            AtomicInteger afterSegv = new AtomicInteger();
            int client = m.spawn(ProcessSpec.user("client", args -> {
                Trap t = Trap.current();
                long a = mmap(t, 3 * 4096);
                address.set(a);
                first.set(t.memory().readInt(a + 4096)); // faults; VM maps a zeroed frame
                t.memory().writeInt(a + 4096, 0x5eed);
                readBack.set(t.memory().readInt(a + 4096));
                t.memory().writeInt(NOWHERE, 1); // no region: SIGSEGV
                afterSegv.set(1);
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(20)));
            assertTrue(address.get() > 0, "mmap gave " + address.get());
            assertEquals(0, first.get());
            assertEquals(0x5eed, readBack.get());
            assertEquals(0, afterSegv.get());
            // SIGSEGV went to the client's signal manager (PM by default), which this machine lacks:
            // the kernel keeps the process stopped with the signal pending, as MINIX does.
            assertTrue(m.isAlive(client));
            assertTrue(m.processInfo(client).runState().contains("SIGNALED"), m.processInfo(client).runState());
        }
    }

    @Test
    void aPageFaultMessageNotFromTheKernelIsRefused() throws Exception {
        try (Machine m = machine(0)) {
            bootVm(m);
            AtomicInteger result = new AtomicInteger(1);
            int faker = m.spawn(ProcessSpec.user("faker", args -> {
                Trap t = Trap.current();
                Message msg = new Message(VmPagefaultMsg.VM_PAGEFAULT);
                new VmPagefaultMsg(msg).address(NOWHERE);
                t.sendrec(Endpoint.VM, msg);
                result.set(msg.type());
            }));
            m.start();
            assertEquals(0, m.awaitExit(faker, Duration.ofSeconds(20)));
            assertEquals(Errno.EPERM, result.get());
        }
    }

    @Test
    void onlyPmMayAnnounceForkAndExit() throws Exception {
        try (Machine m = machine(0)) {
            bootVm(m);
            AtomicInteger fork = new AtomicInteger(1);
            AtomicInteger exit = new AtomicInteger(1);
            int other = m.spawn(ProcessSpec.system("notpm", args -> {
                Trap t = Trap.current();
                fork.set(result(call(t, request().endpoint(Endpoint.INIT).child(Endpoint.INIT), VmMsg.VM_FORK)));
                exit.set(result(call(t, request().endpoint(Endpoint.INIT), VmMsg.VM_EXIT)));
            }));
            m.start();
            assertEquals(0, m.awaitExit(other, Duration.ofSeconds(20)));
            assertEquals(Errno.ENOSYS, fork.get());
            assertEquals(Errno.ENOSYS, exit.get());
        }
    }
}

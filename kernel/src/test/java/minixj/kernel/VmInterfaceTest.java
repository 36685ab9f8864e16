package minixj.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysMemsetMsg;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.ipc.layout.VmPagefaultMsg;
import minixj.lib.mem.MemoryLayout;

/**
 * The kernel's interface for VM: VM takes over physical memory (the frame bitmap), resolves a
 * page fault by mapping a frame it chose, and reads and walks page tables.
 */
class VmInterfaceTest {
    static final long BITMAP = MemoryLayout.INITIAL_REGION_BASE;
    static final long FAR = 0x4000_0000L; // outside every process's initial region

    private static int vmctl(Trap t, Message m, int request, int endpoint, long address, long value, long value2) {
        new SysVmctlMsg(m.clear()).request(request).endpoint(endpoint).address(address).value(value).value2(value2)
                .length(64 * 1024);
        return t.kernelCall(SysCalls.SYS_VMCTL, m);
    }

    @Test
    void vmTakesMemoryAndResolvesAFaultByMappingAFrame() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            AtomicLong framesInUse = new AtomicLong(-1);
            AtomicInteger faults = new AtomicInteger();
            AtomicLong pteSeen = new AtomicLong();
            AtomicLong firstMapped = new AtomicLong();
            AtomicInteger afterUnmap = new AtomicInteger(1);
            AtomicInteger readBack = new AtomicInteger();
            AtomicInteger clientEp = new AtomicInteger();
            m.spawn(ProcessSpec.system("vm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                assertEquals(Errno.OK, vmctl(t, msg, SysVmctlMsg.VMCTL_TAKE_MEMORY, Endpoint.SELF, BITMAP, 0, 0));
                long frames = new SysVmctlMsg(msg).value();
                framesInUse.set(new SysVmctlMsg(msg).value2());
                byte[] bitmap = new byte[(int) ((frames + 7) / 8)];
                t.memory().read(BITMAP, bitmap, 0, bitmap.length);
                while (true) {
                    assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                    if (msg.type() == VmPagefaultMsg.VM_PAGEFAULT) {
                        int victim = msg.source();
                        long page = new VmPagefaultMsg(msg).address() & ~4095L;
                        faults.incrementAndGet();
                        int frame = 0;
                        while ((bitmap[frame >>> 3] & (1 << (frame & 7))) != 0) frame++;
                        bitmap[frame >>> 3] |= (byte) (1 << (frame & 7));
                        new SysMemsetMsg(msg.clear()).endpoint(Endpoint.NONE).address((long) frame << 12).pattern(0)
                                .length(4096);
                        assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_MEMSET, msg));
                        assertEquals(Errno.OK, vmctl(t, msg, SysVmctlMsg.VMCTL_PT_MAP, victim, page, frame,
                                SysVmctlMsg.PTE_WRITABLE | SysVmctlMsg.PTE_USER));
                        assertEquals(Errno.OK, vmctl(t, msg, SysVmctlMsg.VMCTL_PT_GET, victim, page, 0, 0));
                        pteSeen.set(new SysVmctlMsg(msg).value());
                        assertEquals(Errno.OK, vmctl(t, msg, SysVmctlMsg.VMCTL_CLEAR_PAGEFAULT, victim, 0, 0, 0));
                    } else {
                        // The client is done: walk its address space, then take the page away again.
                        int client = msg.source();
                        assertEquals(Errno.OK, vmctl(t, msg, SysVmctlMsg.VMCTL_PT_NEXT, client, FAR - 4096 * 10, 0, 0));
                        firstMapped.set(new SysVmctlMsg(msg).address());
                        assertEquals(Errno.OK, vmctl(t, msg, SysVmctlMsg.VMCTL_PT_UNMAP, client, FAR, 0, 0));
                        afterUnmap.set(vmctl(t, msg, SysVmctlMsg.VMCTL_PT_NEXT, client, FAR, 0, 0));
                        t.sendnb(client, msg.clear());
                    }
                }
            }).inSlot(Endpoint.VM).withSigManagers(Endpoint.SELF, Endpoint.NONE));
            int client = m.spawn(ProcessSpec.system("client", args -> {
                Trap t = Trap.current();
                assertEquals(0, t.memory().readInt(FAR)); // faults; VM maps a zeroed frame
                t.memory().writeInt(FAR, 42);
                readBack.set(t.memory().readInt(FAR));
                Message msg = new Message(1);
                t.sendrec(Endpoint.VM, msg);
            }));
            clientEp.set(client);
            m.start();
            assertEquals(0, m.awaitExit(client, Duration.ofSeconds(10)));
            assertTrue(framesInUse.get() >= 0);
            assertEquals(1, faults.get()); // the write went to the page the read faulted in
            assertEquals(42, readBack.get());
            assertEquals(SysVmctlMsg.PTE_PRESENT | SysVmctlMsg.PTE_WRITABLE | SysVmctlMsg.PTE_USER, pteSeen.get() & 0xfff);
            assertEquals(FAR, firstMapped.get());
            assertEquals(Errno.ENOENT, afterUnmap.get());
        }
    }
}

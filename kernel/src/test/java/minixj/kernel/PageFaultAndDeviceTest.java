package minixj.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SysIrqctlMsg;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.ipc.layout.VmPagefaultMsg;

/** Page faults as messages to VM, and device interrupts at reproducible points. */
class PageFaultAndDeviceTest {
    @Test
    void pageFaultReachesVmAsAKernelForgedMessageOnTheProcessBehalf() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            AtomicInteger faults = new AtomicInteger();
            AtomicInteger faultSource = new AtomicInteger();
            AtomicLong faultAddress = new AtomicLong();
            AtomicInteger fromKernel = new AtomicInteger();
            m.spawn(ProcessSpec.system("vm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                while (true) {
                    assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                    if (msg.type() != VmPagefaultMsg.VM_PAGEFAULT) continue;
                    faults.incrementAndGet();
                    faultSource.set(msg.source());
                    faultAddress.set(new VmPagefaultMsg(msg).address());
                    if (Ipc.isFromKernel(t.ipcStatus())) fromKernel.incrementAndGet();
                    // This VM cannot map anything: it lets the process retry, which faults again.
                    int victim = msg.source();
                    new SysVmctlMsg(msg.clear()).endpoint(victim).request(DoMemory.VMCTL_CLEAR_PAGEFAULT);
                    assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_VMCTL, msg));
                }
            }).inSlot(Endpoint.VM).withSigManagers(Endpoint.SELF, Endpoint.NONE));
            int toucher = m.spawn(ProcessSpec.system("toucher", args -> {
                Trap.current().memory().readInt(0x4000_0000L); // outside the initial region
            }));
            m.start();
            // The access gives up after the retries and the program crashes (no manager: it ends).
            assertEquals(128 + Signals.SIGABRT, m.awaitExit(toucher, Duration.ofSeconds(10)));
            assertTrue(faults.get() >= 2, "faults: " + faults.get());
            assertEquals(faults.get(), fromKernel.get());
            assertEquals(toucher, faultSource.get());
            assertEquals(0x4000_0000L, faultAddress.get());
        }
    }

    /** A driver that registers IRQ 5 and counts interrupts, and a worker that keeps the CPU busy. */
    private static long runWithDevice(long seed, long hostDelayMillis) throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withSeed(seed).withWatchdog(0, false), l -> { })) {
            AtomicLong interrupts = new AtomicLong();
            int driver = m.spawn(ProcessSpec.system("driver", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                new SysIrqctlMsg(msg).request(SysIrqctlMsg.IRQ_SETPOLICY).irq(5).policy(SysIrqctlMsg.IRQ_REENABLE)
                        .notifyId(3);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_IRQCTL, msg));
                while (true) {
                    assertEquals(Errno.OK, t.receive(Endpoint.HARDWARE, msg));
                    interrupts.addAndGet(new NotifyMessage(msg).interrupts());
                }
            }));
            int worker = m.spawn(ProcessSpec.system("worker", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                for (int i = 0; i < 2000; i++) t.sendnb(driver, msg); // busy with kernel entries
            }));
            m.expectInterrupt(); // the device was started: virtual time waits for its interrupt
            Thread device = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(hostDelayMillis);
                } catch (InterruptedException e) {
                    return;
                }
                m.raiseInterrupt(5);
            });
            m.start();
            assertEquals(0, m.awaitExit(worker, Duration.ofSeconds(10)));
            device.join();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(10)));
            assertEquals(1L << 3, interrupts.get());
            return m.traceHash();
        }
    }

    @Test
    void interruptsArriveAtReproduciblePointsWhateverTheHostTiming() throws Exception {
        long fast = runWithDevice(9, 0);
        long slow = runWithDevice(9, 50);
        assertEquals(fast, slow);
    }
}

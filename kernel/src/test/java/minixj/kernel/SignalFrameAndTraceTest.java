package minixj.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysGetksigMsg;
import minixj.lib.ipc.layout.SysProcMsg;
import minixj.lib.ipc.layout.SysSigsendMsg;
import minixj.lib.ipc.layout.SysTraceMsg;
import minixj.lib.mem.MemoryLayout;

/** SYS_SIGSEND/SIGRETURN (handlers run by the process itself) and SYS_TRACE (the ptrace backend). */
class SignalFrameAndTraceTest {
    static final long DATA = MemoryLayout.INITIAL_REGION_BASE;

    private static Machine machine() {
        return new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { });
    }

    @Test
    void sigsendRunsTheHandlerBeforeTheInterruptedCallReturns() throws Exception {
        try (Machine m = machine()) {
            List<String> events = new CopyOnWriteArrayList<>();
            AtomicInteger sigreturnWithoutFrame = new AtomicInteger(1);
            AtomicInteger victimEp = new AtomicInteger();
            int pm = m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                int victim = msg.source();
                new SysSigsendMsg(msg.clear()).endpoint(victim);
                sigreturnWithoutFrame.set(t.kernelCall(SysCalls.SYS_SIGRETURN, msg));
                new SysSigsendMsg(msg.clear()).endpoint(victim).signal(Signals.SIGUSR1).handlerId(7);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_SIGSEND, msg));
                events.add("sigsend");
                t.sendnb(victim, msg.clear().type(Errno.EINTR));
                // The handler tells us it is done, as libc's sigreturn goes through PM.
                assertEquals(Errno.OK, t.receive(victim, msg));
                new SysSigsendMsg(msg.clear()).endpoint(victim);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_SIGRETURN, msg));
                t.sendnb(victim, msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }));
            int victim = m.spawn(ProcessSpec.user("victim", args -> {
                Trap t = Trap.current();
                t.signalFrameHandler((sig, id) -> {
                    events.add("handler " + sig + " " + id);
                    t.sendrec(pm, new Message(1)); // sigreturn
                });
                Message msg = new Message(0);
                int r = t.sendrec(pm, msg);
                events.add("call returned " + r + " type " + msg.type());
            }));
            victimEp.set(victim);
            m.start();
            assertEquals(0, m.awaitExit(victim, Duration.ofSeconds(10)));
            assertEquals(Errno.EINVAL, sigreturnWithoutFrame.get());
            assertEquals(List.of("sigsend", "handler " + Signals.SIGUSR1 + " 7", "call returned 0 type " + Errno.EINTR),
                    events);
        }
    }

    @Test
    void traceReadsAndWritesTheTracedProcessMemory() throws Exception {
        try (Machine m = machine()) {
            AtomicLong seenByTracer = new AtomicLong();
            AtomicLong seenByTracee = new AtomicLong();
            AtomicInteger badAddress = new AtomicInteger();
            int pm = m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                int tracee = msg.source();
                new SysTraceMsg(msg.clear()).request(SysTraceMsg.T_GETDATA).endpoint(tracee).address(DATA);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_TRACE, msg));
                seenByTracer.set(new SysTraceMsg(msg).data());
                new SysTraceMsg(msg.clear()).request(SysTraceMsg.T_SETDATA).endpoint(tracee).address(DATA).data(0x5678);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_TRACE, msg));
                new SysTraceMsg(msg.clear()).request(SysTraceMsg.T_GETDATA).endpoint(tracee).address(0x10);
                badAddress.set(t.kernelCall(SysCalls.SYS_TRACE, msg));
                t.sendnb(tracee, msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }));
            int tracee = m.spawn(ProcessSpec.user("tracee", args -> {
                Trap t = Trap.current();
                t.memory().writeInt(DATA, 0x1234);
                t.sendrec(pm, new Message());
                seenByTracee.set(t.memory().readInt(DATA));
            }));
            m.start();
            assertEquals(0, m.awaitExit(tracee, Duration.ofSeconds(10)));
            assertEquals(0x1234, seenByTracer.get());
            assertEquals(0x5678, seenByTracee.get());
            assertEquals(Errno.EFAULT, badAddress.get());
        }
    }

    @Test
    void syscallTracingStopsTheTraceeWithSigtrapAtEntryAndExit() throws Exception {
        try (Machine m = machine()) {
            AtomicInteger traps = new AtomicInteger();
            AtomicInteger served = new AtomicInteger();
            AtomicInteger traceeEp = new AtomicInteger();
            int pm = m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                while (true) {
                    assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                    if (msg.source() == Endpoint.SYSTEM) {
                        // Kernel signals for processes we manage: collect, count SIGTRAPs, let them go on.
                        while (true) {
                            msg.clear();
                            assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_GETKSIG, msg));
                            SysGetksigMsg k = new SysGetksigMsg(msg);
                            int ep = k.endpoint();
                            if (ep == Endpoint.NONE) break;
                            if (new minixj.lib.ipc.SigSet(k.sigsetLow(), k.sigsetHigh()).contains(Signals.SIGTRAP)) {
                                traps.incrementAndGet();
                            }
                            new SysProcMsg(msg.clear()).endpoint(ep);
                            assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_ENDKSIG, msg));
                        }
                        continue;
                    }
                    int from = msg.source();
                    if (msg.type() == 1) {
                        new SysTraceMsg(msg.clear()).request(SysTraceMsg.T_SYSCALL).endpoint(traceeEp.get());
                        assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_TRACE, msg));
                    } else {
                        served.incrementAndGet();
                    }
                    t.sendnb(from, msg.clear());
                }
            }).inSlot(Endpoint.PM)); // PM manages the signals of every user process
            int tracee = m.spawn(ProcessSpec.user("tracee", args -> {
                Trap t = Trap.current();
                t.sendrec(pm, new Message(1)); // ask to be traced
                t.sendrec(pm, new Message(2)); // a traced system call: stops before and after
            }));
            traceeEp.set(tracee);
            m.start();
            assertEquals(0, m.awaitExit(tracee, Duration.ofSeconds(10)));
            assertEquals(1, served.get());
            assertEquals(2, traps.get());
        }
    }
}

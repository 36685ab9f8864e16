package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;
import static minixj.tests.vm.VmHarness.*;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;

/**
 * A process that maps memory until VM says ENOMEM: mmap reserves frames, so every page it got can
 * be touched; others still get answers; VM_EXIT gives the frames back. User processes cannot take
 * the last few frames (VM's system reserve), so a system server can still fault pages in.
 */
class VmExhaustionTest {
    static final int REPORT = 7100;

    @Test
    void mmapUntilEnomemThenExitGivesTheFramesBack() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(2L << 20)) {
            bootVm(m);
            int hog = m.spawn(ProcessSpec.user("hog", args -> {
                Trap t = Trap.current();
                List<Long> pages = new ArrayList<>();
                for (long chunk : new long[] {64 * 1024, 4096}) {
                    long a;
                    while ((a = mmap(t, chunk)) > 0) {
                        for (long p = a; p < a + chunk; p += 4096) pages.add(p);
                    }
                    seen.put("lastError" + chunk, a);
                }
                for (long p : pages) t.memory().writeInt(p, (int) p); // all reserved: none may fail
                long sum = 0;
                for (long p : pages) sum += t.memory().readInt(p) == (int) p ? 1 : 0;
                seen.put("pages", (long) pages.size());
                seen.put("intact", sum);
                VmMsg i = info(t, Endpoint.SELF);
                seen.put("hogUsed", (long) i.usedFrames());
                seen.put("freeWhenFull", i.freeFrames());
                t.sendrec(Endpoint.PM, new Message(REPORT));
            }));
            int other = m.spawn(ProcessSpec.user("other", args -> {
                Trap t = Trap.current();
                t.sendrec(Endpoint.PM, new Message(REPORT)); // wait until the hog is done
                seen.put("otherInfo", (long) result(call(t, request().endpoint(Endpoint.SELF), VmMsg.VM_INFO)));
                seen.put("otherMmapWhenFull", mmap(t, 4096));
                t.sendrec(Endpoint.PM, new Message(REPORT)); // PM ends the hog
                long a = mmap(t, 4096);
                seen.put("otherMmapAfterExit", a);
                t.memory().writeInt(a, 99);
                seen.put("otherRead", (long) t.memory().readInt(a));
            }));
            m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                t.receive(hog, msg);
                t.receive(other, msg);
                t.sendnb(other, msg.clear());
                t.receive(other, msg);
                // A system server still gets a page while users have taken all they may.
                t.memory().writeInt(minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE + 40 * 4096, 5);
                seen.put("pmFault", t.memory().readInt(minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE + 40 * 4096) == 5
                        ? (long) Errno.OK : -1L);
                seen.put("freeBeforeExit", info(t, hog).freeFrames());
                t.sendnb(hog, msg.clear()); // the hog ends; PM tells VM
                seen.put("vmExit", (long) result(call(t, request().endpoint(hog), VmMsg.VM_EXIT)));
                seen.put("freeAfterExit", info(t, hog).freeFrames());
                seen.put("hogUsedAfterExit", (long) info(t, hog).usedFrames());
                t.sendnb(other, msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }).inSlot(Endpoint.PM));
            m.start();
            assertEquals(0, m.awaitExit(hog, Duration.ofSeconds(60)));
            assertEquals(0, m.awaitExit(other, Duration.ofSeconds(60)));
        }
        assertEquals(Errno.ENOMEM, seen.get("lastError65536"));
        assertEquals(Errno.ENOMEM, seen.get("lastError4096"));
        long pages = seen.get("pages");
        assertTrue(pages > 100, "a 2 MiB machine still has room for " + pages + " pages");
        assertEquals(pages, seen.get("intact"));
        assertEquals(pages, seen.get("hogUsed"));
        long reserve = seen.get("freeWhenFull");
        assertTrue(reserve > 0 && reserve <= 64, "only the system reserve is left: " + reserve);
        assertEquals(Errno.OK, seen.get("pmFault"), "PM could still fault a page in");
        assertEquals(Errno.OK, seen.get("otherInfo"));
        assertEquals(Errno.ENOMEM, seen.get("otherMmapWhenFull"));
        assertEquals(Errno.OK, seen.get("vmExit"));
        assertEquals(seen.get("freeBeforeExit") + pages, seen.get("freeAfterExit"));
        assertEquals(0, seen.get("hogUsedAfterExit"));
        assertTrue(seen.get("otherMmapAfterExit") > 0);
        assertEquals(99, seen.get("otherRead"));
    }

    @Test
    void aFaultWithNoFrameLeftGetsSigsegvAndVmKeepsServing() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(2L << 20)) {
            bootVm(m);
            int hog = m.spawn(ProcessSpec.user("hog", args -> {
                Trap t = Trap.current();
                long a;
                while ((a = mmap(t, 4096)) > 0) t.memory().writeInt(a, 1);
                seen.put("free", info(t, Endpoint.SELF).freeFrames());
                t.memory().writeInt(minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE + 4096, 1); // no frame left
                seen.put("survived", 1L);
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(60)));
            assertTrue(m.processInfo(hog).runState().contains("SIGNALED"), m.processInfo(hog).runState());
            int other = m.spawn(ProcessSpec.user("other", args -> {
                seen.put("otherInfo", (long) result(call(Trap.current(), request().endpoint(Endpoint.SELF), VmMsg.VM_INFO)));
            }));
            assertEquals(0, m.awaitExit(other, Duration.ofSeconds(20)));
        }
        assertTrue(seen.get("free") > 0 && seen.get("free") <= 64, "the system reserve: " + seen.get("free"));
        assertNull(seen.get("survived"));
        assertEquals(Errno.OK, seen.get("otherInfo"));
    }
}

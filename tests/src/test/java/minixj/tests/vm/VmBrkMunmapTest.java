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
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.mem.MemoryLayout;

/** brk grows and shrinks the heap after the initial region (whole pages past the break go back); munmap'd memory faults with SIGSEGV. */
class VmBrkMunmapTest {
    static final long HEAP = MemoryLayout.INITIAL_REGION_BASE + MemoryLayout.INITIAL_REGION_SIZE;

    private static VmMsg brk(Trap t, long address) {
        return call(t, request().address(address), VmMsg.VM_BRK);
    }

    @Test
    void brkGrowsAndShrinksTheHeap() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(0)) {
            bootVm(m);
            int client = m.spawn(ProcessSpec.user("heap", args -> {
                Trap t = Trap.current();
                seen.put("belowHeap", (long) result(brk(t, HEAP - 4096)));
                seen.put("tooFar", (long) result(brk(t, 0x4000_1000L)));
                VmMsg grown = brk(t, HEAP + 3 * 4096 + 100);
                seen.put("grow", (long) result(grown));
                seen.put("grownBreak", grown.address());
                long before = info(t, Endpoint.SELF).usedFrames();
                t.memory().writeInt(HEAP + 8, 5);
                t.memory().writeInt(HEAP + 3 * 4096 + 8, 7);
                seen.put("heapRead", (long) t.memory().readInt(HEAP + 3 * 4096 + 8));
                seen.put("usedGrowth", info(t, Endpoint.SELF).usedFrames() - before);
                VmMsg shrunk = brk(t, HEAP + 4096);
                seen.put("shrink", (long) result(shrunk));
                seen.put("shrunkBreak", shrunk.address());
                seen.put("usedAfterShrink", info(t, Endpoint.SELF).usedFrames() - before);
                seen.put("kept", (long) t.memory().readInt(HEAP + 8));
                t.memory().readInt(HEAP + 3 * 4096 + 8); // past the break now: SIGSEGV
                seen.put("survived", 1L);
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(20)));
            assertTrue(m.processInfo(client).runState().contains("SIGNALED"), m.processInfo(client).runState());
        }
        assertEquals(Errno.ENOMEM, seen.get("belowHeap"));
        assertEquals(Errno.ENOMEM, seen.get("tooFar"));
        assertEquals(Errno.OK, seen.get("grow"));
        assertEquals(HEAP + 3 * 4096 + 100, seen.get("grownBreak")); // exact; the heap ends on the next page
        assertEquals(7, seen.get("heapRead"));
        assertEquals(2, seen.get("usedGrowth"));
        assertEquals(Errno.OK, seen.get("shrink"));
        assertEquals(HEAP + 4096, seen.get("shrunkBreak"));
        assertEquals(1, seen.get("usedAfterShrink"));
        assertEquals(5, seen.get("kept"));
        assertNull(seen.get("survived"));
    }

    @Test
    void touchingMunmappedMemoryGetsSigsegv() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(0)) {
            bootVm(m);
            int client = m.spawn(ProcessSpec.user("unmapper", args -> {
                Trap t = Trap.current();
                long a = mmap(t, 2 * 4096);
                t.memory().writeInt(a, 1);
                t.memory().writeInt(a + 4096, 2);
                long used = info(t, Endpoint.SELF).usedFrames();
                seen.put("unaligned", (long) result(call(t, request().address(a + 1).length(4096), VmMsg.VM_MUNMAP)));
                seen.put("munmap", (long) result(call(t, request().address(a + 4096).length(4096), VmMsg.VM_MUNMAP)));
                seen.put("freed", used - info(t, Endpoint.SELF).usedFrames());
                seen.put("firstKept", (long) t.memory().readInt(a));
                t.memory().readInt(a + 4096); // unmapped: SIGSEGV
                seen.put("survived", 1L);
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(20)));
            assertTrue(m.processInfo(client).runState().contains("SIGNALED"), m.processInfo(client).runState());
        }
        assertEquals(Errno.EINVAL, seen.get("unaligned"));
        assertEquals(Errno.OK, seen.get("munmap"));
        assertEquals(1, seen.get("freed"));
        assertEquals(1, seen.get("firstKept"));
        assertNull(seen.get("survived"));
    }
}

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
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.sys.Sys;

/**
 * VM_RS_UPDATE, the slot swap of a live update: the kernel swaps two processes' slots (each
 * program, with its page table, moves to the other slot's endpoint) and VM's records of their
 * address spaces move with the programs, so each program's later faults, mappings and frame
 * counts are still its own. Only RS may ask.
 */
class VmUpdateTest {
    static final int PAGE = 4096;
    static final int READY = 7400;
    static final int REPORT = 7401;

    /** Maps two pages at {@code at}, writes {@code value}, waits to be swapped, then reports what it sees. */
    private static ProcessSpec program(String name, long at, int value, int extraPages, Map<String, Long> seen) {
        return ProcessSpec.system(name, args -> {
            Trap t = Trap.current();
            VmMsg r = call(t, request().address(at).length(6 * PAGE).prot(READ_WRITE)
                    .flags(ANON_PRIVATE | VmMsg.MAP_FIXED), VmMsg.VM_MMAP);
            assertEquals(Errno.OK, result(r));
            t.memory().writeInt(at, value);
            for (int i = 0; i < extraPages; i++) t.memory().writeInt(at + (2L + i) * PAGE, i); // sizes differ
            seen.put(name + "Forged", (long) result(call(t, request().endpoint(Endpoint.SELF).child(Endpoint.SELF),
                    VmMsg.VM_RS_UPDATE)));
            t.sendrec(Endpoint.RS, new Message(READY));
            // Possibly in the other slot now: a page never touched before must still be ours.
            t.memory().writeInt(at + PAGE, value + 1);
            seen.put(name + "NewPage", (long) t.memory().readInt(at + PAGE));
            seen.put(name + "OldPage", (long) t.memory().readInt(at));
            seen.put(name + "Endpoint", (long) Sys.whoami(t).endpoint());
            seen.put(name + "UsedAfter", (long) info(t, Endpoint.SELF).usedFrames());
            t.sendrec(Endpoint.RS, new Message(REPORT));
        });
    }

    @Test
    void addressSpacesFollowTheProgramsAcrossASlotSwap() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(0)) {
            bootVm(m);
            int a = m.spawn(program("a", 0x5000_0000L, 1100, 0, seen));
            int b = m.spawn(program("b", 0x6000_0000L, 2200, 3, seen));
            m.spawn(ProcessSpec.system("rs", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                t.receive(a, msg);
                t.receive(b, msg);
                seen.put("aUsedBefore", (long) info(t, a).usedFrames());
                seen.put("bUsedBefore", (long) info(t, b).usedFrames());
                seen.put("sameSlot", (long) result(call(t, request().endpoint(a).child(a), VmMsg.VM_RS_UPDATE)));
                seen.put("update", (long) result(call(t, request().endpoint(a).child(b), VmMsg.VM_RS_UPDATE)));
                seen.put("aUsedSwapped", (long) info(t, a).usedFrames());
                seen.put("bUsedSwapped", (long) info(t, b).usedFrames());
                t.sendnb(a, msg.clear()); // slot a's endpoint: program b is waiting there now
                t.sendnb(b, msg.clear());
                t.receive(Endpoint.ANY, msg);
                t.sendnb(msg.source(), msg.clear());
                t.receive(Endpoint.ANY, msg);
                t.sendnb(msg.source(), msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }).inSlot(Endpoint.RS));
            seen.put("slotA", (long) a);
            seen.put("slotB", (long) b);
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(30)));
            assertFalse(m.isAlive(a) && m.processInfo(a).runState().contains("SIGNALED"));
            assertFalse(m.isAlive(b) && m.processInfo(b).runState().contains("SIGNALED"));
        }
        assertEquals(Errno.ENOSYS, seen.get("aForged"));
        assertEquals(Errno.EINVAL, seen.get("sameSlot"));
        assertEquals(Errno.OK, seen.get("update"));
        // The programs changed slots (endpoints stay with the slots)...
        assertEquals(seen.get("slotB"), seen.get("aEndpoint"));
        assertEquals(seen.get("slotA"), seen.get("bEndpoint"));
        assertEquals(seen.get("aUsedBefore") + 3, seen.get("bUsedBefore"));
        // ...and VM's records went with them: each program's new page is its own, old values are kept.
        assertEquals(1101, seen.get("aNewPage"));
        assertEquals(1100, seen.get("aOldPage"));
        assertEquals(2201, seen.get("bNewPage"));
        assertEquals(2200, seen.get("bOldPage"));
        assertEquals(seen.get("aUsedBefore"), seen.get("bUsedSwapped"));
        assertEquals(seen.get("bUsedBefore"), seen.get("aUsedSwapped"));
        assertEquals(seen.get("aUsedBefore") + 1, seen.get("aUsedAfter"));
        assertEquals(seen.get("bUsedBefore") + 1, seen.get("bUsedAfter"));
    }
}

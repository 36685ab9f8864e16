package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;
import static minixj.tests.vm.VmHarness.*;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.mem.GrantEntry;
import minixj.lib.mem.GrantTable;
import minixj.lib.sys.GrantTables;

/**
 * Memory sharing through grants (VM_REMAP): a service grants a range of its memory, the grantee
 * maps it, and from then on both see the same frames — pages present before, and pages first
 * touched by either side after. Read-only grants map only read-only; a process that was not
 * granted the range cannot map it; VM_SHM_UNMAP ends the sharing.
 */
class VmRemapTest {
    static final int PAGE = 4096;
    static final int GO = 7300;
    static final int SIGSEGV_STATE = 1;

    @Test
    void aGrantedRangeIsSharedBothWays() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        long[] granted = new long[1];
        int[] grants = new int[2];
        AtomicBoolean grantsMade = new AtomicBoolean();
        try (Machine m = machine(0)) {
            bootVm(m);
            int[] grantee = new int[1];
            int[] stranger = new int[1];
            int granter = m.spawn(ProcessSpec.system("granter", args -> {
                Trap t = Trap.current();
                GrantTable table = GrantTables.open(t).grants();
                Message msg = new Message();
                long a = mmap(t, 3 * PAGE);
                granted[0] = a;
                t.memory().writeInt(a, 1111); // page 0 present before the remap, page 1 not
                t.receive(Endpoint.ANY, msg); // the grantee says who it is
                grants[0] = table.cpfGrantDirect(grantee[0], a, 2 * PAGE, GrantEntry.CPF_READ | GrantEntry.CPF_WRITE);
                grants[1] = table.cpfGrantDirect(grantee[0], a, 2 * PAGE, GrantEntry.CPF_READ);
                grantsMade.set(true);
                t.sendnb(grantee[0], msg.clear());
                t.receive(grantee[0], msg); // the grantee has mapped it and written
                seen.put("granterSeesGranteeWrite", (long) t.memory().readInt(a + PAGE));
                seen.put("granterRefs", (long) call(t, request().endpoint(Endpoint.SELF).address(a), VmMsg.VM_GETREF).refcount());
                long mine = call(t, request().endpoint(Endpoint.SELF).address(a), VmMsg.VM_GETPHYS).physical();
                long theirs = call(t, request().endpoint(grantee[0]).address(msg.getLong(0)), VmMsg.VM_GETPHYS).physical();
                seen.put("samePhysical", mine == theirs ? 1L : 0L);
                t.memory().writeInt(a + 8, 2222);
                t.memory().writeInt(a + 2 * PAGE, 3333); // outside the grant: not shared
                t.sendnb(grantee[0], msg.clear());
                t.receive(grantee[0], msg); // the grantee has unmapped it
                seen.put("granterRefsAfterUnmap",
                        (long) call(t, request().endpoint(Endpoint.SELF).address(a), VmMsg.VM_GETREF).refcount());
                seen.put("granterKeeps", (long) t.memory().readInt(a + PAGE));
                t.sendnb(grantee[0], msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }));
            grantee[0] = m.spawn(ProcessSpec.user("grantee", args -> {
                Trap t = Trap.current();
                Message msg = new Message(GO);
                t.sendrec(granter, msg);
                seen.put("badLength", (long) result(call(t, request().endpoint(granter).grant(grants[0]).length(PAGE + 1),
                        VmMsg.VM_REMAP)));
                seen.put("beyondGrant", (long) result(call(t, request().endpoint(granter).grant(grants[0]).length(3 * PAGE),
                        VmMsg.VM_REMAP)));
                seen.put("writeOnReadGrant", (long) result(call(t, request().endpoint(granter).grant(grants[1])
                        .length(2 * PAGE), VmMsg.VM_REMAP)));
                VmMsg ro = call(t, request().endpoint(granter).grant(grants[1]).length(2 * PAGE), VmMsg.VM_REMAP_RO);
                seen.put("readOnly", (long) result(ro));
                VmMsg rw = call(t, request().endpoint(granter).grant(grants[0]).length(2 * PAGE), VmMsg.VM_REMAP);
                seen.put("remap", (long) result(rw));
                long b = rw.address();
                seen.put("granteeSeesBefore", (long) t.memory().readInt(b));
                seen.put("readOnlySees", (long) t.memory().readInt(ro.address()));
                t.memory().writeInt(b + PAGE, 4444); // a page neither side had touched
                seen.put("readOnlySeesNewPage", (long) t.memory().readInt(ro.address() + PAGE));
                msg.clear().putLong(0, b);
                t.sendrec(granter, msg);
                seen.put("granteeSeesAfter", (long) t.memory().readInt(b + 8));
                seen.put("unmapNotStart", (long) result(call(t, request().address(b + PAGE), VmMsg.VM_SHM_UNMAP)));
                seen.put("shmUnmap", (long) result(call(t, request().address(b), VmMsg.VM_SHM_UNMAP)));
                t.sendrec(granter, msg.clear());
                t.memory().writeInt(ro.address(), 5); // read-only: SIGSEGV
                seen.put("wroteReadOnly", 1L);
            }));
            stranger[0] = m.spawn(ProcessSpec.user("stranger", args -> {
                Trap t = Trap.current();
                while (!grantsMade.get()) t.sendrec(Endpoint.VM, new Message(VmMsg.VM_INFO)); // until the grant exists
                seen.put("stranger", (long) result(call(t, request().endpoint(granter).grant(grants[0]).length(2 * PAGE),
                        VmMsg.VM_REMAP)));
            }));
            m.start();
            assertEquals(0, m.awaitExit(stranger[0], Duration.ofSeconds(30)));
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(30)));
            assertTrue(m.processInfo(grantee[0]).runState().contains("SIGNALED"), m.processInfo(grantee[0]).runState());
        }
        assertEquals(Errno.EINVAL, seen.get("badLength"));
        assertEquals(Errno.EPERM, seen.get("beyondGrant"));
        assertEquals(Errno.EPERM, seen.get("writeOnReadGrant"));
        assertEquals(Errno.EPERM, seen.get("stranger"));
        assertEquals(Errno.OK, seen.get("readOnly"));
        assertEquals(Errno.OK, seen.get("remap"));
        assertEquals(1111, seen.get("granteeSeesBefore"));
        assertEquals(1111, seen.get("readOnlySees"));
        assertEquals(4444, seen.get("readOnlySeesNewPage"));
        assertEquals(4444, seen.get("granterSeesGranteeWrite"));
        assertEquals(3, seen.get("granterRefs"), "the granter and two mappings of the grantee");
        assertEquals(1, seen.get("samePhysical"));
        assertEquals(2222, seen.get("granteeSeesAfter"));
        assertEquals(Errno.EINVAL, seen.get("unmapNotStart"));
        assertEquals(Errno.OK, seen.get("shmUnmap"));
        assertEquals(2, seen.get("granterRefsAfterUnmap"));
        assertEquals(4444, seen.get("granterKeeps"));
        assertNull(seen.get("wroteReadOnly"));
    }
}

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

/**
 * VM call masks by privilege id: every user process shares one mask, so RS's VM_RS_SET_PRIV on
 * one user process changes what all of them may call; a system process has its own, and may
 * call everything until RS has set it (the boot processes before RS); only RS may set masks. A
 * refused call gets ENOSYS, as in MINIX.
 */
class VmCallMaskTest {
    static final int READY = 7200;
    static final long INFO_ONLY = 1L << (VmMsg.VM_INFO - VmMsg.VM_RQ_BASE);
    static final long MMAP_ONLY = 1L << (VmMsg.VM_MMAP - VmMsg.VM_RQ_BASE);

    private static int getphys(Trap t) {
        return result(call(t, request().endpoint(Endpoint.SELF).address(minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE),
                VmMsg.VM_GETPHYS));
    }

    private static int setPriv(Trap t, int endpoint, long mask, boolean system) {
        return result(call(t, request().endpoint(endpoint).callMask(mask).flags(system ? 1 : 0), VmMsg.VM_RS_SET_PRIV));
    }

    /** Waits for RS's go-ahead (a sendrec that RS answers when it is this process's turn). */
    private static void turn(Trap t) {
        t.sendrec(Endpoint.RS, new Message(READY));
    }

    @Test
    void userProcessesShareOneMaskSystemProcessesHaveTheirOwn() throws Exception {
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(0)) {
            bootVm(m);
            int first = m.spawn(ProcessSpec.user("first", args -> {
                Trap t = Trap.current();
                seen.put("userMmap", mmap(t, 4096));
                seen.put("userGetphys", (long) getphys(t));
                seen.put("userSetPriv", (long) setPriv(t, Endpoint.SELF, -1L, false));
                turn(t); // RS now limits the user mask to VM_INFO, naming this process
                seen.put("firstMmapAfter", mmap(t, 4096));
                seen.put("firstInfoAfter", (long) result(call(t, request().endpoint(Endpoint.SELF), VmMsg.VM_INFO)));
            }));
            int second = m.spawn(ProcessSpec.user("second", args -> {
                Trap t = Trap.current();
                turn(t);
                // Never named by RS, yet its mask changed too: it is the same user mask.
                seen.put("secondMmapAfter", mmap(t, 4096));
                seen.put("secondInfoAfter", (long) result(call(t, request().endpoint(Endpoint.SELF), VmMsg.VM_INFO)));
            }));
            int service = m.spawn(ProcessSpec.system("service", args -> {
                Trap t = Trap.current();
                seen.put("bootGetphys", (long) getphys(t)); // no RS mask yet: everything
                seen.put("serviceForgesSetPriv", (long) setPriv(t, Endpoint.SELF, -1L, true));
                turn(t); // RS gives this service VM_MMAP only
                seen.put("serviceMmap", mmap(t, 4096) > 0 ? (long) Errno.OK : -1L);
                seen.put("serviceGetphys", (long) getphys(t));
                turn(t);
            }));
            int other = m.spawn(ProcessSpec.system("other", args -> {
                Trap t = Trap.current();
                turn(t); // RS has configured others, not this one
                seen.put("unconfiguredGetphys", (long) getphys(t));
            }));
            m.spawn(ProcessSpec.system("rs", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                t.receive(first, msg);
                t.receive(second, msg);
                t.receive(service, msg);
                t.receive(other, msg);
                seen.put("userAsSystem", (long) setPriv(t, first, INFO_ONLY, true));
                seen.put("setUser", (long) setPriv(t, first, INFO_ONLY, false));
                seen.put("systemAsUser", (long) setPriv(t, service, MMAP_ONLY, false));
                seen.put("setService", (long) setPriv(t, service, MMAP_ONLY, true));
                t.sendnb(first, msg.clear());
                t.sendnb(second, msg.clear());
                t.sendnb(service, msg.clear());
                t.receive(service, msg);
                t.sendnb(other, msg.clear());
                t.sendnb(service, msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }).inSlot(Endpoint.RS));
            m.start();
            assertEquals(0, m.awaitExit(first, Duration.ofSeconds(30)));
            assertEquals(0, m.awaitExit(second, Duration.ofSeconds(30)));
            assertEquals(0, m.awaitExit(other, Duration.ofSeconds(30)));
        }
        // Before RS: a user process has the basic calls, a boot service all of them.
        assertTrue(seen.get("userMmap") > 0);
        assertEquals(Errno.ENOSYS, seen.get("userGetphys"));
        assertEquals(Errno.OK, seen.get("bootGetphys"));
        // Only RS sets masks.
        assertEquals(Errno.ENOSYS, seen.get("userSetPriv"));
        assertEquals(Errno.ENOSYS, seen.get("serviceForgesSetPriv"));
        // The kind of mask must match the process: system processes do not share.
        assertEquals(Errno.EINVAL, seen.get("userAsSystem"));
        assertEquals(Errno.EINVAL, seen.get("systemAsUser"));
        assertEquals(Errno.OK, seen.get("setUser"));
        assertEquals(Errno.OK, seen.get("setService"));
        // One user mask for all user processes.
        assertEquals(Errno.ENOSYS, seen.get("firstMmapAfter"));
        assertEquals(Errno.OK, seen.get("firstInfoAfter"));
        assertEquals(Errno.ENOSYS, seen.get("secondMmapAfter"));
        assertEquals(Errno.OK, seen.get("secondInfoAfter"));
        // The service has exactly its own mask.
        assertEquals(Errno.OK, seen.get("serviceMmap"));
        assertEquals(Errno.ENOSYS, seen.get("serviceGetphys"));
        // Another service's mask is untouched by that.
        assertEquals(Errno.OK, seen.get("unconfiguredGetphys"));
    }
}

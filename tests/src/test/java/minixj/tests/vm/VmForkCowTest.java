package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;
import static minixj.tests.vm.VmHarness.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;

import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysExecMsg;
import minixj.lib.ipc.layout.SysForkMsg;
import minixj.lib.ipc.layout.SysPrivctlMsg;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.tests.programs.cowchild.CowChild;

/**
 * Fork with copy-on-write, driven the way PM drives it: SYS_FORK makes the child slot, VM_FORK
 * shares the parent's pages read-only, and SYS_EXEC starts the child's program from the image the
 * parent had in its memory (the kernel only reads those shared pages). Each side then writes the
 * same address and keeps its own value; VM_INFO shows the frames shared, then split.
 */
class VmForkCowTest {
    static final long IMAGE = MemoryLayout.INITIAL_REGION_BASE;
    static final int FORK_ME = 7000;
    static final int DONE = 7002;
    static final int PARENT_BEFORE = 111;
    static final int PARENT_AFTER = 333;
    static final int CHILD_SLOT = 40;

    @Test
    void parentAndChildEachGetTheirOwnCopyOnWrite() throws Exception {
        byte[] jar = jar("minixj.tests.programs.cowchild", "minixj.tests.programs.cowchild.CowChild").toBytes();
        byte[] argv = "cowchild\0".getBytes(StandardCharsets.UTF_8);
        Map<String, Long> seen = new ConcurrentHashMap<>();
        try (Machine m = machine(0)) {
            bootVm(m);
            int parent = m.spawn(ProcessSpec.user("parent", args -> {
                Trap t = Trap.current();
                t.memory().write(IMAGE, jar, 0, jar.length);
                t.memory().write(IMAGE + jar.length, argv, 0, argv.length);
                t.memory().writeInt(CowChild.ADDRESS, PARENT_BEFORE);
                Message msg = new Message(FORK_ME);
                msg.putInt(0, jar.length);
                msg.putInt(4, argv.length);
                t.sendrec(Endpoint.PM, msg); // PM forks us while we wait here
                seen.put("parentInherited", (long) t.memory().readInt(CowChild.ADDRESS));
                t.memory().writeInt(CowChild.ADDRESS, PARENT_AFTER);
                seen.put("parentReadBack", (long) t.memory().readInt(CowChild.ADDRESS));
                t.sendrec(Endpoint.PM, new Message(DONE));
            }));
            m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                t.receive(parent, msg);
                int jarLength = msg.getInt(0);
                int argvLength = msg.getInt(4);
                seen.put("parentUsedBeforeFork", (long) info(t, parent).usedFrames());
                new SysForkMsg(msg.clear()).parent(parent).slot(CHILD_SLOT);
                seen.put("sysFork", (long) t.kernelCall(SysCalls.SYS_FORK, msg));
                int child = new SysForkMsg(msg).child();
                seen.put("vmFork", (long) result(call(t, request().endpoint(parent).child(child), VmMsg.VM_FORK)));
                VmMsg p = info(t, parent);
                seen.put("parentUsed", (long) p.usedFrames());
                seen.put("parentSharedAfterFork", (long) p.sharedFrames());
                VmMsg c = info(t, child);
                seen.put("childUsedAfterFork", (long) c.usedFrames());
                seen.put("childSharedAfterFork", (long) c.sharedFrames());
                seen.put("freeAfterFork", c.freeFrames());
                new SysExecMsg(msg.clear()).endpoint(child).imageAddress(IMAGE).imageLength(jarLength)
                        .argsAddress(IMAGE + jarLength).argsLength(argvLength);
                seen.put("exec", (long) t.kernelCall(SysCalls.SYS_EXEC, msg));
                new SysPrivctlMsg(msg.clear()).endpoint(child).request(SysPrivctlMsg.ALLOW);
                t.kernelCall(SysCalls.SYS_PRIVCTL, msg);
                new SysSchedctlMsg(msg.clear()).flags(SysSchedctlMsg.FLAG_KERNEL).endpoint(child).priority(7)
                        .quantum(200).cpu(0);
                t.kernelCall(SysCalls.SYS_SCHEDCTL, msg);
                t.receive(child, msg);
                seen.put("childInherited", (long) msg.getInt(0));
                seen.put("childReadBack", (long) msg.getInt(4));
                c = info(t, child);
                seen.put("childSharedAfterWrite", (long) c.sharedFrames());
                seen.put("freeAfterChildWrite", c.freeFrames());
                t.sendnb(child, msg.clear());
                t.sendnb(parent, msg.clear()); // the parent may go on
                t.receive(parent, msg);
                p = info(t, parent);
                seen.put("parentSharedAfterWrites", (long) p.sharedFrames());
                seen.put("freeAfterParentWrite", p.freeFrames());
                seen.put("vmExit", (long) result(call(t, request().endpoint(child), VmMsg.VM_EXIT)));
                seen.put("freeAfterChildExit", info(t, parent).freeFrames());
                t.sendnb(parent, msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }).inSlot(Endpoint.PM));
            m.start();
            assertEquals(0, m.awaitExit(parent, Duration.ofSeconds(30)));
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(30)));
        }
        assertEquals(Errno.OK, seen.get("sysFork"));
        assertEquals(Errno.OK, seen.get("vmFork"));
        assertEquals(Errno.OK, seen.get("exec"));
        long used = seen.get("parentUsed");
        assertTrue(used > 1, "the image and the value take pages: " + used);
        assertEquals(used, seen.get("parentUsedBeforeFork"));
        // After VM_FORK every present page is shared by both.
        assertEquals(used, seen.get("parentSharedAfterFork"));
        assertEquals(used, seen.get("childUsedAfterFork"));
        assertEquals(used, seen.get("childSharedAfterFork"));
        // The child saw the parent's value, wrote its own into a fresh copy of that one page.
        assertEquals(PARENT_BEFORE, seen.get("childInherited"));
        assertEquals(CowChild.CHILD_VALUE, seen.get("childReadBack"));
        assertEquals(used - 1, seen.get("childSharedAfterWrite"));
        assertEquals(seen.get("freeAfterFork") - 1, seen.get("freeAfterChildWrite"));
        // The parent still had its own value; its write needed no copy (the frame was its alone).
        assertEquals(PARENT_BEFORE, seen.get("parentInherited"));
        assertEquals(PARENT_AFTER, seen.get("parentReadBack"));
        assertEquals(used - 1, seen.get("parentSharedAfterWrites"));
        assertEquals(seen.get("freeAfterChildWrite"), seen.get("freeAfterParentWrite"));
        // VM_EXIT of the child gives its copy back.
        assertEquals(Errno.OK, seen.get("vmExit"));
        assertEquals(seen.get("freeAfterFork"), seen.get("freeAfterChildExit"));
    }
}

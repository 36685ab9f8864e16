package minixj.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysCopyMsg;
import minixj.lib.ipc.layout.SysExecMsg;
import minixj.lib.ipc.layout.SysForkMsg;
import minixj.lib.ipc.layout.SysPrivctlMsg;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.mem.MemoryLayout;

/**
 * The kernel side of fork and exec, driven the way PM and VFS drive it: SYS_FORK makes a child
 * slot, the image and arguments are copied into the child's memory, SYS_EXEC starts the program,
 * and the child becomes runnable when it gets privileges and a scheduler.
 */
class ForkExecTest {
    static final long IMAGE = MemoryLayout.INITIAL_REGION_BASE;

    @Test
    void forkThenExecRunsTheProgramInTheChild() throws Exception {
        byte[] jar = JarImage.fromClasspath(getClass().getClassLoader(), "minixj.kernel.testprogs.greeter",
                "minixj.kernel.testprogs.greeter.Greeter").toBytes();
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            AtomicInteger child = new AtomicInteger();
            AtomicInteger greetingFrom = new AtomicInteger();
            AtomicInteger argCount = new AtomicInteger();
            int pm = m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                new SysForkMsg(msg).parent(myEndpoint(t)).slot(40);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_FORK, msg));
                int ep = new SysForkMsg(msg).child();
                assertEquals(40, Endpoint.slot(ep));
                assertEquals(1, Endpoint.generation(ep));
                child.set(ep);
                // Image and arguments into our own memory, then into the child's.
                byte[] argv = ("greeter\0" + myEndpoint(t) + "\0").getBytes(StandardCharsets.UTF_8);
                t.memory().write(IMAGE, jar, 0, jar.length);
                t.memory().write(IMAGE + jar.length, argv, 0, argv.length);
                new SysCopyMsg(msg.clear()).sourceEndpoint(Endpoint.SELF).sourceAddress(IMAGE)
                        .destinationEndpoint(ep).destinationAddress(IMAGE).length(jar.length + argv.length);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_VIRCOPY, msg));
                new SysExecMsg(msg.clear()).endpoint(ep).imageAddress(IMAGE).imageLength(jar.length)
                        .argsAddress(IMAGE + jar.length).argsLength(argv.length);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_EXEC, msg));
                new SysPrivctlMsg(msg.clear()).endpoint(ep).request(SysPrivctlMsg.ALLOW);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_PRIVCTL, msg));
                new SysSchedctlMsg(msg.clear()).flags(SysSchedctlMsg.FLAG_KERNEL).endpoint(ep).priority(7)
                        .quantum(200).cpu(0);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_SCHEDCTL, msg));
                assertEquals(Errno.OK, t.receive(ep, msg));
                greetingFrom.set(msg.source());
                argCount.set(msg.getInt(0));
                t.sendnb(msg.source(), msg.clear());
                while (true) t.receive(Endpoint.ANY, msg);
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(20)));
            assertEquals(child.get(), greetingFrom.get());
            assertEquals(2, argCount.get());
            assertEquals(0, m.awaitExit(child.get(), Duration.ofSeconds(5)));
            assertTrue(m.isAlive(pm));
        }
    }

    @Test
    void execOfARefusedImageGivesEnoexecAndKeepsTheOldProgram() throws Exception {
        byte[] garbage = "this is not a jar".getBytes(StandardCharsets.UTF_8);
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            AtomicInteger result = new AtomicInteger(1);
            m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                new SysForkMsg(msg).parent(myEndpoint(t)).slot(41);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_FORK, msg));
                int ep = new SysForkMsg(msg).child();
                t.memory().write(IMAGE, garbage, 0, garbage.length);
                new SysCopyMsg(msg.clear()).sourceEndpoint(Endpoint.SELF).sourceAddress(IMAGE)
                        .destinationEndpoint(ep).destinationAddress(IMAGE).length(garbage.length);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_VIRCOPY, msg));
                new SysExecMsg(msg.clear()).endpoint(ep).imageAddress(IMAGE).imageLength(garbage.length);
                result.set(t.kernelCall(SysCalls.SYS_EXEC, msg));
            }));
            m.start();
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(20)));
            assertEquals(Errno.ENOEXEC, result.get());
        }
    }

    @Test
    void execSameImageStartsTheForkedChildOnTheParentsProgramWithFreshStatics() throws Exception {
        JarImage forker = JarImage.fromClasspath(getClass().getClassLoader(), "minixj.kernel.testprogs.forker",
                "minixj.kernel.testprogs.forker.Main");
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            AtomicInteger parentCounter = new AtomicInteger(-1);
            AtomicInteger childCounter = new AtomicInteger(-1);
            AtomicInteger childArgs = new AtomicInteger(-1);
            AtomicInteger childArg = new AtomicInteger(-1);
            AtomicInteger badEntry = new AtomicInteger(1);
            int pm = m.spawn(ProcessSpec.system("pm", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg)); // the parent asks to fork
                int parent = msg.source();
                parentCounter.set(msg.getInt(0));
                for (int attempt = 0; attempt < 2; attempt++) {
                    new SysForkMsg(msg.clear()).parent(parent).slot(50 + attempt);
                    assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_FORK, msg));
                    int child = new SysForkMsg(msg).child();
                    String entry = attempt == 0 ? "minixj.kernel.testprogs.forker.Nope" : "minixj.kernel.testprogs.forker.Child";
                    byte[] argv = (entry + "\0" + myEndpoint(t) + "\0" + 7 + "\0").getBytes(StandardCharsets.UTF_8);
                    t.memory().write(IMAGE, argv, 0, argv.length);
                    new SysCopyMsg(msg.clear()).sourceEndpoint(Endpoint.SELF).sourceAddress(IMAGE)
                            .destinationEndpoint(child).destinationAddress(IMAGE).length(argv.length);
                    assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_VIRCOPY, msg));
                    new SysExecMsg(msg.clear()).endpoint(child).flags(SysExecMsg.EXEC_SAME_IMAGE).sourceEndpoint(parent)
                            .argsAddress(IMAGE).argsLength(argv.length);
                    int r = t.kernelCall(SysCalls.SYS_EXEC, msg);
                    if (attempt == 0) {
                        badEntry.set(r); // no such class in the image
                        continue;
                    }
                    assertEquals(Errno.OK, r);
                    // A user parent's child shares the user privileges already (no NO_PRIV to lift).
                    new SysSchedctlMsg(msg.clear()).flags(SysSchedctlMsg.FLAG_KERNEL).endpoint(child).priority(7)
                            .quantum(200).cpu(0);
                    assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_SCHEDCTL, msg));
                    assertEquals(Errno.OK, t.receive(child, msg));
                    childCounter.set(msg.getInt(0));
                    childArgs.set(msg.getInt(4));
                    childArg.set(msg.getInt(8));
                    t.sendnb(child, msg.clear());
                }
                t.sendnb(parent, msg.clear());
            }));
            int parent = m.spawn(ProcessSpec.user(forker).withArgs("forker", String.valueOf(pm)));
            m.start();
            assertEquals(0, m.awaitExit(parent, Duration.ofSeconds(20)));
            assertEquals(0, m.awaitExit(pm, Duration.ofSeconds(20)));
            assertEquals(minixj.lib.ipc.Errno.ENOEXEC, badEntry.get());
            assertEquals(41, parentCounter.get());
            assertEquals(0, childCounter.get()); // the child's statics are its own: Main never ran there
            assertEquals(2, childArgs.get());
            assertEquals(7, childArg.get());
        }
    }

    private static int myEndpoint(Trap t) {
        Message msg = new Message();
        new minixj.lib.ipc.layout.SysGetinfoMsg(msg).request(minixj.lib.ipc.layout.SysGetinfoMsg.GET_WHOAMI);
        assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_GETINFO, msg));
        return new minixj.lib.ipc.layout.SysGetinfoMsg(msg).endpoint();
    }
}

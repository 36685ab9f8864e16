package minixj.tests.system;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.ExecException;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysSetalarmMsg;

/** Runaway and forbidden programs: the kernel stops them and the rest of the machine keeps running. */
class HostileProgramsTest {
    private static JarImage program(String pkg, String main) {
        return JarImage.fromClasspath(HostileProgramsTest.class.getClassLoader(), pkg, main);
    }

    /** A system process at a better priority that counts clock alarms, one per tick. */
    private static int heartbeat(Machine m, AtomicInteger beats) throws ExecException {
        return m.spawn(ProcessSpec.system("heartbeat", args -> {
            Trap t = Trap.current();
            Message msg = new Message();
            while (true) {
                new SysSetalarmMsg(msg.clear()).expiry(1).absolute(0);
                assertEquals(Errno.OK, t.kernelCall(SysCalls.SYS_SETALARM, msg));
                assertEquals(Errno.OK, t.receive(Endpoint.CLOCK, msg));
                assertTrue(Ipc.isNotify(t.ipcStatus()));
                beats.incrementAndGet();
            }
        }).withPriority(3));
    }

    private static void awaitAtLeast(AtomicInteger counter, int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (counter.get() < n) {
            assertTrue(System.nanoTime() < deadline, "counter stuck at " + counter.get());
            Thread.sleep(1);
        }
    }

    private void spinnerIsKilledWhileOthersRun(KernelConfig config, JarImage image) throws Exception {
        try (Machine m = new Machine(config, line -> { })) {
            AtomicInteger beats = new AtomicInteger();
            heartbeat(m, beats);
            int spinner = m.spawn(ProcessSpec.user(image));
            m.start();
            awaitAtLeast(beats, 20); // the spinner runs, yet the heartbeat keeps beating
            assertTrue(m.isAlive(spinner));
            long t0 = System.nanoTime();
            m.kill(spinner);
            int status = m.awaitExit(spinner, Duration.ofSeconds(10));
            long micros = (System.nanoTime() - t0) / 1000;
            System.out.println("kill of " + image.name() + " took " + micros + " us (" + config + ")");
            assertEquals(128 + Signals.SIGKILL, status);
            assertFalse(m.isAlive(spinner));
            int before = beats.get();
            awaitAtLeast(beats, before + 5);
        }
    }

    @Test
    void spinnerWithoutKernelCallsIsKilledInVirtualTime() throws Exception {
        spinnerIsKilledWhileOthersRun(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false),
                program("minixj.tests.programs.spinner", "minixj.tests.programs.spinner.Spinner"));
    }

    @Test
    void spinnerThatCatchesThrowableIsKilledInRealTime() throws Exception {
        spinnerIsKilledWhileOthersRun(KernelConfig.defaults().withHz(1000).withWatchdog(0, false),
                program("minixj.tests.programs.catcher", "minixj.tests.programs.catcher.Catcher"));
    }

    @Test
    void spinnerThatCatchesThrowableIsKilledDeterministically() throws Exception {
        spinnerIsKilledWhileOthersRun(KernelConfig.defaults().withSeed(7L).withWatchdog(0, false),
                program("minixj.tests.programs.catcher", "minixj.tests.programs.catcher.Catcher"));
    }

    @Test
    void programReferencingJavaIoFileIsRefusedWithEnoexec() {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true), line -> { })) {
            ExecException e = assertThrows(ExecException.class,
                    () -> m.spawn(ProcessSpec.user(program("minixj.tests.programs.evil", "minixj.tests.programs.evil.Evil"))));
            assertEquals(Errno.ENOEXEC, e.errno());
            assertTrue(e.getMessage().contains("java/io/File"), e.getMessage());
        }
    }
}

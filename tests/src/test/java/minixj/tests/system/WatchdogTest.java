package minixj.tests.system;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;

/** The lockup detector: it reports processes that stop entering the kernel, and kills when told to. */
class WatchdogTest {
    private static void awaitLine(List<String> lines, String fragment) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (lines.stream().noneMatch(l -> l.contains(fragment))) {
            assertTrue(System.nanoTime() < deadline, "no line with '" + fragment + "' in " + lines);
            Thread.sleep(2);
        }
    }

    @Test
    void reportsAProcessStuckWithoutKernelEntriesOrPolls() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        AtomicBoolean release = new AtomicBoolean();
        try (Machine m = new Machine(KernelConfig.defaults().withWatchdog(30, false), lines::add)) {
            // A Java body is not instrumented: this loop neither polls nor enters the kernel,
            // like a program stuck inside uninstrumented library code.
            int stuck = m.spawn(ProcessSpec.user("stuck", args -> {
                while (!release.get()) {
                    Thread.onSpinWait();
                }
            }));
            m.start();
            awaitLine(lines, "watchdog: stuck has neither entered the kernel nor polled");
            release.set(true);
            assertEquals(0, m.awaitExit(stuck, Duration.ofSeconds(10)));
        }
    }

    @Test
    void killsAHogWhenToldTo() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (Machine m = new Machine(KernelConfig.defaults().withWatchdog(20, true), lines::add)) {
            int hog = m.spawn(ProcessSpec.user("hog", args -> {
                Trap t = Trap.current();
                while (true) {
                    t.poll(); // polls, but never makes a kernel call
                }
            }));
            m.start();
            assertEquals(128 + Signals.SIGKILL, m.awaitExit(hog, Duration.ofSeconds(20)));
            assertTrue(lines.stream().anyMatch(l -> l.contains("watchdog: hog has run")), lines.toString());
        }
    }
}

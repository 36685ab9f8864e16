package minixj.tests.posixtests;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import minixj.boot.BootImage;
import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;

/**
 * Runs one of the in-OS test programs ({@code minixj.commands.posixtests}, MINIX's test1, test2,
 * ...) inside a machine with SCHED, VFS (with the boot files), VM and PM, in virtual time, as
 * INIT (pid 1), and checks that it printed
 * {@code Test N ok}.
 */
final class InOsTests {
    private InOsTests() {
    }

    static JarImage jar(String pkg, String main) {
        return JarImage.fromClasspath(InOsTests.class.getClassLoader(), pkg, main);
    }

    /** Runs {@code test} (for example "test1") with {@code args}; returns the kernel log. */
    static List<String> run(String test, String... args) throws Exception {
        List<String> log = new CopyOnWriteArrayList<>();
        KernelConfig config = KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false);
        try (Machine m = new Machine(config, log::add)) {
            BootImage.standard().loadServers(m);
            String[] full = new String[args.length + 1];
            full[0] = test;
            System.arraycopy(args, 0, full, 1, args.length);
            int program = m.spawn(ProcessSpec.user(jar("minixj.commands.posixtests", "minixj.commands.posixtests.Main"))
                    .inSlot(Endpoint.INIT).withArgs(full));
            m.holdForScheduler(program); // until PM and VFS know it, as at boot
            m.start();
            try {
                m.awaitExit(program, Duration.ofSeconds(60));
            } catch (java.util.concurrent.TimeoutException e) {
                log.add("harness: " + test + " did not end within 60 s; processes:\n" + m.processDump());
            }
        }
        return List.copyOf(log);
    }

    /** Runs {@code test} and asserts it reported {@code ok}. */
    static void assertPasses(String test, String... args) throws Exception {
        List<String> log = run(test, args);
        String expected = "Test " + test.replace("test", "") + " ok";
        assertTrue(log.contains(expected), () -> test + " did not pass:\n" + String.join("\n", log));
    }
}

package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Boots PM (and optionally SCHED) from their JARs with the posix test program in INIT's slot,
 * and collects the lines the program reports through a small reporter process.
 */
final class PmHarness {
    static final int LINE = 0x7E57;

    private PmHarness() {
    }

    static JarImage jar(String pkg, String main) {
        return JarImage.fromClasspath(PmHarness.class.getClassLoader(), pkg, main);
    }

    /** Runs scenario {@code args[0]} (more args follow it) and returns the reported lines. */
    static List<String> run(boolean withSched, String... args) throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            return run(m, withSched, args);
        }
    }

    static List<String> run(Machine m, boolean withSched, String... args) throws Exception {
        return run(m, withSched, false, args);
    }

    /** With VM in its slot too (PM then does VM_FORK and VM_EXIT). */
    static List<String> run(Machine m, boolean withSched, boolean withVm, String... args) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        int program = start(m, withSched, withVm, lines, args);
        assertEquals(0, m.awaitExit(program, Duration.ofSeconds(120)), () -> "program failed: " + lines + "\n" + m.log());
        return List.copyOf(lines);
    }

    /** Runs a scenario that ends the machine (reboot); returns its lines once the machine halted. */
    static List<String> runUntilHalt(Machine m, String... args) throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        start(m, false, false, lines, args);
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (!m.halted() && System.nanoTime() < deadline) Thread.sleep(10);
        return List.copyOf(lines);
    }

    private static int start(Machine m, boolean withSched, boolean withVm, List<String> lines, String... args)
            throws Exception {
        int reporter = m.spawn(ProcessSpec.system("reporter", a -> {
            Trap t = Trap.current();
            Message msg = new Message();
            while (true) {
                if (t.receive(Endpoint.ANY, msg) != Errno.OK || Ipc.isNotify(t.ipcStatus())) continue;
                if (msg.type() == LINE) lines.add(text(msg));
                t.sendnb(msg.source(), msg.clear());
            }
        }));
        if (withSched) {
            m.spawn(ProcessSpec.system(jar("minixj.servers.sched", "minixj.servers.sched.Sched")).inSlot(Endpoint.SCHED));
        }
        if (withVm) {
            m.spawn(ProcessSpec.system(jar("minixj.servers.vm", "minixj.servers.vm.Vm")).inSlot(Endpoint.VM)
                    .withSigManagers(Endpoint.SELF, Endpoint.NONE));
        }
        m.spawn(ProcessSpec.system(jar("minixj.servers.pm", "minixj.servers.pm.Pm")).inSlot(Endpoint.PM));
        String[] full = new String[args.length + 2];
        full[0] = "posix";
        full[1] = String.valueOf(reporter);
        System.arraycopy(args, 0, full, 2, args.length);
        int program = m.spawn(ProcessSpec.user(jar("minixj.tests.programs.posix", "minixj.tests.programs.posix.Main"))
                .inSlot(Endpoint.INIT).withArgs(full));
        m.start();
        return program;
    }

    private static String text(Message msg) {
        byte[] b = new byte[Message.PAYLOAD_SIZE];
        int n = 0;
        while (n < b.length && msg.getByte(n) != 0) {
            b[n] = msg.getByte(n);
            n++;
        }
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }
}

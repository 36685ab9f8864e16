package minixj.tests.system;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/** The example of docs/PROGRAMS.md works as written there. */
class ProgramsExampleTest {
    @Test
    void greeterAnswersItsClient() throws Exception {
        JarImage greeter = JarImage.fromClasspath(getClass().getClassLoader(), "minixj.tests.programs.greeter",
                "minixj.tests.programs.greeter.Greeter");
        List<String> log = new CopyOnWriteArrayList<>();
        try (Machine m = new Machine(KernelConfig.defaults().withSeed(1L), log::add)) {
            int service = m.spawn(ProcessSpec.system(greeter));
            AtomicInteger answer = new AtomicInteger();
            int client = m.spawn(ProcessSpec.user("client", args -> {
                Message msg = new Message(41);
                Trap.current().sendrec(service, msg);
                answer.set(msg.type());
            }));
            m.start();
            assertEquals(0, m.awaitExit(client, Duration.ofSeconds(5)));
            assertEquals(42, answer.get());
            assertTrue(log.contains("greeter: ready"), log.toString());
        }
    }

    @Test
    void posixSpawnExampleRunsEchoAndReportsItsStatus() throws Exception {
        ClassLoader cl = getClass().getClassLoader();
        List<String> log = new CopyOnWriteArrayList<>();
        try (Machine m = new Machine(KernelConfig.defaults().withSeed(1L), log::add)) {
            minixj.boot.BootImage.standard().loadServers(m);
            int demo = m.spawn(ProcessSpec.user(JarImage.fromClasspath(cl, "minixj.tests.programs.demo",
                    "minixj.tests.programs.demo.Demo")).inSlot(minixj.lib.ipc.Endpoint.INIT));
            m.holdForScheduler(demo);
            m.start();
            m.awaitExit(demo, Duration.ofSeconds(20));
        }
        // INIT is pid 1; PM numbers the servers 2.. and the spawned echo comes after them.
        assertTrue(log.contains("hello from pid 1"), log::toString);
        assertTrue(log.indexOf("echo ended with status 0") > log.indexOf("hello from pid 1"), log::toString);
    }
}

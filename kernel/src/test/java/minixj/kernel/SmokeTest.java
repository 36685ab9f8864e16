package minixj.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

class SmokeTest {
    @Test
    void sendrecRoundTrips() throws Exception {
        KernelConfig cfg = KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false);
        try (Machine m = new Machine(cfg, System.out::println)) {
            AtomicInteger served = new AtomicInteger();
            int server = m.spawn(ProcessSpec.system("echo", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                while (true) {
                    assertEquals(Errno.OK, t.receive(Endpoint.ANY, msg));
                    int from = msg.source();
                    msg.type(msg.type() + 1);
                    served.incrementAndGet();
                    assertEquals(Errno.OK, t.sendnb(from, msg));
                }
            }));
            AtomicInteger last = new AtomicInteger();
            int client = m.spawn(ProcessSpec.user("client", args -> {
                Trap t = Trap.current();
                Message msg = new Message();
                for (int i = 0; i < 1000; i++) {
                    msg.type(i);
                    assertEquals(Errno.OK, t.sendrec(server, msg));
                    assertEquals(i + 1, msg.type());
                    assertEquals(server, msg.source());
                }
                last.set(msg.type());
            }));
            m.start();
            assertEquals(0, m.awaitExit(client, Duration.ofSeconds(10)));
            assertEquals(1000, last.get());
            assertEquals(1000, served.get());
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(5)));
        }
    }
}

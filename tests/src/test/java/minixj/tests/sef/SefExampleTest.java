package minixj.tests.sef;

import static minixj.tests.sef.SefHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SigsSignalMsg;
import minixj.lib.sef.InitType;

/** The SEF example of docs/PROGRAMS.md (the Counter program, run as a JAR) works as written. */
class SefExampleTest {
    private static JarImage counter() {
        return JarImage.fromClasspath(SefExampleTest.class.getClassLoader(), "minixj.tests.programs.counter",
                "minixj.tests.programs.counter.Counter");
    }

    private static int count(Trap t, int service) {
        Message m = new Message(1);
        assertEquals(Errno.OK, t.sendrec(service, m));
        assertEquals(Errno.OK, m.type());
        return m.getInt(0);
    }

    @Test
    void theCounterServesUntilSigterm() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(ProcessSpec.system(counter()));
            List<Integer> counts = new CopyOnWriteArrayList<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, service);
                counts.add(count(t, service));
                counts.add(count(t, service));
                Message signal = new Message(SigsSignalMsg.SIGS_SIGNAL_RECEIVED);
                new SigsSignalMsg(signal).signal(Signals.SIGTERM);
                assertEquals(Errno.OK, t.send(service, signal));
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(0, h.awaitExit(service), "main returned");
            assertEquals(List.of(1, 2), counts);
            assertTrue(h.machine.log().stream().anyMatch(l -> l.endsWith(": stopping after 2 requests")),
                    h.machine.log().toString());
        }
    }

    @Test
    void theCounterKeepsItsEndpointAfterARestart() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(ProcessSpec.system(counter()));
            int dead = Endpoint.make(3, 40);
            int[] result = {1};
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                sendInit(t, service, InitType.RESTART, 0, dead, 1, 0);
                result[0] = awaitCheckIn(t, service);
                answer(t, service, Errno.OK);
                assertEquals(1, count(t, service));
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(Errno.OK, result[0], "the restart init keeps the endpoint");
            assertTrue(h.machine.log().stream().anyMatch(l -> l.endsWith("restarted (1), the dead instance was " + dead)),
                    h.machine.log().toString());
        }
    }
}

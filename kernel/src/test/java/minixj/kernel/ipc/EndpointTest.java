package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;

/**
 * Spec §2.1: endpoint = generation * 32768 + slot; MINIX test39's round trip over every slot and
 * generation; generations wrap to 1; a stale endpoint of a reused slot is refused.
 */
class EndpointTest {
    @Test
    void constantsMatchMinix() {
        assertEquals(31744, Endpoint.ANY);
        assertEquals(31743, Endpoint.NONE);
        assertEquals(31742, Endpoint.SELF);
        assertEquals(32768, Endpoint.GENERATION_SIZE);
        assertEquals(65534, Endpoint.MAX_GENERATION);
        assertEquals(-5, Endpoint.ASYNCM);
        assertEquals(-2, Endpoint.SYSTEM);
        assertEquals(8, Endpoint.VM);
    }

    @Test
    void everySlotAndGenerationRoundTrips() {
        // test39: exhaustive, as MINIX's test does.
        for (int g = 0; g <= Endpoint.MAX_GENERATION; g++) {
            for (int s = -Endpoint.NR_TASKS; s < Endpoint.NR_PROCS; s++) {
                int e = Endpoint.make(g, s);
                if (Endpoint.slot(e) != s || Endpoint.generation(e) != g) {
                    fail("endpoint " + e + " of slot " + s + " generation " + g + " decodes to slot "
                            + Endpoint.slot(e) + " generation " + Endpoint.generation(e));
                }
            }
        }
    }

    @Test
    void generationZeroEndpointsAreTheSlotNumbers() {
        for (int s = -Endpoint.NR_TASKS; s < Endpoint.NR_PROCS; s++) assertEquals(s, Endpoint.make(0, s));
        assertEquals(0, Endpoint.generation(Endpoint.ANY));
        assertEquals(Endpoint.ANY, Endpoint.slot(Endpoint.ANY));
    }

    @Test
    void nextGenerationWrapsToOneNeverZero() {
        assertEquals(1, Endpoint.nextGeneration(0));
        assertEquals(2, Endpoint.nextGeneration(1));
        assertEquals(Endpoint.MAX_GENERATION, Endpoint.nextGeneration(Endpoint.MAX_GENERATION - 1));
        assertEquals(1, Endpoint.nextGeneration(Endpoint.MAX_GENERATION));
    }

    @Test
    void staleEndpointOfAReusedSlotGivesEdeadsrcdst() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int old = h.spawn(ProcessSpec.system("old", args -> { }).inSlot(40));
            h.start();
            h.awaitClean(old);
            int fresh = h.spawn(ProcessSpec.system("fresh", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                expect(OK, t.sendnb(m.source(), m.type(m.type() + 1)), "reply");
            }).inSlot(40));
            assertEquals(Endpoint.slot(old), Endpoint.slot(fresh));
            assertEquals(Endpoint.nextGeneration(Endpoint.generation(old)), Endpoint.generation(fresh));
            int prober = h.system("prober", args -> {
                Trap t = Trap.current();
                Message m = new Message(1);
                expect(EDEADSRCDST, t.send(old, m), "send to the stale endpoint");
                expect(EDEADSRCDST, t.sendnb(old, m), "sendnb to the stale endpoint");
                expect(EDEADSRCDST, t.notify(old), "notify the stale endpoint");
                expect(EDEADSRCDST, t.receive(old, m), "receive from the stale endpoint");
                expect(OK, t.sendrec(fresh, m.type(1)), "sendrec to the new endpoint");
                expect(2, m.type(), "reply");
            });
            h.awaitClean(prober, fresh);
        }
    }

    @Test
    void reusedBootSlotLeavesGenerationZero() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int first = h.spawn(ProcessSpec.system("mem", args -> { }).inSlot(Endpoint.MEM));
            assertEquals(Endpoint.MEM, first, "boot slots start as their generation-0 endpoint");
            h.start();
            h.awaitClean(first);
            int second = h.spawn(ProcessSpec.system("mem2", args -> { }).inSlot(Endpoint.MEM));
            assertEquals(Endpoint.make(1, Endpoint.MEM), second);
            assertNotEquals(first, second);
            h.awaitClean(second);
        }
    }
}

package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.lib.ipc.Endpoint;

/** MINIX test12: many fork/exit/wait cycles, with SCHED scheduling the children; no slot leaks. */
class PmForkCyclesTest {
    @Test
    void thousandForkExitWaitCyclesLeaveNoProcessBehind() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            List<String> lines = PmHarness.run(m, true, "cycles", "1000");
            assertEquals(List.of("cycles 1000 bad 0", "then no child -10", "done"), lines);
            // Left: PM, SCHED and the reporter (the program itself has exited through PM).
            String dump = m.processDump();
            List<Integer> slots = dump.lines().skip(1).map(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                    .filter(slot -> slot >= 0).sorted().toList();
            assertEquals(List.of(Endpoint.PM, Endpoint.SCHED, reporterSlot(dump)), slots, dump);
        }
    }

    private static int reporterSlot(String dump) {
        return dump.lines().filter(l -> l.contains("reporter")).mapToInt(l -> Integer.parseInt(l.trim().split("\\s+")[0]))
                .findFirst().orElse(-1);
    }

    @Test
    void forkFailsWithEagainWhenTheTableIsFullAndUsersLeaveTheLastSlots() throws Exception {
        assertEquals(List.of("root forks more 2 eagain true", "done"), PmHarness.run(false, "limit"));
    }
}

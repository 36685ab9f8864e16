package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;

/** PM never reads host time or blocks outside the kernel: a seeded run is reproducible event for event. */
class PmDeterminismTest {
    private record Run(List<String> lines, String hash) {
    }

    private static Run run(long seed) throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withSeed(seed).withWatchdog(0, false), l -> { })) {
            List<String> lines = PmHarness.run(m, false, "wait");
            assertTrue(m.awaitQuiescent(Duration.ofSeconds(30))); // the hash covers the whole run
            return new Run(lines, String.valueOf(m.traceHash()));
        }
    }

    @Test
    void theSameSeedGivesTheSameRun() throws Exception {
        Run a = run(42L);
        Run b = run(42L);
        assertEquals(a, b);
        assertEquals("done", a.lines().get(a.lines().size() - 1));
        assertNotEquals(0, a.lines().size());
    }
}

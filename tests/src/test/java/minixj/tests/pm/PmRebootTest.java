package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;

/**
 * reboot: EPERM for non-root; for root, user processes get SIGTERM (a handler runs), then
 * SIGKILL, and the kernel halts the machine; the caller never returns.
 */
class PmRebootTest {
    @Test
    void rootHaltsTheMachineAfterTermThenKill() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            List<String> lines = PmHarness.runUntilHalt(m, "reboot");
            assertTrue(m.halted(), () -> "not halted: " + lines);
            assertEquals(List.of("user reboot -1", "rebooting", "child got SIGTERM"), lines);
            assertTrue(m.haltReason().startsWith("halt"), m.haltReason());
            assertTrue(m.log().stream().anyMatch(l -> l.contains("halt requested by")), () -> String.join("\n", m.log()));
        }
    }
}

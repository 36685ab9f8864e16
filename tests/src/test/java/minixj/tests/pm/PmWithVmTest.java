package minixj.tests.pm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;

/** PM with VM and SCHED: fork copies the address space (copy-on-write), exit gives it back. */
class PmWithVmTest {
    @Test
    void forkedChildrenSeeTheParentsMemoryAndTheirWritesStayTheirs() throws Exception {
        try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
            assertEquals(List.of("memory forks 50 bad 0", "free frames back true", "done"), PmHarness.run(m, true, true, "memory", "50"));
        }
    }
}

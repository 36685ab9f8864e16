package minixj.servers.rs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.rs.RsStart;
import minixj.lib.rs.RsStartFlags;
import minixj.lib.rs.SysFlags;
import minixj.lib.rs.config.IoRange;
import org.junit.jupiter.api.Test;

/** Request checks and slot settings from rs_start (spec §1.9). */
class SlotSettingsTest {
    private static RsStart start(int flags, String label, String script, int scheduler, int priority, int quantum,
                                 int sigmgr, int cpu, String ipc, boolean allIrqs) {
        return new RsStart(flags, "/service/drv -v", "drv", label, "", script, 0, sigmgr, scheduler, priority, quantum,
                cpu, 9, 0, 60, 0, -1, 0x55, 0x66, ipc, allIrqs, List.of(4), false, List.of(new IoRange(0x60, 4)),
                List.of(), List.of(), List.of("other"), List.of());
    }

    private static RsStart plain() {
        return start(0, "", "", Endpoint.SCHED, 3, 100, Endpoint.RS, -1, "SYSTEM pm", false);
    }

    @Test
    void requestChecks() {
        assertEquals(Errno.OK, SlotSettings.check(plain()));
        assertEquals(Errno.OK, SlotSettings.check(start(0, "", "", Endpoint.KERNEL, 0, 1, Endpoint.SELF, -1, "x", false)));
        assertEquals(Errno.EINVAL, SlotSettings.check(start(0, "", "", 12, 3, 100, Endpoint.RS, -1, "x", false)));
        assertEquals(Errno.EINVAL, SlotSettings.check(start(0, "", "", Endpoint.SCHED, 16, 100, Endpoint.RS, -1, "x", false)));
        assertEquals(Errno.EINVAL, SlotSettings.check(start(0, "", "", Endpoint.SCHED, 3, 0, Endpoint.RS, -1, "x", false)));
        assertEquals(Errno.EINVAL, SlotSettings.check(start(0, "", "", Endpoint.SCHED, 3, 1, Endpoint.make(1, 40), -1, "x",
                false)));
        assertEquals(-1, SlotSettings.effectiveCpu(-1, 1));
        assertEquals(-2, SlotSettings.effectiveCpu(-2, 1));
        assertEquals(0, SlotSettings.effectiveCpu(0, 1));
        assertEquals(-2, SlotSettings.effectiveCpu(3, 1), "a CPU that does not exist becomes the bootstrap CPU");
    }

    @Test
    void initFillsANewDynamicService() {
        ServiceEntry entry = new ServiceEntry(20);
        assertEquals(Errno.OK, SlotSettings.init(entry, start(RsStartFlags.RSS_REPLICA | RsStartFlags.RSS_COPY, "",
                "/etc/rs.single", Endpoint.SCHED, 3, 100, Endpoint.RS, 0, "SYSTEM pm", false), 1));
        assertEquals(PrivFlags.SYS_PROC | PrivFlags.PREEMPTIBLE | PrivFlags.DYN_PRIV_ID | PrivFlags.CHECK_IRQ
                | PrivFlags.CHECK_IO_PORT, entry.privFlags);
        assertEquals("drv", entry.label, "no label given: the program name");
        assertEquals("drv", entry.programName);
        assertEquals(List.of("/service/drv", "-v"), entry.argv);
        assertEquals(9, entry.major);
        assertEquals(60, entry.period);
        assertEquals(0x55, entry.kernelCallMask);
        assertEquals(0x66, entry.vmCallMask);
        assertEquals(List.of(4), entry.irqs);
        assertEquals("/etc/rs.single", entry.script);
        assertEquals(SysFlags.USE_SCRIPT | SysFlags.USE_REPL | SysFlags.USE_COPY, entry.sysFlags);
        assertEquals(Endpoint.SCHED, entry.scheduler);
        assertEquals(0, entry.cpu);
        assertEquals(List.of("other"), entry.control);
    }

    @Test
    void editKeepsTheLabelAndRefusesWhatACoreServiceMayNotHave() {
        ServiceEntry entry = new ServiceEntry(3);
        assertEquals(Errno.OK, SlotSettings.init(entry, start(0, "first", "", Endpoint.SCHED, 3, 100, Endpoint.RS, -1,
                "ALL", true), 1));
        assertEquals("first", entry.label);
        assertEquals(PrivFlags.SYS_PROC | PrivFlags.PREEMPTIBLE | PrivFlags.DYN_PRIV_ID | PrivFlags.CHECK_IO_PORT,
                entry.privFlags, "irq ALL: no IRQ checking");
        assertEquals(Errno.OK, SlotSettings.edit(entry, start(RsStartFlags.RSS_DETACH | RsStartFlags.RSS_NORESTART,
                "second", "", Endpoint.KERNEL, 1, 10, Endpoint.SELF, -1, "pm", false), 1));
        assertEquals("first", entry.label, "an edit does not relabel");
        assertEquals(Endpoint.KERNEL, entry.scheduler);
        assertTrue(entry.hasSys(SysFlags.DET_RESTART) && entry.hasSys(SysFlags.NORESTART));
        assertEquals(Errno.OK, SlotSettings.edit(entry, plain(), 1));
        assertFalse(entry.hasSys(SysFlags.DET_RESTART) || entry.hasSys(SysFlags.NORESTART), "cleared again");

        entry.sysFlags |= SysFlags.CORE_SRV;
        int priority = entry.priority;
        assertEquals(Errno.EPERM, SlotSettings.edit(entry, start(0, "", "/etc/rs.single", Endpoint.SCHED, 9, 100,
                Endpoint.RS, -1, "x", false), 1));
        assertEquals(Errno.EPERM, SlotSettings.edit(entry, start(RsStartFlags.RSS_NORESTART, "", "", Endpoint.SCHED, 9,
                100, Endpoint.RS, -1, "x", false), 1));
        assertEquals(Errno.EINVAL, SlotSettings.edit(entry, start(0, "", "", Endpoint.SCHED, 9, 100, Endpoint.RS, -1,
                " ", false), 1));
        assertEquals(priority, entry.priority, "a refused edit changes nothing");
    }

    @Test
    void rsIsNeverGivenAPeriod() {
        ServiceEntry rs = new ServiceEntry(0);
        rs.endpoint = Endpoint.RS;
        assertEquals(Errno.OK, SlotSettings.edit(rs, plain(), 1));
        assertEquals(0, rs.period);
    }
}

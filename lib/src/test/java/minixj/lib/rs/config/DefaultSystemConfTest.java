package minixj.lib.rs.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import minixj.lib.ipc.SysCalls;
import org.junit.jupiter.api.Test;

/** MinixJ's own system.conf parses cleanly and says what the boot services need. */
class DefaultSystemConfTest {
    @Test
    void parsesWithoutWarningsAndHasAnEntryPerShippedService() throws ConfigException {
        SystemConf conf = SystemConfParser.parse(DefaultSystemConf.PATH, DefaultSystemConf.TEXT);
        assertTrue(conf.warnings().isEmpty(), conf.warnings().toString());
        assertEquals(List.of("rs", "ds", "vm", "pm", "sched", "vfs", "hello", "init"), conf.names());
        for (ServiceConfig service : conf.services()) {
            assertTrue(service.warnings().isEmpty(), service.name() + ": " + service.warnings());
            assertEquals(UidSetting.of(0), service.uid(), service.name());
        }
    }

    @Test
    void theBootServicesGetWhatTheyUse() throws ConfigException {
        SystemConf conf = SystemConfParser.parse(DefaultSystemConf.PATH, DefaultSystemConf.TEXT);
        ServiceConfig rs = conf.service("rs");
        assertTrue(rs.isOwnSignalManager());
        assertTrue(rs.isKernelScheduled());
        assertEquals(SysCalls.ALL_CALLS, rs.kernelCallMask());
        assertTrue((rs.vmCallMask() & VmCallNames.bit("RS_SET_PRIV")) != 0);
        assertTrue((rs.vmCallMask() & VmCallNames.bit("RS_UPDATE")) != 0);

        ServiceConfig vm = conf.service("vm");
        assertEquals(2, vm.priority());
        assertEquals(0, vm.vmCallMask());
        assertEquals(IpcTargets.Kind.ALL, vm.ipc().kind());

        ServiceConfig pm = conf.service("pm");
        assertTrue((pm.kernelCallMask() & SysCalls.maskBit(SysCalls.SYS_FORK)) != 0);
        assertTrue((pm.vmCallMask() & VmCallNames.bit("FORK")) != 0 && (pm.vmCallMask() & VmCallNames.bit("EXIT")) != 0);

        long sched = conf.service("sched").kernelCallMask();
        assertEquals(SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_SCHEDULE) | SysCalls.maskBit(SysCalls.SYS_SCHEDCTL),
                sched);

        long vfs = conf.service("vfs").kernelCallMask();
        assertTrue((vfs & SysCalls.maskBit(SysCalls.SYS_PHYSCOPY)) != 0 && (vfs & SysCalls.maskBit(SysCalls.SYS_VIRCOPY)) != 0);

        ServiceConfig hello = conf.service("hello");
        assertEquals(List.of("SYSTEM", "pm", "rs", "ds", "vm", "vfs"), hello.ipc().names());
        assertEquals(SysCalls.BASIC_CALLS | SysCalls.maskBit(SysCalls.SYS_IRQCTL) | SysCalls.maskBit(SysCalls.SYS_DEVIO),
                hello.kernelCallMask());
        assertEquals("sched", hello.scheduler());
        assertEquals(7, hello.priority());

        ServiceConfig init = conf.service("init");
        assertEquals(0, init.kernelCallMask());
        assertEquals("pm", init.signalManager());
        assertEquals(List.of("pm", "vfs", "rs", "vm"), init.ipc().names());
    }
}

package minixj.kernel.calls;

import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SysDiagctlMsg;
import minixj.lib.ipc.layout.SysPrivctlMsg;
import minixj.lib.sys.Sys;

/** SYS_DIAGCTL registration and stack traces; SYS_PRIVCTL memory ranges and SET_USER. */
class DiagAndPrivilegeRangesTest {
    @Test
    void registeredProcessesGetSigkmessWhenDiagnosticsArrive() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger sigset = new AtomicInteger();
            int watcher = h.system("watcher", args -> {
                Trap t = Trap.current();
                assertEquals(OK, Sys.diagctl(t, SysDiagctlMsg.REGISTER, Endpoint.NONE));
                Message m = new Message();
                assertEquals(OK, t.receive(Endpoint.SYSTEM, m));
                if (new NotifyMessage(m).sigset().contains(Signals.SIGKMESS)) sigset.set(1);
                assertEquals(OK, Sys.diagctl(t, SysDiagctlMsg.UNREGISTER, Endpoint.NONE));
            });
            int talker = h.system("talker", args -> assertEquals(OK, Sys.diagctlDiag(Trap.current(), "hello log\n")));
            h.start();
            h.awaitOk(watcher, talker);
            assertEquals(1, sigset.get());
            assertTrue(h.machine.log().contains("hello log"));
        }
    }

    @Test
    void stacktraceOfAProcessGoesToTheKernelLog() throws Exception {
        try (Harness h = new Harness()) {
            int sleeper = h.system("sleeper", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            int asker = h.system("asker", args -> {
                assertEquals(OK, Sys.diagctl(Trap.current(), SysDiagctlMsg.STACKTRACE, sleeper));
                Trap.current().send(sleeper, new Message());
            });
            h.start();
            h.awaitOk(asker, sleeper);
            assertTrue(h.machine.log().stream().anyMatch(l -> l.startsWith("stack trace of sleeper")), h.machine.log().toString());
        }
    }

    @Test
    void memoryRangesAreRecordedAndQueried() throws Exception {
        try (Harness h = new Harness()) {
            int driver = h.system("driver", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            int rs = h.system("rs", args -> {
                Trap t = Trap.current();
                assertEquals(OK, Sys.privctlRange(t, driver, SysPrivctlMsg.ADD_MEM, 0xA0000, 0xBFFFF));
                assertEquals(OK, Sys.privctlRange(t, driver, SysPrivctlMsg.QUERY_MEM, 0xA0000, 0xA0FFF));
                assertEquals(EPERM, Sys.privctlRange(t, driver, SysPrivctlMsg.QUERY_MEM, 0x9F000, 0xA0FFF));
                assertEquals(EINVAL, Sys.privctlRange(t, driver, SysPrivctlMsg.ADD_IO, 0x3F8, 0x3F0));
                assertEquals(OK, Sys.privctlRange(t, driver, SysPrivctlMsg.ADD_IO, 0x3F0, 0x3F8));
                // SET_USER needs a frozen process.
                Message m = new Message();
                new SysPrivctlMsg(m).endpoint(driver).request(SysPrivctlMsg.SET_USER);
                assertEquals(EPERM, t.kernelCall(SysCalls.SYS_PRIVCTL, m));
                t.send(driver, new Message());
            });
            h.start();
            h.awaitOk(rs, driver);
        }
    }

    @Test
    void unknownDiagctlCodeIsEinval() throws Exception {
        try (Harness h = new Harness()) {
            int p = h.spawn(ProcessSpec.system("p", args -> assertEquals(EINVAL, Sys.diagctl(Trap.current(), 99, Endpoint.NONE))));
            h.start();
            h.awaitOk(p);
        }
    }
}

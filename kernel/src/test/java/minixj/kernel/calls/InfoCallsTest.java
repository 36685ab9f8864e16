package minixj.kernel.calls;

import static minixj.lib.ipc.Errno.*;
import static minixj.lib.ipc.layout.SysGetinfoMsg.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysAbortMsg;
import minixj.lib.mem.UserMemory;
import minixj.lib.sys.GrantTables;
import minixj.lib.sys.Sys;
import minixj.lib.sys.Times;
import minixj.lib.sys.WhoAmI;

/** SYS_GETINFO, SYS_DIAGCTL, SYS_TIMES, SYS_ABORT and the kernel-call dispatcher's own checks. */
class InfoCallsTest {
    /** Size of the kinfo record (minixj.kernel.KernelInfo). */
    static final int KINFO_SIZE = 40;
    static final int PROC_SIZE = Harness.PROC_SIZE;
    static final int PRIV_SIZE = Harness.PRIV_SIZE;

    static String cString(UserMemory mem, long address, int max) {
        byte[] b = new byte[max];
        mem.read(address, b, 0, max);
        int n = 0;
        while (n < max && b[n] != 0) n++;
        return new String(b, 0, n, StandardCharsets.UTF_8);
    }

    static long readLong(UserMemory mem, long address) {
        return (mem.readInt(address) & 0xFFFF_FFFFL) | ((long) mem.readInt(address + 4) << 32);
    }

    @Test
    void whoamiAndHz() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger self = new AtomicInteger();
            self.set(h.system("a-rather-long-service-name", args -> {
                Trap t = Trap.current();
                WhoAmI me = Sys.whoami(t);
                assertEquals(OK, me.result());
                assertEquals(self.get(), me.endpoint());
                assertEquals("a-rather-long-s", me.name(), "names are cut to 15 bytes");
                assertTrue((me.flags() & PrivFlags.SYS_PROC) != 0);
                assertEquals(Harness.HZ, Sys.getHz(t));
                long buf = GrantTables.open(t).heap().malloc(8);
                assertEquals(OK, Sys.getinfo(t, GET_HZ, Endpoint.NONE, buf, 4));
                assertEquals(Harness.HZ, t.memory().readInt(buf));
                assertEquals(EINVAL, Sys.getinfo(t, GET_HZ, Endpoint.NONE, buf, 8), "wrong size");
                assertEquals(EINVAL, Sys.getinfo(t, 999, Endpoint.NONE, buf, 4), "unknown request");
            }));
            int other = h.system("other", args -> {
                WhoAmI me = Sys.whoami(Trap.current());
                assertEquals("other", me.name());
                assertTrue(me.endpoint() != self.get());
            });
            h.start();
            h.awaitOk(self.get(), other);
        }
    }

    @Test
    void procPrivAndKinfoCheckTheExpectedSize() throws Exception {
        try (Harness h = new Harness()) {
            int peer = h.spawn(ProcessSpec.system("peer", args -> Trap.current().receive(Endpoint.ANY, new Message()))
                    .withPriority(3).withQuantum(50));
            AtomicInteger self = new AtomicInteger();
            self.set(h.system("asker", args -> {
                Trap t = Trap.current();
                UserMemory mem = t.memory();
                long buf = GrantTables.open(t).heap().malloc(256);
                for (int[] req : new int[][] {{GET_PROC, PROC_SIZE}, {GET_PRIV, PRIV_SIZE}, {GET_KINFO, KINFO_SIZE}}) {
                    assertEquals(EINVAL, Sys.getinfo(t, req[0], Endpoint.SELF, buf, req[1] - 1), "request " + req[0]);
                    assertEquals(EINVAL, Sys.getinfo(t, req[0], Endpoint.SELF, buf, req[1] + 4), "request " + req[0]);
                }

                assertEquals(OK, Sys.getinfo(t, GET_PROC, Endpoint.SELF, buf, PROC_SIZE));
                assertEquals(Endpoint.slot(self.get()), mem.readInt(buf));
                assertEquals(self.get(), mem.readInt(buf + 4));
                assertEquals(0, mem.readInt(buf + 8), "running, so no RTS flags");
                assertEquals(ProcessSpec.USER_Q, mem.readInt(buf + 16));
                assertEquals(ProcessSpec.USER_QUANTUM_MS, mem.readInt(buf + 28));
                assertEquals("asker", cString(mem, buf + 48, 16));

                assertEquals(OK, Sys.getinfo(t, GET_PROC, peer, buf, PROC_SIZE));
                assertEquals(peer, mem.readInt(buf + 4));
                assertEquals(0x8, mem.readInt(buf + 8), "RECEIVING");
                assertEquals(3, mem.readInt(buf + 16));
                assertEquals(50, mem.readInt(buf + 28));
                assertEquals("peer", cString(mem, buf + 48, 16));
                assertEquals(EINVAL, Sys.getinfo(t, GET_PROC, Endpoint.make(7, 123), buf, PROC_SIZE), "no such process");

                assertEquals(OK, Sys.getinfo(t, GET_PRIV, Endpoint.SELF, buf, PRIV_SIZE));
                int privId = mem.readInt(buf);
                assertTrue(privId > PrivFlags.USER_PRIV_ID, "a dynamic id: " + privId);
                assertEquals(Endpoint.slot(self.get()), mem.readInt(buf + 4));
                assertTrue((mem.readInt(buf + 8) & PrivFlags.SYS_PROC) != 0);
                assertEquals(Ipc.TRAP_ALL, mem.readInt(buf + 12));
                assertEquals(SysCalls.ALL_CALLS, readLong(mem, buf + 24));
                assertEquals(Endpoint.NONE, mem.readInt(buf + 32), "no signal manager");

                assertEquals(OK, Sys.getinfo(t, GET_KINFO, Endpoint.NONE, buf, KINFO_SIZE));
                assertEquals(Endpoint.NR_PROCS, mem.readInt(buf));
                assertEquals(Endpoint.NR_TASKS, mem.readInt(buf + 4));
                assertEquals(PrivFlags.NR_SYS_PROCS, mem.readInt(buf + 8));
                assertEquals(Harness.HZ, mem.readInt(buf + 12));
                assertTrue(readLong(mem, buf + 16) > 1_700_000_000L, "boot time");
                assertEquals(64L << 20, readLong(mem, buf + 24), "memory");
                assertTrue(cString(mem, buf + 32, 8).startsWith("3.4"));
                assertEquals(OK, t.send(peer, new Message()));
            }));
            h.start();
            h.awaitOk(self.get(), peer);
        }
    }

    @Test
    void diagTextAppearsInTheKernelLog() throws Exception {
        String shortText = "diag: hello from a service";
        String longText = "diag: a longer text that does not fit in one message, with ünïcödé in it";
        try (Harness h = new Harness()) {
            int p = h.system("diag", args -> {
                Trap t = Trap.current();
                assertEquals(OK, Sys.diagctlDiag(t, shortText + "\n"));
                assertEquals(OK, Sys.diagctlDiag(t, longText + "\nsecond "));
                assertEquals(OK, Sys.diagctlDiag(t, "line\n"));
            });
            h.start();
            h.awaitOk(p);
            List<String> log = h.log();
            int at = log.indexOf(shortText);
            assertTrue(at >= 0, log.toString());
            assertEquals(List.of(shortText, longText, "second line"), log.subList(at, at + 3),
                    "the kernel joins the inline chunks and prints at each newline");
        }
    }

    @Test
    void timesReportsAccountingAndTheClocks() throws Exception {
        try (Harness h = new Harness()) {
            int idler = h.system("idler", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            int p = h.system("timer", args -> {
                Trap t = Trap.current();
                Times before = Sys.times(t, Endpoint.SELF);
                assertEquals(OK, before.result());
                // Kernel entries advance virtual time, billed to the running process.
                while (Sys.times(t, Endpoint.NONE).uptime() < before.uptime() + 3) {
                    Sys.whoami(t);
                }
                Times after = Sys.times(t, Endpoint.SELF);
                assertTrue(after.userTicks() >= before.userTicks() + 3, before + " then " + after);
                assertEquals(after.bootTime() * Harness.HZ + after.uptime(), after.realtime());
                assertEquals(1_767_225_600L, after.bootTime(), "virtual time boots on 2026-01-01");
                Times other = Sys.times(t, idler);
                assertEquals(OK, other.result());
                assertEquals(0, other.userTicks(), "the idler never ran long enough for a tick");
                Times none = Sys.times(t, Endpoint.NONE);
                assertEquals(0, none.userTicks());
                assertTrue(none.uptime() >= after.uptime());
                assertEquals(EINVAL, Sys.times(t, Endpoint.make(9, 99)).result());
                assertEquals(OK, t.send(idler, new Message()));
            });
            h.start();
            h.awaitOk(p, idler);
        }
    }

    @Test
    void unassignedAndOutOfRangeCallNumbersAreEbadrequest() throws Exception {
        try (Harness h = new Harness()) {
            int s = h.system("sys", args -> {
                Trap t = Trap.current();
                for (int n : new int[] {11, 12, 20, 29, 30, 37, 38, 41, 42, 47, 48, 49}) {
                    assertEquals(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL + n, new Message()), "call " + n);
                }
                assertEquals(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL + SysCalls.NR_SYS_CALLS, new Message()));
                assertEquals(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL - 1, new Message()));
                Message m = new Message();
                t.kernelCall(SysCalls.KERNEL_CALL + 11, m);
                assertEquals(EBADREQUEST, m.type(), "the result is also the reply's type");
            });
            int u = h.spawn(ProcessSpec.user("user", args -> {
                Trap t = Trap.current();
                assertEquals(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL + SysCalls.NR_SYS_CALLS, new Message()));
                assertEquals(ECALLDENIED, t.kernelCall(SysCalls.KERNEL_CALL + 11, new Message()));
                assertEquals(ECALLDENIED, Sys.whoami(t).result(), "no kernel calls for users");
            }));
            int limited = h.spawn(ProcessSpec.system("limited", args -> {
                Trap t = Trap.current();
                assertEquals(OK, Sys.whoami(t).result());
                assertEquals(ECALLDENIED, Sys.kill(t, Endpoint.SELF, 15), "KILL is not a basic call");
            }).withKernelCalls(SysCalls.BASIC_CALLS));
            h.start();
            h.awaitOk(s, u, limited);
        }
    }

    @Test
    void refusedCallsAlsoReplyFromSystem() throws Exception {
        try (Harness h = new Harness()) {
            int s = h.spawn(ProcessSpec.system("limited", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL + SysCalls.NR_SYS_CALLS, m));
                assertEquals(Endpoint.SYSTEM, m.source(), "EBADREQUEST");
                m = new Message();
                assertEquals(ECALLDENIED, t.kernelCall(SysCalls.SYS_KILL, m));
                assertEquals(Endpoint.SYSTEM, m.source(), "ECALLDENIED");
            }).withKernelCalls(SysCalls.BASIC_CALLS));
            h.start();
            h.awaitOk(s);
        }
    }

    @Test
    void abortHaltsTheMachine() throws Exception {
        try (Harness h = new Harness()) {
            h.system("shutdown", args -> {
                Sys.abort(Trap.current(), SysAbortMsg.RBT_POWEROFF);
                throw new AssertionError("SYS_ABORT returned");
            });
            h.start();
            h.await(h.machine::halted, "the machine to halt");
            assertTrue(h.machine.haltReason().contains("poweroff"), h.machine.haltReason());
            assertTrue(h.log().stream().anyMatch(l -> l.contains("poweroff requested by shutdown")), h.log().toString());
            h.rethrowFailures();
        }
    }
}

package minixj.kernel.ipc;

import static minixj.kernel.ipc.IpcHarness.expect;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysProcMsg;
import minixj.lib.ipc.layout.SysTimesMsg;

/**
 * Spec §2.4: IPC target masks are symmetric and decide who may reach whom (users share one
 * privilege structure); kernel-call masks give ECALLDENIED; call numbers outside 0x600..0x639
 * give EBADREQUEST, checked before the mask.
 */
class PrivilegeTest {
    @Test
    void ipcMaskIsSymmetric() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            // b asks for no targets; a asks only for b (static id of slot DS). Granting a->b grants b->a.
            int b = h.spawn(ProcessSpec.system("b", args -> {
                Trap t = Trap.current();
                expect(OK, t.send(h.ep("a"), new Message(1)), "b -> a, granted by a's mask");
                expect(OK, t.receive(h.ep("a"), new Message()), "a's answer");
            }).inSlot(Endpoint.DS).withIpcTargets(0));
            int a = h.spawn(ProcessSpec.system("a", args -> {
                Trap t = Trap.current();
                expect(ECALLDENIED, t.send(h.ep("c"), new Message(3)), "a -> c not granted");
                expect(OK, t.receive(h.ep("b"), new Message()), "receive from b");
                expect(OK, t.send(h.ep("b"), new Message(2)), "a -> b");
            }).withIpcTargets(1L << PrivFlags.staticPrivId(Endpoint.DS)));
            int c = h.spawn(ProcessSpec.system("c", args -> {
                expect(ECALLDENIED, Trap.current().notify(h.ep("a")), "c -> a");
                expect(ECALLDENIED, Trap.current().notify(h.ep("b")), "c -> b");
            }).withIpcTargets(0));
            int u = h.user("u", args ->
                    expect(ECALLDENIED, Trap.current().sendrec(h.ep("a"), new Message(4)), "user -> a, not in a's mask"));
            h.start();
            h.awaitClean(b, a, c, u);
        }
    }

    @Test
    void isolatedSystemProcessIsUnreachable() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int s = h.system("s", args -> {
                expect(ECALLDENIED, Trap.current().sendnb(h.ep("isolated"), new Message(1)), "system -> isolated");
                expect(ECALLDENIED, Trap.current().notify(h.ep("isolated")), "notify isolated");
            });
            int u = h.user("u", args ->
                    expect(ECALLDENIED, Trap.current().sendrec(h.ep("isolated"), new Message(1)), "user -> isolated"));
            int isolated = h.spawn(ProcessSpec.system("isolated", args ->
                    expect(ENOTREADY, Trap.current().receiveNonBlocking(Endpoint.ANY, new Message()), "nothing came"))
                    .withIpcTargets(0));
            h.start();
            h.awaitClean(s, u, isolated);
        }
    }

    @Test
    void userProcessCanSendrecToADefaultSystemService() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int service = h.system("service", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                expect(OK, t.receive(Endpoint.ANY, m), "receive");
                expect(OK, t.sendnb(m.source(), m.type(-m.type())), "reply");
            });
            int u = h.user("u", args -> {
                Message m = new Message(9);
                expect(OK, Trap.current().sendrec(h.ep("service"), m), "sendrec");
                expect(-9, m.type(), "reply");
            });
            h.start();
            h.awaitClean(service, u);
        }
    }

    @Test
    void kernelCallOutsideTheMaskGivesEcalldenied() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int none = h.spawn(ProcessSpec.system("none", args -> {
                Message m = times();
                expect(ECALLDENIED, Trap.current().kernelCall(SysCalls.SYS_TIMES, m), "SYS_TIMES without rights");
                expect(ECALLDENIED, m.type(), "result in the reply's type");
            }).withKernelCalls(0));
            int basic = h.spawn(ProcessSpec.system("basic", args -> {
                Trap t = Trap.current();
                expect(OK, t.kernelCall(SysCalls.SYS_TIMES, times()), "SYS_TIMES is basic");
                Message kill = new Message();
                new SysProcMsg(kill).endpoint(h.ep("none")).signal(Signals.SIGTERM);
                expect(ECALLDENIED, t.kernelCall(SysCalls.SYS_KILL, kill), "SYS_KILL is not basic");
            }).withKernelCalls(SysCalls.BASIC_CALLS));
            int u = h.user("u", args ->
                    expect(ECALLDENIED, Trap.current().kernelCall(SysCalls.SYS_TIMES, times()), "user SYS_TIMES"));
            h.start();
            h.awaitClean(none, basic, u);
        }
    }

    @Test
    void kernelCallNumberOutOfRangeGivesEbadrequest() throws Exception {
        try (IpcHarness h = new IpcHarness()) {
            int all = h.system("all", args -> {
                Trap t = Trap.current();
                expect(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL - 1, new Message()), "0x5FF");
                expect(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL + SysCalls.NR_SYS_CALLS, new Message()), "0x63A");
                expect(EBADREQUEST, t.kernelCall(0, new Message()), "0");
                expect(EBADREQUEST, t.kernelCall(SysCalls.KERNEL_CALL + 11, new Message()), "unassigned 11");
            });
            // The range is checked before the mask: no rights at all still gives EBADREQUEST.
            int none = h.spawn(ProcessSpec.system("none", args ->
                    expect(EBADREQUEST, Trap.current().kernelCall(0x63A, new Message()), "0x63A")).withKernelCalls(0));
            int u = h.user("u", args ->
                    expect(EBADREQUEST, Trap.current().kernelCall(0x5FF, new Message()), "user 0x5FF"));
            h.start();
            h.awaitClean(all, none, u);
            assertEquals(0x63A, SysCalls.KERNEL_CALL + SysCalls.NR_SYS_CALLS);
        }
    }

    private static Message times() {
        Message m = new Message();
        new SysTimesMsg(m).endpoint(Endpoint.NONE);
        return m;
    }
}

package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.kernel.calls.Harness.procField;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysUpdateMsg;
import minixj.lib.sys.Sys;

/** SYS_UPDATE: live update swaps two system processes' slots; endpoints stay with the slots. */
class UpdateTest {
    static final int WHO = 0x7401;
    static final int QUIT = 0x7402;
    static final int ID_A = 0xA;
    static final int ID_B = 0xB;

    /** A server that answers WHO with its program's identity and the endpoint it runs at now. */
    static void identityServer(Trap t, int identity) {
        Message m = new Message();
        while (true) {
            assertEquals(OK, t.receive(Endpoint.ANY, m));
            if (m.type() == QUIT) return;
            assertEquals(OK, t.send(m.source(), msg(WHO, identity, Sys.whoami(t).endpoint())));
        }
    }

    /** Asks {@code server} who it is: {identity, endpoint it believes it has, reply source}. */
    static int[] ask(Trap t, int server) {
        Message m = new Message(WHO);
        assertEquals(OK, t.sendrec(server, m));
        return new int[] {m.getInt(0), m.getInt(4), m.source()};
    }

    @Test
    void swappedServersAnswerAtEachOthersEndpoint() throws Exception {
        try (Harness h = new Harness()) {
            int a = h.system("server-a", args -> identityServer(Trap.current(), ID_A));
            int b = h.system("server-b", args -> identityServer(Trap.current(), ID_B));
            int rs = h.system("rs", args -> {
                Trap t = Trap.current();
                assertEquals(java.util.List.of(ID_A, a, a), box(ask(t, a)));
                assertEquals(java.util.List.of(ID_B, b, b), box(ask(t, b)));

                assertEquals(OK, Sys.update(t, a, b, 0));
                // The program that was at B now serves endpoint A, and believes it is A.
                assertEquals(java.util.List.of(ID_B, a, a), box(ask(t, a)));
                assertEquals(java.util.List.of(ID_A, b, b), box(ask(t, b)));
                assertEquals(a, procField(t, a, Harness.PROC_ENDPOINT), "endpoints stay with the slots");
                assertEquals(b, procField(t, b, Harness.PROC_ENDPOINT));
                assertEquals("server-b", nameOf(t, a), "the name moved with the program");

                assertEquals(OK, Sys.update(t, a, b, 0), "and back");
                assertEquals(java.util.List.of(ID_A, a, a), box(ask(t, a)));

                assertEquals(OK, t.send(a, new Message(QUIT)));
                assertEquals(OK, t.send(b, new Message(QUIT)));
            });
            h.start();
            h.awaitOk(rs, a, b);
        }
    }

    static java.util.List<Integer> box(int[] v) {
        return java.util.List.of(v[0], v[1], v[2]);
    }

    static String nameOf(Trap t, int endpoint) {
        procField(t, endpoint, 0);
        return InfoCallsTest.cString(t.memory(), Harness.SCRATCH + Harness.PROC_NAME, 16);
    }

    @Test
    void runningOrSendingProcessesCannotBeSwapped() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger rs = new AtomicInteger();
            int a = h.system("server-a", args -> identityServer(Trap.current(), ID_A));
            int sender = h.system("sender", args -> assertEquals(OK, Trap.current().send(rs.get(), msg(1))));
            // Blocks for good: rs never receives from it.
            int user = h.spawn(ProcessSpec.user("user", args -> Trap.current().sendrec(rs.get(), msg(WHO))));
            rs.set(h.system("rs", args -> {
                Trap t = Trap.current();
                int self = Sys.whoami(t).endpoint();
                assertEquals(EBUSY, Sys.update(t, self, a, 0), "the caller is running");
                assertEquals(EBUSY, Sys.update(t, a, self, 0), "either side");
                assertEquals(0x4, Harness.rtsOf(t, sender), "SENDING");
                assertEquals(EBUSY, Sys.update(t, sender, a, 0), "blocked sending");
                assertEquals(EPERM, Sys.update(t, a, Endpoint.CLOCK, 0), "a task");
                assertEquals(EPERM, Sys.update(t, a, user, 0), "a user process");
                assertEquals(EINVAL, Sys.update(t, a, a, 0), "itself");
                assertEquals(EINVAL, Sys.update(t, a, Endpoint.make(6, 66), 0), "no such process");
                assertEquals(java.util.List.of(ID_A, a, a), box(ask(t, a)), "nothing moved");
                Message m = new Message();
                assertEquals(OK, t.receive(sender, m));
                assertEquals(OK, t.send(a, new Message(QUIT)));
            }));
            h.start();
            h.awaitOk(rs.get(), sender, a);
        }
    }

    @Test
    void aRefusedRollbackLeavesTheSenderAlone() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger rs = new AtomicInteger();
            int a = h.system("server-a", args -> identityServer(Trap.current(), ID_A));
            int sender = h.system("sender", args -> assertEquals(OK, Trap.current().send(rs.get(), msg(1))));
            rs.set(h.system("rs", args -> {
                Trap t = Trap.current();
                assertEquals(0x4, Harness.rtsOf(t, sender), "SENDING");
                assertEquals(EBUSY, Sys.update(t, sender, a, SysUpdateMsg.ROLLBACK));
                assertEquals(0x4, Harness.rtsOf(t, sender), "a refused update changes nothing");
                assertEquals(OK, t.receive(sender, new Message()));
                assertEquals(OK, t.send(a, new Message(QUIT)));
            }));
            h.start();
            h.awaitOk(rs.get(), sender, a);
        }
    }
}

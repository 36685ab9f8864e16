package minixj.kernel.calls;

import static minixj.kernel.calls.Harness.msg;
import static minixj.kernel.calls.Harness.rtsOf;
import static minixj.lib.ipc.Errno.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.sys.PendingSignals;
import minixj.lib.sys.Sys;

/** SYS_KILL, SYS_GETKSIG, SYS_ENDKSIG and SYS_EXIT: kernel signals and their managers (spec §2.5). */
class SignalCallsTest {
    static final int SIGNALED = 0x10;
    static final int SIG_PENDING = 0x20;

    /** Receives the next message, which must be a notify from SYSTEM; returns its signal set. */
    static SigSet awaitSystemNotify(Trap t) {
        Message m = new Message();
        assertEquals(OK, t.receive(Endpoint.ANY, m));
        assertEquals(Endpoint.SYSTEM, m.source());
        assertTrue(Ipc.isNotify(t.ipcStatus()));
        return new NotifyMessage(m).sigset();
    }

    static SigSet set(int... signals) {
        SigSet s = new SigSet();
        for (int sig : signals) s.add(sig);
        return s;
    }

    @Test
    void killRefusesTasksAndBadSignals() throws Exception {
        try (Harness h = new Harness()) {
            int idler = h.system("idler", args -> Trap.current().receive(Endpoint.ANY, new Message()));
            int k = h.system("killer", args -> {
                Trap t = Trap.current();
                assertEquals(EPERM, Sys.kill(t, Endpoint.CLOCK, Signals.SIGTERM));
                assertEquals(EPERM, Sys.kill(t, Endpoint.SYSTEM, Signals.SIGTERM));
                assertEquals(EINVAL, Sys.kill(t, idler, Signals.MAX_SIGNAL + 1));
                assertEquals(EINVAL, Sys.kill(t, idler, -1));
                assertEquals(EINVAL, Sys.kill(t, Endpoint.make(8, 88), Signals.SIGTERM), "no such process");
                assertEquals(0, rtsOf(t, idler) & (SIGNALED | SIG_PENDING), "no signal was caused");
                assertEquals(OK, t.send(idler, new Message()));
            });
            h.start();
            h.awaitOk(k, idler);
        }
    }

    /** The manager collects signals with GETKSIG; the process stays stopped until ENDKSIG. */
    @Test
    void getksigAndEndksigWithAManager() throws Exception {
        try (Harness h = new Harness()) {
            AtomicLong rounds = new AtomicLong();
            AtomicInteger victim = new AtomicInteger();
            AtomicInteger outsider = new AtomicInteger();
            int manager = h.system("manager", args -> {
                Trap t = Trap.current();
                int v = victim.get();
                Harness.sleepTicks(t, 2);
                assertTrue(rounds.get() > 0);
                assertEquals(OK, Sys.kill(t, v, Signals.SIGTERM));
                assertEquals(OK, Sys.kill(t, v, Signals.SIGUSR1));
                long frozen = rounds.get();
                assertEquals(SIGNALED | SIG_PENDING, rtsOf(t, v));
                assertTrue(awaitSystemNotify(t).contains(Signals.SIGKSIG));

                PendingSignals got = Sys.getksig(t);
                assertEquals(OK, got.result());
                assertEquals(v, got.endpoint());
                assertEquals(set(Signals.SIGTERM, Signals.SIGUSR1), got.signals());
                assertEquals(Endpoint.NONE, Sys.getksig(t).endpoint(), "nothing more");
                assertEquals(SIG_PENDING, rtsOf(t, v), "still stopped until ENDKSIG");
                Harness.sleepTicks(t, 3);
                assertEquals(frozen, rounds.get());

                Message m = new Message();
                assertEquals(OK, t.sendrec(outsider.get(), m));
                assertEquals(EPERM, m.getInt(0), "ENDKSIG by someone else");

                // A signal that arrives before ENDKSIG keeps the process stopped.
                assertEquals(OK, Sys.kill(t, v, Signals.SIGHUP));
                assertEquals(OK, Sys.endksig(t, v));
                assertEquals(SIGNALED | SIG_PENDING, rtsOf(t, v));
                assertTrue(awaitSystemNotify(t).contains(Signals.SIGKSIG));
                got = Sys.getksig(t);
                assertEquals(set(Signals.SIGHUP), got.signals());
                assertEquals(OK, Sys.endksig(t, v));
                assertEquals(0, rtsOf(t, v), "runnable again");
                Harness.sleepTicks(t, 2);
                assertTrue(rounds.get() > frozen, "and running");
                assertEquals(OK, Sys.stop(t, v));
            });
            outsider.set(h.system("outsider", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                assertEquals(OK, t.receive(manager, m));
                assertEquals(OK, t.send(manager, msg(0, Sys.endksig(t, victim.get()))));
            }));
            victim.set(h.spawn(ProcessSpec.system("victim", args -> Harness.spin(Trap.current(), rounds))
                    .withPriority(10).withSigManagers(manager, Endpoint.NONE)));
            h.start();
            h.awaitOk(manager, outsider.get());
        }
    }

    @Test
    void exitSendsSigabrtToTheManager() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger leaver = new AtomicInteger();
            int manager = h.system("manager", args -> {
                Trap t = Trap.current();
                assertTrue(awaitSystemNotify(t).contains(Signals.SIGKSIG));
                PendingSignals got = Sys.getksig(t);
                assertEquals(leaver.get(), got.endpoint());
                assertEquals(set(Signals.SIGABRT), got.signals());
                assertEquals(SIG_PENDING, rtsOf(t, leaver.get()), "waiting for its manager");
                assertEquals(OK, Sys.clear(t, leaver.get()), "as PM does for a dead process");
            });
            leaver.set(h.spawn(ProcessSpec.system("leaver", args -> {
                Sys.exit(Trap.current());
                throw new AssertionError("SYS_EXIT returned");
            }).withSigManagers(manager, Endpoint.NONE)));
            h.start();
            h.awaitOk(manager, leaver.get());
        }
    }

    /**
     * A self-managed process gets its non-lethal signals itself (SIGKSIGSM); a lethal one goes
     * to its backup manager, which becomes its manager.
     */
    @Test
    void selfManagedProcessWithABackup() throws Exception {
        try (Harness h = new Harness()) {
            AtomicInteger self = new AtomicInteger();
            int backup = h.system("backup", args -> {
                Trap t = Trap.current();
                int v = self.get();
                assertEquals(Endpoint.SELF, Harness.privField(t, v, Harness.PRIV_SIG_MGR));
                assertEquals(OK, Sys.kill(t, v, Signals.SIGTERM));
                Message m = new Message();
                assertEquals(OK, t.receive(v, m));
                assertEquals(set(Signals.SIGTERM, Signals.SIGKSIGSM), new SigSet(m.getLong(0), m.getLong(8)),
                        "the process got its own signal");

                assertEquals(OK, Sys.kill(t, v, Signals.SIGSEGV));
                assertTrue(awaitSystemNotify(t).contains(Signals.SIGKSIG));
                PendingSignals got = Sys.getksig(t);
                assertEquals(v, got.endpoint());
                assertEquals(set(Signals.SIGSEGV), got.signals());
                assertEquals(Sys.whoami(t).endpoint(), Harness.privField(t, v, Harness.PRIV_SIG_MGR),
                        "the backup is now the manager");
                assertEquals(Endpoint.NONE, Harness.privField(t, v, Harness.PRIV_BACKUP_SIG_MGR));
            });
            self.set(h.spawn(ProcessSpec.system("selfmgd", args -> {
                Trap t = Trap.current();
                SigSet s = awaitSystemNotify(t);
                Message m = new Message();
                m.putLong(0, s.low()).putLong(8, s.high());
                assertEquals(OK, t.send(backup, m));
                t.receive(Endpoint.ANY, m); // stopped here by the lethal signal
            }).withSigManagers(Endpoint.SELF, backup)));
            h.start();
            h.awaitOk(backup);
        }
    }

    /** Without a backup, a lethal signal to a self-managed process is a kernel panic; the JVM goes on. */
    @Test
    void selfManagedProcessWithoutABackupPanicsTheMachine() throws Exception {
        try (Harness h = new Harness()) {
            int lonely = h.spawn(ProcessSpec.system("lonely", args -> Trap.current().receive(Endpoint.ANY,
                    new Message())).withSigManagers(Endpoint.SELF, Endpoint.NONE));
            h.system("killer", args -> {
                Sys.kill(Trap.current(), lonely, Signals.SIGSEGV);
                throw new AssertionError("the machine should have stopped");
            });
            h.start();
            h.await(h.machine::halted, "the panic");
            assertTrue(h.machine.haltReason().contains("panic"), h.machine.haltReason());
            assertTrue(h.log().stream().anyMatch(l -> l.startsWith("kernel panic") && l.contains("lonely")),
                    h.log().toString());
            h.rethrowFailures();
        }
        // The JVM and other machines are unaffected.
        try (Harness h = new Harness()) {
            int p = h.system("after", args -> assertEquals(OK, Sys.whoami(Trap.current()).result()));
            h.start();
            h.awaitOk(p);
        }
    }
}

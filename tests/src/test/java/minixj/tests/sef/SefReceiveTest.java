package minixj.tests.sef;

import static minixj.tests.sef.SefHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.FiCtlMsg;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SigsSignalMsg;
import minixj.lib.sef.Sef;
import minixj.lib.sys.PendingSignals;
import minixj.lib.sys.Sys;

/**
 * SEF's receive (spec minix-reliability §3.1, §3.3, §3.4, §3.6): pings answered inside it,
 * cancel, signals from the signal manager and from the kernel, the signal-manager role, and
 * fault injection.
 */
class SefReceiveTest {
    @Test
    void aPingFromRsIsAnsweredWithANotify() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> { }));
            AtomicReference<String> pong = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, service);
                assertEquals(Errno.OK, t.notify(service));
                Message m = new Message();
                assertEquals(Errno.OK, t.receive(service, m));
                pong.set(Ipc.isNotify(t.ipcStatus()) ? "notify from " + m.source() : "0x" + Integer.toHexString(m.type()));
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals("notify from " + service, pong.get());
            assertEquals(List.of("started"), h.events, "the ping never reached the service's loop");
        }
    }

    @Test
    void aPingHandlerMayStaySilent() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onPing(source -> {
                h.events.add("ping from " + source);
                return false;
            })));
            AtomicReference<Integer> after = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, service);
                assertEquals(Errno.OK, t.notify(service));
                work(t, service); // served after the ping: pending notifications come first
                after.set(t.receiveNonBlocking(service, new Message()));
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(Errno.ENOTREADY, after.get(), "no pong");
            assertEquals(List.of("started", "ping from " + Endpoint.RS, "request 0x5e01 from " + Endpoint.RS), h.events);
        }
    }

    @Test
    void aSignalFromTheSignalManagerReachesTheHandlerAndCancelGivesEintr() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> sef = new AtomicReference<>();
            int service = h.spawn(ProcessSpec.system("svc", args -> {
                sef.set(Sef.builder().onSignal(signal -> {
                    h.events.add("signal " + signal);
                    if (signal == Signals.SIGTERM) sef.get().cancel();
                }).build());
                sef.get().startup();
                h.events.add("started");
                h.serve(sef.get());
            }).withSigManagers(Endpoint.RS, Endpoint.NONE));
            AtomicReference<String> kernelSaid = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, service);
                // The kernel stops the service and tells its manager (us), as for `service down`.
                assertEquals(Errno.OK, Sys.kill(t, service, Signals.SIGTERM));
                Message m = new Message();
                assertEquals(Errno.OK, t.receive(Endpoint.SYSTEM, m));
                assertTrue(new NotifyMessage(m).sigset().contains(Signals.SIGKSIG));
                PendingSignals pending = Sys.getksig(t);
                kernelSaid.set(pending.endpoint() + " " + pending.signals().first());
                assertEquals(Endpoint.NONE, Sys.getksig(t).endpoint());
                assertEquals(Errno.OK, Sys.endksig(t, service));
                // A manager forwards a non-lethal signal as a message.
                Message signal = new Message(SigsSignalMsg.SIGS_SIGNAL_RECEIVED);
                new SigsSignalMsg(signal).signal(Signals.SIGTERM);
                assertEquals(Errno.OK, t.send(service, signal));
                work(t, service);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(service + " " + Signals.SIGTERM, kernelSaid.get());
            assertEquals(List.of("started", "signal 15", "receive EINTR", "request 0x5e01 from " + Endpoint.RS), h.events);
        }
    }

    @Test
    void aSelfManagedServiceGetsItsSignalsFromTheKernel() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onSignal(signal -> h.events.add("signal " + signal)))
                    .withSigManagers(Endpoint.SELF, Endpoint.NONE));
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, service);
                assertEquals(Errno.OK, Sys.kill(t, service, Signals.SIGUSR1));
                work(t, service);
            }));
            h.start();
            h.assertFinished(rs);
            // SIGKSIGSM, the kernel's "signals for yourself" marker, is not a signal of the service.
            assertEquals(List.of("started", "signal " + Signals.SIGUSR1, "request 0x5e01 from " + Endpoint.RS), h.events);
        }
    }

    @Test
    void aSignalMessageFromAnOrdinaryProcessIsJustAMessage() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onSignal(signal -> h.events.add("signal " + signal))));
            int client = h.spawn(ProcessSpec.system("client", args -> {
                Message m = new Message(SigsSignalMsg.SIGS_SIGNAL_RECEIVED);
                new SigsSignalMsg(m).signal(Signals.SIGTERM);
                assertEquals(Errno.OK, Trap.current().sendrec(service, m));
            }));
            h.start();
            assertEquals(0, h.awaitExit(client));
            assertEquals(List.of("started", "request 0xe00 from " + client), h.events);
        }
    }

    @Test
    void asSignalManagerTheServiceGetsTheSignalsOfItsProcesses() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int manager = h.spawn(h.service("mgr", b -> b.onSignalManager((target, signal) -> {
                h.events.add("manage " + target + " " + signal);
                return signal == Signals.SIGUSR2 ? Errno.EDEADEPT : Errno.OK;
            })));
            int managed = h.spawn(ProcessSpec.system("managed", args -> {
                Trap t = Trap.current();
                Message m = new Message();
                while (true) {
                    if (t.receive(Endpoint.ANY, m) != Errno.OK || Ipc.isNotify(t.ipcStatus())) continue;
                    t.sendnb(m.source(), m.clear().type(Errno.OK));
                }
            }).withSigManagers(manager, Endpoint.NONE));
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                hookGo(t);
                initFresh(t, manager);
                assertEquals(Errno.OK, Sys.kill(t, managed, Signals.SIGTERM));
                work(t, managed); // runs again only once its manager ended the signal
                assertEquals(Errno.OK, Sys.kill(t, managed, Signals.SIGUSR2));
                awaitGo(t);
            }));
            h.start();
            h.go();
            h.assertFinished(rs);
            assertEquals(List.of("started", "manage " + managed + " " + Signals.SIGTERM,
                    "manage " + managed + " " + Signals.SIGUSR2), h.events);
            // "Gone" (EDEADEPT): SEF did not end the signal, so the process stays stopped.
            assertTrue(h.runState(managed).contains("SIG_PENDING"), h.runState(managed));
        }
    }

    @Test
    void faultInjectionRequestsGoToTheHookAndFiCrashCrashes() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onFaultInjection((request, m) -> {
                h.events.add("fi " + request);
                return request == 7 ? Errno.OK : Errno.ENOSYS;
            })).withSigManagers(Endpoint.RS, Endpoint.NONE));
            AtomicReference<String> crash = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, service);
                for (int request : new int[] {7, 8}) {
                    Message m = new Message(FiCtlMsg.COMMON_REQ_FI_CTL);
                    new FiCtlMsg(m).request(request);
                    assertEquals(Errno.OK, t.send(service, m));
                }
                work(t, service);
                Message m = new Message(FiCtlMsg.COMMON_REQ_FI_CTL);
                new FiCtlMsg(m).request(FiCtlMsg.FI_CRASH);
                assertEquals(Errno.OK, t.send(service, m));
                // The crash reaches us, the service's signal manager, as SIGABRT.
                assertEquals(Errno.OK, t.receive(Endpoint.SYSTEM, m));
                PendingSignals pending = Sys.getksig(t);
                crash.set(pending.endpoint() + " " + pending.signals().first());
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(service + " " + Signals.SIGABRT, crash.get());
            assertEquals(List.of("started", "fi 7", "fi 8", "request 0xe02 from " + Endpoint.RS,
                    "request 0x5e01 from " + Endpoint.RS, "fi 1"), h.events);
            assertTrue(h.machine.log().stream().anyMatch(l -> l.contains("controlled crash")), h.machine.log().toString());
        }
    }
}

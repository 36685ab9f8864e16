package minixj.tests.sef;

import static minixj.tests.sef.SefHarness.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.RsLuPrepareMsg;
import minixj.lib.sef.InitFlags;
import minixj.lib.sef.InitInfo;
import minixj.lib.sef.InitType;
import minixj.lib.sef.LuFlags;
import minixj.lib.sef.LuState;
import minixj.lib.sef.Sef;

/**
 * SEF's startup (spec minix-reliability §3.1, §3.2, §2.7): the wait for RS_INIT, the init
 * callback of each type with its info, the check-in, failed inits, ERESTART and the debug init
 * flags; a fresh init at once on a machine without RS; RS initialising itself.
 */
class SefStartupTest {
    /** How a system process without a live signal manager ends after a panic. */
    private static final int PANIC_EXIT = 128 + Signals.SIGABRT;

    @Test
    void startupWaitsForRsInitDroppingWhatRsSendsBeforeAndKeepingOthersQueued() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInitFresh(info -> {
                h.events.add("init " + info.type());
                return Errno.OK;
            })));
            int client = h.spawn(ProcessSpec.system("client", args -> {
                work(Trap.current(), service);
                h.events.add("client served");
            }));
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                hookGo(t);
                awaitGo(t);
                // Meant for a previous instance: a ping, a prepare request, an unknown request.
                assertEquals(Errno.OK, t.notify(service));
                Message prepare = new Message(RsLuPrepareMsg.RS_LU_PREPARE);
                new RsLuPrepareMsg(prepare).state(LuState.WORK_FREE);
                assertEquals(Errno.OK, t.send(service, prepare));
                assertEquals(Errno.OK, t.send(service, new Message(0x7123)));
                h.events.add("rs: stale messages taken");
                initFresh(t, service);
                awaitGo(t);
                // No pong ever came for the ping sent before RS_INIT.
                assertEquals(Errno.ENOTREADY, t.receiveNonBlocking(service, new Message()));
            }));
            h.start();
            // Before RS_INIT the service listens to RS only: the client's request stays queued.
            h.quiesce();
            assertTrue(h.runState(service).contains("RECEIVING"), h.runState(service));
            assertTrue(h.runState(client).contains("SENDING"), h.runState(client));
            assertEquals(List.of(), h.events);
            h.go();
            h.awaitExit(client);
            h.go();
            h.assertFinished(rs);
            List<String> events = h.events;
            assertEquals(1, events.stream().filter(e -> e.startsWith("init")).count(), events.toString());
            assertTrue(events.indexOf("rs: stale messages taken") < events.indexOf("init FRESH"), events.toString());
            assertTrue(events.indexOf("init FRESH") < events.indexOf("request 0x5e01 from " + client), events.toString());
            // Nothing RS sent before RS_INIT reached the service's loop.
            assertTrue(events.stream().noneMatch(e -> e.contains("from " + Endpoint.RS)), events.toString());
        }
    }

    @Test
    void withoutRsTheFreshInitRunsAtOnce() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<InitInfo> seen = new AtomicReference<>();
            int service = h.spawn(h.service("svc", b -> b.onInitFresh(info -> {
                seen.set(info);
                return Errno.OK;
            }).onInitRestart(info -> Errno.EGENERIC)));
            int client = h.spawn(ProcessSpec.system("client", args -> work(Trap.current(), service)));
            h.start();
            assertEquals(0, h.awaitExit(client));
            InitInfo info = seen.get();
            assertEquals(InitType.FRESH, info.type());
            assertEquals(service, info.self());
            assertEquals(Endpoint.NONE, info.oldEndpoint());
            assertEquals(0, info.restarts());
            assertEquals(0, info.flags());
            assertEquals(List.of("started", "request 0x5e01 from " + client), h.events);
        }
    }

    @Test
    void eachInitTypeReachesItsCallbackWithItsInfo() throws Exception {
        record Case(InitType type, int flags, int oldEndpoint, int restarts, int prepareState) { }
        for (Case c : List.of(new Case(InitType.FRESH, 0, Endpoint.NONE, 0, 0),
                new Case(InitType.RESTART, InitFlags.SCRIPT_RESTART, Endpoint.make(4, 20), 3, 0),
                new Case(InitType.LIVE_UPDATE, LuFlags.SELF | LuFlags.MULTI, Endpoint.make(1, 21), 1,
                        LuState.REQUEST_FREE))) {
            try (SefHarness h = new SefHarness()) {
                AtomicReference<String> which = new AtomicReference<>("none");
                AtomicReference<InitInfo> seen = new AtomicReference<>();
                AtomicReference<Sef> sefRef = new AtomicReference<>();
                int service = h.spawn(ProcessSpec.system("svc", args -> {
                    Sef sef = Sef.builder()
                            .onInitFresh(info -> { which.set("fresh"); seen.set(info); return Errno.OK; })
                            .onInitRestart(info -> { which.set("restart"); seen.set(info); return Errno.OK; })
                            .onInitLiveUpdate(info -> { which.set("lu"); seen.set(info); return Errno.OK; })
                            .build().startup();
                    sefRef.set(sef);
                    h.serve(sef);
                }));
                int rs = h.spawn(rs(args -> {
                    Trap t = Trap.current();
                    sendInit(t, service, c.type(), c.flags(), c.oldEndpoint(), c.restarts(), c.prepareState());
                    assertEquals(Errno.OK, awaitCheckIn(t, service));
                    answer(t, service, Errno.OK);
                    work(t, service);
                }));
                h.start();
                h.assertFinished(rs);
                assertEquals(switch (c.type()) {
                    case FRESH -> "fresh";
                    case RESTART -> "restart";
                    case LIVE_UPDATE -> "lu";
                }, which.get(), c.toString());
                InitInfo info = seen.get();
                assertEquals(c.type(), info.type());
                assertEquals(c.flags(), info.flags());
                assertEquals(c.oldEndpoint(), info.oldEndpoint());
                assertEquals(c.restarts(), info.restarts());
                assertEquals(c.prepareState(), info.prepareState());
                assertEquals(service, info.self());
                assertEquals(3, info.publicTableGrant());
                assertEquals(info, sefRef.get().initInfo());
                assertEquals(service, sefRef.get().self());
            }
        }
    }

    @Test
    void aFailedInitIsReportedAndTheServiceExits() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInitFresh(info -> Errno.EIO)));
            AtomicInteger result = new AtomicInteger(1);
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                sendFreshInit(t, service);
                result.set(awaitCheckIn(t, service));
                answer(t, service, Errno.OK);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(Errno.EIO, result.get());
            assertEquals(PANIC_EXIT, h.awaitExit(service));
            assertFalse(h.events.contains("started"));
        }
    }

    @Test
    void theDefaultRestartInitAsksRsToReincarnateTheService() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInitFresh(info -> Errno.OK)));
            AtomicInteger result = new AtomicInteger(1);
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                sendInit(t, service, InitType.RESTART, 0, Endpoint.make(2, 30), 1, 0);
                result.set(awaitCheckIn(t, service));
                answer(t, service, Errno.OK);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(Errno.ERESTART, result.get());
            assertEquals(PANIC_EXIT, h.awaitExit(service));
        }
    }

    @Test
    void anIdentityUpdateWithoutLuInitRunsTheRestartInitAndOtherUpdatesNeedOne() throws Exception {
        for (int flags : new int[] {LuFlags.SELF, LuFlags.SELF | LuFlags.ASR, 0}) {
            try (SefHarness h = new SefHarness()) {
                AtomicReference<InitInfo> restartSaw = new AtomicReference<>();
                int service = h.spawn(h.service("svc", b -> b.onInitRestart(info -> {
                    restartSaw.set(info);
                    return Errno.OK;
                })));
                AtomicInteger result = new AtomicInteger(1);
                int rs = h.spawn(rs(args -> {
                    Trap t = Trap.current();
                    sendInit(t, service, InitType.LIVE_UPDATE, flags, Endpoint.make(1, 40), 0, LuState.WORK_FREE);
                    result.set(awaitCheckIn(t, service));
                    answer(t, service, Errno.OK);
                }));
                h.start();
                h.assertFinished(rs);
                if (flags == LuFlags.SELF) {
                    assertEquals(Errno.OK, result.get());
                    assertEquals(InitType.LIVE_UPDATE, restartSaw.get().type());
                } else {
                    assertEquals(Errno.ENOSYS, result.get(), "flags " + LuFlags.describe(flags));
                    assertNull(restartSaw.get());
                }
            }
        }
    }

    @Test
    void debugInitFlagCrashCrashesBeforeTheCallback() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInit(info -> {
                h.events.add("callback");
                return Errno.OK;
            })));
            AtomicInteger received = new AtomicInteger(1);
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                sendInit(t, service, InitType.FRESH, InitFlags.CRASH, Endpoint.NONE, 0, 0);
                // The service dies instead of checking in.
                received.set(t.receive(service, new Message()));
            }));
            h.start();
            assertEquals(PANIC_EXIT, h.awaitExit(service));
            h.assertFinished(rs);
            assertEquals(Errno.EDEADSRCDST, received.get());
            assertEquals(List.of(), h.events);
            assertTrue(h.machine.log().stream().anyMatch(l -> l.contains("debug init flag CRASH")), h.machine.log().toString());
        }
    }

    @Test
    void debugInitFlagFailAnswersEnosysWithoutTheCallback() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInit(info -> {
                h.events.add("callback");
                return Errno.OK;
            })));
            AtomicInteger result = new AtomicInteger(1);
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                sendInit(t, service, InitType.RESTART, InitFlags.FAIL, Endpoint.make(1, 30), 1, 0);
                result.set(awaitCheckIn(t, service));
                answer(t, service, Errno.OK);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(Errno.ENOSYS, result.get());
            assertEquals(PANIC_EXIT, h.awaitExit(service));
            assertEquals(List.of(), h.events);
        }
    }

    @Test
    void debugInitFlagTimeoutHangsWithoutCheckingIn() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInit(info -> {
                h.events.add("callback");
                return Errno.OK;
            })));
            AtomicInteger later = new AtomicInteger(1);
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                hookGo(t);
                sendInit(t, service, InitType.FRESH, InitFlags.TIMEOUT, Endpoint.NONE, 0, 0);
                awaitGo(t);
                later.set(t.receiveNonBlocking(service, new Message()));
            }));
            h.start();
            h.go();
            h.assertFinished(rs);
            assertEquals(Errno.ENOTREADY, later.get(), "no check-in");
            assertTrue(h.runState(service).contains("RECEIVING"), h.runState(service));
            assertEquals(List.of(), h.events);
        }
    }

    @Test
    void debugInitFlagDefcbRunsTheDefaultCallbackInsteadOfTheServices() throws Exception {
        try (SefHarness h = new SefHarness()) {
            int service = h.spawn(h.service("svc", b -> b.onInitRestart(info -> {
                h.events.add("callback");
                return Errno.OK;
            })));
            AtomicInteger result = new AtomicInteger(1);
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                sendInit(t, service, InitType.RESTART, InitFlags.DEFCB, Endpoint.make(1, 30), 1, 0);
                result.set(awaitCheckIn(t, service));
                answer(t, service, Errno.OK);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(Errno.ERESTART, result.get(), "the default restart init resets");
            assertEquals(List.of(), h.events);
        }
    }

    @Test
    void rsInitialisesItselfWithoutAMessage() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<InitInfo> seen = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Sef sef = Sef.builder().onInitFresh(info -> {
                    seen.set(info);
                    return Errno.OK;
                }).build().startup();
                h.events.add("rs started");
                h.serve(sef);
            }));
            int client = h.spawn(ProcessSpec.system("client", args -> work(Trap.current(), Endpoint.RS)));
            h.start();
            assertEquals(0, h.awaitExit(client));
            assertEquals(InitType.FRESH, seen.get().type());
            assertEquals(rs, seen.get().self());
            assertEquals(List.of("rs started", "request 0x5e01 from " + client), h.events);
        }
    }
}

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
import minixj.lib.ipc.layout.RsLuPrepareMsg;
import minixj.lib.sef.LuFlags;
import minixj.lib.sef.LuState;
import minixj.lib.sef.Sef;

/**
 * The service side of a live update's preparation (spec minix-reliability §2.4), against a
 * stand-in RS: entering a prepare state, readiness checked before each receive, state save,
 * the report, and what happens when the update does not go on (RS's error, cancel).
 */
class SefLiveUpdateTest {
    private static final int BEGIN = 0x5E02;
    private static final int END = 0x5E03;

    /** RS_LU_PREPARE from the stand-in. */
    private static void prepare(Trap t, int service, int state, int flags) {
        Message m = new Message(RsLuPrepareMsg.RS_LU_PREPARE);
        new RsLuPrepareMsg(m).state(state).flags(flags).stateDataGrant(-1);
        assertEquals(Errno.OK, t.send(service, m));
    }

    /** The service's report (it waits in SENDREC), as "state result". */
    private static String awaitReport(Trap t, int service) {
        Message m = new Message();
        assertEquals(Errno.OK, t.receive(service, m));
        assertEquals(RsLuPrepareMsg.RS_LU_PREPARE, m.type());
        assertEquals(Ipc.SENDREC, Ipc.statusCall(t.ipcStatus()));
        RsLuPrepareMsg report = new RsLuPrepareMsg(m);
        return LuState.describe(report.state()) + " " + Errno.name(report.result());
    }

    /** A service recording its live-update callbacks; BEGIN and END requests make it busy and idle. */
    private static ProcessSpec service(SefHarness h, AtomicReference<Sef> sef, java.util.function.Consumer<Sef.Builder> more) {
        boolean[] busy = {false};
        return ProcessSpec.system("svc", args -> {
            Sef.Builder b = Sef.builder()
                    .onLuStateChanged((from, to) -> h.events.add("changed " + from + "->" + to))
                    .onLuStateSave((state, flags) -> {
                        h.events.add("save " + state + " " + LuFlags.describe(flags));
                        return Errno.OK;
                    })
                    .onLuStateDump(state -> h.events.add("dump " + state))
                    .onLuPrepare(state -> {
                        int r = busy[0] ? Errno.ENOTREADY : Errno.OK;
                        h.events.add("prepare " + state + " " + Errno.name(r));
                        return r;
                    });
            more.accept(b);
            sef.set(b.build().startup());
            Trap t = Trap.current();
            Message m = new Message();
            while (true) {
                if (sef.get().receive(Endpoint.ANY, m) != Errno.OK || Ipc.isNotify(sef.get().ipcStatus())) continue;
                if (m.type() == BEGIN) busy[0] = true;
                if (m.type() == END) busy[0] = false;
                h.events.add("request 0x" + Integer.toHexString(m.type()));
                t.sendnb(m.source(), m.clear().type(Errno.OK));
            }
        });
    }

    @Test
    void workFreeIsReadyAtTheNextReceiveAndRsCancelLetsTheServiceGoOn() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> sef = new AtomicReference<>();
            int svc = h.spawn(service(h, sef, b -> { }));
            AtomicReference<String> report = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, svc);
                prepare(t, svc, LuState.WORK_FREE, LuFlags.SELF);
                report.set(awaitReport(t, svc));
                // The update is off: RS cancels, which is the answer the service waits for.
                prepare(t, svc, LuState.NULL, 0);
                work(t, svc);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals("WORK_FREE OK", report.get());
            assertEquals(List.of("changed 0->1", "save 1 SELF", "dump 1", "changed 1->0", "request 0x5e01"), h.events);
            assertEquals(Errno.EINTR, sef.get().lastLiveUpdateResult());
            assertEquals(LuState.NULL, sef.get().liveUpdateState());
        }
    }

    @Test
    void aCustomStateIsReachedOnlyWhenThePrepareCallbackSaysSo() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> sef = new AtomicReference<>();
            int svc = h.spawn(service(h, sef, b -> b.onLuStateValid((state, flags) -> state == LuState.CUSTOM_BASE)));
            AtomicReference<String> report = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, svc);
                assertEquals(Errno.OK, t.sendrec(svc, new Message(BEGIN)));
                prepare(t, svc, LuState.CUSTOM_BASE, 0);
                work(t, svc); // preparing, the service still serves
                assertEquals(Errno.OK, t.sendrec(svc, new Message(END)));
                report.set(awaitReport(t, svc));
                answer(t, svc, Errno.ERESTART); // the update failed elsewhere
                work(t, svc);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals("CUSTOM(7) OK", report.get());
            assertEquals(List.of("request 0x5e02", "changed 0->7", "prepare 7 ENOTREADY", "request 0x5e01",
                    "prepare 7 ENOTREADY", "request 0x5e03", "prepare 7 OK", "save 7 0", "dump 7", "changed 7->0",
                    "request 0x5e01"), h.events);
            assertEquals(Errno.ERESTART, sef.get().lastLiveUpdateResult());
        }
    }

    @Test
    void unsupportedStatesAreRefusedAtOnce() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> plain = new AtomicReference<>();
            AtomicReference<Sef> choosy = new AtomicReference<>();
            int withDefault = h.spawn(service(h, plain, b -> { }));
            int withValidator = h.spawn(service(h, choosy, b -> b.onLuStateValid((state, flags) -> state == 9)));
            AtomicReference<String> reports = new AtomicReference<>("");
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, withDefault);
                initFresh(t, withValidator);
                prepare(t, withDefault, LuState.REQUEST_FREE, 0);
                reports.set(awaitReport(t, withDefault));
                answer(t, withDefault, Errno.OK);
                prepare(t, withValidator, LuState.PROTOCOL_FREE, 0);
                reports.set(reports.get() + ", " + awaitReport(t, withValidator));
                answer(t, withValidator, Errno.OK);
                work(t, withDefault);
                work(t, withValidator);
            }));
            h.start();
            h.assertFinished(rs);
            // No live-update support beyond WORK_FREE: ENOSYS; a validator that says no: EINVAL.
            assertEquals("REQUEST_FREE ENOSYS, PROTOCOL_FREE EINVAL", reports.get());
            assertEquals(List.of("request 0x5e01", "request 0x5e01"), h.events, "never entered a preparation");
            assertEquals(Errno.ENOSYS, plain.get().lastLiveUpdateResult());
            assertEquals(Errno.EINVAL, choosy.get().lastLiveUpdateResult());
        }
    }

    @Test
    void unreachableIsNeverReadyASecondRequestIsBusyAndCancelNeedsNoAnswer() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> sef = new AtomicReference<>();
            int svc = h.spawn(service(h, sef, b -> { }));
            AtomicReference<String> busy = new AtomicReference<>();
            AtomicReference<Integer> afterCancel = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, svc);
                prepare(t, svc, LuState.UNREACHABLE, 0); // a debug state: always accepted
                work(t, svc);
                prepare(t, svc, LuState.WORK_FREE, 0);
                busy.set(awaitReport(t, svc));
                answer(t, svc, Errno.EBUSY);
                prepare(t, svc, LuState.UNREACHABLE, 0);
                prepare(t, svc, LuState.NULL, 0); // cancel: no answer expected
                work(t, svc);
                afterCancel.set(t.receiveNonBlocking(svc, new Message()));
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals("UNREACHABLE EBUSY", busy.get());
            assertEquals(Errno.ENOTREADY, afterCancel.get(), "the cancel was not answered");
            assertEquals(List.of("changed 0->5", "request 0x5e01", "dump 5", "changed 5->0", "changed 0->5",
                    "changed 5->0", "request 0x5e01"), h.events);
            assertEquals(Errno.EINTR, sef.get().lastLiveUpdateResult());
        }
    }

    @Test
    void aFailingStateSaveBecomesTheResult() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> sef = new AtomicReference<>();
            int svc = h.spawn(service(h, sef, b -> b.onLuStateSave((state, flags) -> Errno.ENOMEM)));
            AtomicReference<String> report = new AtomicReference<>();
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, svc);
                prepare(t, svc, LuState.WORK_FREE, 0);
                report.set(awaitReport(t, svc));
                answer(t, svc, Errno.ENOMEM);
                work(t, svc);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals("WORK_FREE ENOMEM", report.get());
            assertEquals(Errno.ENOMEM, sef.get().lastLiveUpdateResult());
        }
    }

    @Test
    void prepareCrashCrashesTheService() throws Exception {
        try (SefHarness h = new SefHarness()) {
            AtomicReference<Sef> sef = new AtomicReference<>();
            int svc = h.spawn(service(h, sef, b -> { }));
            int rs = h.spawn(rs(args -> {
                Trap t = Trap.current();
                initFresh(t, svc);
                prepare(t, svc, LuState.PREPARE_CRASH, 0);
            }));
            h.start();
            h.assertFinished(rs);
            assertEquals(128 + Signals.SIGABRT, h.awaitExit(svc));
            assertEquals(List.of("changed 0->6"), h.events);
        }
    }
}

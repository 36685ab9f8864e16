package minixj.commands.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.layout.RsRequestMsg;
import minixj.lib.rs.RsStart;
import minixj.lib.rs.RsStartBuilder;
import minixj.lib.rs.RsStartCodec;
import minixj.lib.rs.RsStartFlags;
import minixj.lib.rs.config.DefaultSystemConf;
import minixj.lib.rs.config.SystemConf;
import minixj.lib.rs.config.SystemConfParser;
import org.junit.jupiter.api.Test;

/** The service utility's command line (spec §5.1): every action, option and argument, and the errors. */
class ServiceCommandLineTest {
    private static ServiceRequest parse(String line) throws UsageException {
        return ServiceCommandLine.parse(line.isEmpty() ? new String[0] : line.split(" "));
    }

    private static UsageException refused(String line, int status, String fragment) {
        UsageException e = assertThrows(UsageException.class, () -> parse(line), line);
        assertEquals(status, e.exitStatus(), line + " -> " + e.getMessage());
        assertTrue(e.getMessage().contains(fragment), line + " -> " + e.getMessage());
        return e;
    }

    @Test
    void upWithEveryOptionLetter() throws UsageException {
        Map<String, Integer> letters = Map.ofEntries(Map.entry("c", RsStartFlags.RSS_COPY),
                Map.entry("r", RsStartFlags.RSS_REUSE | RsStartFlags.RSS_COPY), Map.entry("n", RsStartFlags.RSS_NOBLOCK),
                Map.entry("p", RsStartFlags.RSS_REPLICA), Map.entry("b", RsStartFlags.RSS_NO_BIN_EXP),
                Map.entry("a", RsStartFlags.RSS_ASR_LU), Map.entry("o", RsStartFlags.RSS_PREPARE_ONLY_LU),
                Map.entry("s", RsStartFlags.RSS_FORCE_SELF_LU), Map.entry("x", RsStartFlags.RSS_FORCE_INIT_CRASH),
                Map.entry("y", RsStartFlags.RSS_FORCE_INIT_FAIL), Map.entry("z", RsStartFlags.RSS_FORCE_INIT_TIMEOUT),
                Map.entry("d", RsStartFlags.RSS_FORCE_INIT_DEFCB), Map.entry("u", 0),
                Map.entry("m", RsStartFlags.RSS_NO_INHERIT_MMAP), Map.entry("e", RsStartFlags.RSS_DETACH),
                Map.entry("f", RsStartFlags.RSS_NORESTART), Map.entry("t", RsStartFlags.RSS_FORCE_INIT_ST));
        for (var letter : letters.entrySet()) {
            ServiceRequest.Start up = (ServiceRequest.Start) parse("-" + letter.getKey() + " up /service/hello");
            assertEquals(letter.getValue(), up.flags(), "-" + letter.getKey());
        }
        ServiceRequest.Start grouped = (ServiceRequest.Start) parse("-cp -b up /service/hello");
        assertEquals(RsStartFlags.RSS_COPY | RsStartFlags.RSS_REPLICA | RsStartFlags.RSS_NO_BIN_EXP, grouped.flags());
        assertEquals(Action.UP, grouped.action());
        assertEquals("/service/hello", grouped.program());
        assertEquals("hello", grouped.programName());
        assertEquals("hello", grouped.label());
        assertEquals("", grouped.script());
    }

    @Test
    void everyPairArgument() throws UsageException {
        ServiceRequest.Start s = (ServiceRequest.Start) ServiceCommandLine.parse("up", "/service/printer",
                "-args", "-v -x", "-major", "6", "-devid", "3", "-period", "10HZ", "-script", "/etc/rs.printer",
                "-label", "lp", "-trg-label", "lp2", "-progname", "printer2", "-config", "/etc/printer.conf",
                "-state", "2", "-maxtime", "120", "-heap-prealloc", "4096", "-map-prealloc", "0x2000",
                "-ipc_bl", "pm,0x700:vfs", "-ipc_wl", ",5", "-asr-count", "1", "-restarts", "3");
        StartArguments a = s.arguments();
        assertEquals("-v -x", a.args());
        assertEquals(6, a.major());
        assertEquals(3, a.devmanId());
        assertEquals(new TickCount(10, true), a.period());
        assertEquals(600, a.period().toTicks(60));
        assertEquals("/etc/rs.printer", s.script());
        assertEquals("lp", s.label());
        assertEquals("lp2", a.triggerLabel());
        assertEquals("printer2", s.programName());
        assertEquals(List.of("/etc/printer.conf"), s.configFiles());
        assertEquals("2", a.state());
        assertEquals(new TickCount(120, false), a.maxTime());
        assertEquals(4096, a.heapPrealloc());
        assertEquals(0x2000, a.mapPrealloc());
        assertEquals(List.of(new IpcFilterSpec(false, List.of(new IpcFilterSpec.Element("pm", 0x700),
                new IpcFilterSpec.Element("vfs", -1))), new IpcFilterSpec(true, List.of(new IpcFilterSpec.Element("", 5)))),
                a.ipcFilters());
        assertEquals(1, a.asrCount());
        assertEquals(3, a.restarts());

        ServiceRequest.Start dev = (ServiceRequest.Start) parse("up /service/hello -dev /dev/hello");
        assertEquals("/dev/hello", dev.arguments().device());
        assertEquals(-1, dev.arguments().major());
        assertNull(dev.arguments().period());
        assertEquals(List.of("/usr/pkg/etc/system.conf.d/hello", "/etc/system.conf.d/hello", "/etc/system.conf"),
                dev.configFiles());
    }

    @Test
    void runIsUpWithTheSingleShotScript() throws UsageException {
        ServiceRequest.Start run = (ServiceRequest.Start) parse("run /usr/tests/dstest -config /usr/tests/system.conf");
        assertEquals(Action.RUN, run.action());
        assertEquals("/etc/rs.single", run.script());
        assertEquals(RsRequestMsg.RS_UP, run.action().request);
        ServiceRequest.Start own = (ServiceRequest.Start) parse("run /x -script /etc/mine");
        assertEquals("/etc/mine", own.script());
    }

    @Test
    void editNeedsALabel() throws UsageException {
        ServiceRequest.Start edit = (ServiceRequest.Start) parse("-c edit /sbin/init -label init");
        assertEquals(Action.EDIT, edit.action());
        assertEquals("init", edit.label());
        assertEquals(RsRequestMsg.RS_EDIT, edit.message(4, 100).type());
        assertEquals(4, new RsRequestMsg(edit.message(4, 100)).grant());
        assertEquals(100, new RsRequestMsg(edit.message(4, 100)).length());
        refused("edit /sbin/init", 22, "edit needs -label");
    }

    @Test
    void labelActionsAndTheirMessages() throws UsageException {
        Map<String, Integer> requests = Map.of("down", RsRequestMsg.RS_DOWN, "refresh", RsRequestMsg.RS_REFRESH,
                "restart", RsRequestMsg.RS_RESTART, "clone", RsRequestMsg.RS_CLONE, "unclone", RsRequestMsg.RS_UNCLONE,
                "fi", RsRequestMsg.RS_FI, "lookup", RsRequestMsg.RS_LOOKUP);
        for (var action : requests.entrySet()) {
            ServiceRequest.ByLabel request = (ServiceRequest.ByLabel) parse("-c " + action.getKey() + " hello");
            assertEquals(action.getKey(), request.action().word);
            assertEquals("hello", request.label());
            Message message = request.message();
            assertEquals(action.getValue(), message.type());
            assertEquals("hello", new RsRequestMsg(message).label(15));
            assertEquals(action.getKey().equals("fi") ? RsRequestMsg.FI_CRASH : 0, new RsRequestMsg(message).subtype());
            refused(action.getKey(), 22, "needs a label");
            refused(action.getKey() + " a b", 22, "got also 'b'");
        }
    }

    @Test
    void sysctlAndShutdown() throws UsageException {
        Map<String, Integer> operations = Map.of("srv_status", RsRequestMsg.SRV_STATUS, "upd_start",
                RsRequestMsg.UPD_START, "upd_run", RsRequestMsg.UPD_RUN, "upd_stop", RsRequestMsg.UPD_STOP,
                "upd_status", RsRequestMsg.UPD_STATUS);
        for (var op : operations.entrySet()) {
            ServiceRequest.Sysctl sysctl = (ServiceRequest.Sysctl) parse("sysctl " + op.getKey());
            assertEquals(op.getValue(), sysctl.operation());
            Message message = sysctl.message(-1, 0);
            assertEquals(RsRequestMsg.RS_SYSCTL, message.type());
            assertEquals(op.getValue(), new RsRequestMsg(message).subtype());
        }
        refused("sysctl", 22, "sysctl needs a request");
        refused("sysctl reboot", 22, "unknown sysctl request 'reboot'");
        refused("sysctl srv_status more", 22, "got also 'more'");
        assertInstanceOf(ServiceRequest.Shutdown.class, parse("shutdown"));
        assertEquals(RsRequestMsg.RS_SHUTDOWN, new ServiceRequest.Shutdown().message().type());
        refused("shutdown now", 22, "shutdown takes no arguments");
    }

    @Test
    void errorsAndTheirExitStatuses() {
        UsageException none = refused("", 22, "no action given");
        assertTrue(none.showUsage());
        assertTrue(none.report().startsWith("service: no action given\nusage:"), none.report());
        UsageException unknown = refused("frobnicate hello", 78, "unknown action 'frobnicate'");
        assertTrue(unknown.showUsage());
        refused("update /service/hello", 78, "live update is not available yet");
        refused("-k up /x", 22, "unknown option -k");
        refused("-q up /x", 22, "-q is only for update");
        refused("-q down x", 22, "-q is only for update");
        refused("up", 22, "up needs a program path");
        refused("up service/hello", 22, "must be absolute");
        refused("up /x extra", 22, "unexpected argument 'extra'");
        refused("up /x -label", 22, "-label needs a value");
        refused("up /x -colour red", 22, "unknown argument -colour");
        refused("up /x -major 3 -dev /dev/x", 22, "-dev and -major");
        refused("up /x -dev /dev/x -major 3", 22, "-dev and -major");
        refused("up /x -dev hello", 22, "not a device node path");
        refused("up /x -major 0", 22, "not a number above 0");
        refused("up /x -period soon", 22, "neither ticks nor NHZ");
        refused("up /x -period -1", 22, "neither ticks nor NHZ");
        refused("up /x -label a-label-longer-than-15", 22, "longer than 15");
        refused("up /x -progname a-name-longer-than-15", 22, "longer than 15");
        refused("up /x -state 0", 22, "0 is not a state");
        refused("up /x -heap-prealloc 0", 22, "-heap-prealloc");
        refused("up /x -map-prealloc x", 22, "-map-prealloc");
        refused("up /x -asr-count many", 22, "-asr-count");
        refused("up /x -restarts -2", 22, "-restarts");
        refused("up /x -ipc_bl ,", 22, "needs a label or a type");
        refused("up /x -ipc_wl pm,type", 22, "'type' is not a type");
        refused("up /x -ipc_bl a -ipc_bl b -ipc_bl c -ipc_bl d -ipc_wl e", 22, "at most 4 IPC filters");
        refused("up /x -ipc_bl " + "a:".repeat(128) + "a", 22, "more than 128 elements");
        UsageException quiet = refused("down", 22, "needs a label");
        assertTrue(quiet.showUsage());
        assertFalse(assertThrows(UsageException.class, () -> parse("up /x -major 0")).showUsage());
    }

    @Test
    void aStartRequestBecomesAnRsStartRecord() throws Exception {
        SystemConf conf = SystemConfParser.parse(DefaultSystemConf.PATH, DefaultSystemConf.TEXT);
        ServiceRequest.Start up = (ServiceRequest.Start) ServiceCommandLine.parse("-p", "up", "/service/hello",
                "-args", "loud", "-period", "3HZ", "-label", "hi", "-dev", "/dev/hello", "-restarts", "2");
        RsStartBuilder.Resolver resolver = new RsStartBuilder.Resolver() {
            @Override
            public int endpointOf(String label) {
                return label.equals("rs") ? Endpoint.RS : label.equals("sched") ? Endpoint.SCHED : -1;
            }

            @Override
            public int uidOf(String login) {
                return -1;
            }

            @Override
            public int callerUid() {
                return 0;
            }
        };
        RsStart start = StartRecord.build(up, conf.service(up.programName()), resolver, 60, 17);
        assertEquals("/service/hello loud", start.command());
        assertEquals("hello", start.programName());
        assertEquals("hi", start.label());
        assertEquals(180, start.period());
        assertEquals(17, start.major());
        assertEquals(2, start.restarts());
        assertEquals(RsStartFlags.RSS_REPLICA, start.flags());
        assertEquals("SYSTEM pm rs ds vm vfs", start.ipc());
        assertEquals(Endpoint.RS, start.signalManager());
        assertEquals(Endpoint.SCHED, start.scheduler());
        assertEquals(start, RsStartCodec.decode(RsStartCodec.encode(start)));
    }
}

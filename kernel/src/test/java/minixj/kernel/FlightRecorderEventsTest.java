package minixj.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysGetinfoMsg;

/** IPC traps and kernel calls show up as Flight Recorder events with their caller and result. */
class FlightRecorderEventsTest {
    @Test
    void ipcAndKernelCallsAreRecorded() throws Exception {
        Path file = Files.createTempFile("minixj", ".jfr");
        int client;
        try (Recording recording = new Recording()) {
            recording.enable("minixj.Ipc");
            recording.enable("minixj.KernelCall");
            recording.start();
            try (Machine m = new Machine(KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false), l -> { })) {
                int server = m.spawn(ProcessSpec.system("server", args -> {
                    Trap t = Trap.current();
                    Message msg = new Message();
                    while (true) {
                        t.receive(Endpoint.ANY, msg);
                        t.sendnb(msg.source(), msg);
                    }
                }));
                client = m.spawn(ProcessSpec.system("client", args -> {
                    Trap t = Trap.current();
                    for (int i = 0; i < 10; i++) t.sendrec(server, new Message(i));
                    Message info = new Message();
                    new SysGetinfoMsg(info).request(SysGetinfoMsg.GET_WHOAMI);
                    t.kernelCall(SysCalls.SYS_GETINFO, info);
                }));
                m.start();
                assertEquals(0, m.awaitExit(client, Duration.ofSeconds(10)));
            }
            recording.stop();
            recording.dump(file);
        }
        List<RecordedEvent> events = RecordingFile.readAllEvents(file);
        Files.deleteIfExists(file);
        long sendrecs = events.stream().filter(e -> e.getEventType().getName().equals("minixj.Ipc"))
                .filter(e -> e.getInt("source") == client && e.getInt("call") == Ipc.SENDREC)
                .filter(e -> e.getInt("result") == Errno.OK).count();
        assertEquals(10, sendrecs);
        assertTrue(events.stream().anyMatch(e -> e.getEventType().getName().equals("minixj.KernelCall")
                && e.getInt("caller") == client && e.getInt("call") == SysCalls.SYS_GETINFO - SysCalls.KERNEL_CALL));
    }
}

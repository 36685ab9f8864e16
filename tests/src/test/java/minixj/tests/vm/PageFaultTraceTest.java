package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.*;
import static minixj.tests.vm.VmHarness.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmPagefaultMsg;

/** A page fault shows in a kernel trace (Flight Recorder) as the VM_PAGEFAULT message it is. */
class PageFaultTraceTest {
    @Test
    void aFaultIsAKernelForgedMessageToVmOnTheProcesssBehalf() throws Exception {
        Path file = Files.createTempFile("minixj-pagefault", ".jfr");
        int client;
        AtomicLong address = new AtomicLong();
        try (Recording recording = new Recording()) {
            recording.enable("minixj.KernelMessage");
            recording.start();
            try (Machine m = machine(0)) {
                bootVm(m);
                client = m.spawn(ProcessSpec.user("client", args -> {
                    Trap t = Trap.current();
                    long a = mmap(t, 2 * 4096);
                    address.set(a);
                    t.memory().writeInt(a + 4096, 7); // the fault
                }));
                m.start();
                assertEquals(0, m.awaitExit(client, Duration.ofSeconds(20)));
            }
            recording.stop();
            recording.dump(file);
        }
        try {
            List<RecordedEvent> faults = RecordingFile.readAllEvents(file).stream()
                    .filter(e -> e.getEventType().getName().equals("minixj.KernelMessage"))
                    .filter(e -> e.getInt("type") == VmPagefaultMsg.VM_PAGEFAULT)
                    .filter(e -> e.getInt("source") == client)
                    .toList();
            assertFalse(faults.isEmpty(), "no VM_PAGEFAULT for the client in the trace");
            for (RecordedEvent e : faults) {
                assertEquals(Endpoint.VM, Endpoint.slot(e.getInt("destination")));
                assertEquals(Errno.OK, e.getInt("result"));
            }
            assertTrue(address.get() > 0);
        } finally {
            Files.deleteIfExists(file);
        }
    }
}

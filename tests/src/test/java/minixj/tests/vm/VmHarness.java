package minixj.tests.vm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import minixj.kernel.KernelConfig;
import minixj.kernel.Machine;
import minixj.kernel.ProcessSpec;
import minixj.kernel.loader.JarImage;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;

/** Shared set-up for the VM tests: a virtual-time machine with VM booted from its JAR, and VM calls. */
final class VmHarness {
    /** An address no process has a region at. */
    static final long NOWHERE = 0x8000_0000L;
    static final int ANON_PRIVATE = VmMsg.MAP_ANON | VmMsg.MAP_PRIVATE;
    static final int READ_WRITE = VmMsg.PROT_READ | VmMsg.PROT_WRITE;

    private VmHarness() {
    }

    static Machine machine(long memoryBytes) {
        KernelConfig config = KernelConfig.defaults().withVirtualTime(true).withWatchdog(0, false);
        return new Machine(memoryBytes > 0 ? config.withMemory(memoryBytes) : config, l -> { });
    }

    static JarImage jar(String pkg, String main) {
        return JarImage.fromClasspath(VmHarness.class.getClassLoader(), pkg, main);
    }

    static int bootVm(Machine m) throws Exception {
        return m.spawn(ProcessSpec.system(jar("minixj.servers.vm", "minixj.servers.vm.Vm"))
                .inSlot(Endpoint.VM).withSigManagers(Endpoint.SELF, Endpoint.NONE));
    }

    /** sendrec to VM; the reply's type is the result. */
    static VmMsg call(Trap t, VmMsg request, int type) {
        request.message().type(type);
        assertEquals(Errno.OK, t.sendrec(Endpoint.VM, request.message()));
        return request;
    }

    static VmMsg request() {
        return new VmMsg(new Message());
    }

    static int result(VmMsg reply) {
        return reply.message().type();
    }

    /** VM_MMAP of anonymous read-write memory: the address, or the (negative) error. */
    static long mmap(Trap t, long length) {
        VmMsg r = call(t, request().length(length).prot(READ_WRITE).flags(ANON_PRIVATE), VmMsg.VM_MMAP);
        return result(r) == Errno.OK ? r.address() : result(r);
    }

    static VmMsg info(Trap t, int endpoint) {
        VmMsg r = call(t, request().endpoint(endpoint), VmMsg.VM_INFO);
        assertEquals(Errno.OK, result(r));
        return r;
    }
}

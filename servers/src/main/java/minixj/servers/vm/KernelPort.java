package minixj.servers.vm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.sys.Sys;

/** VM's kernel calls: page-table edits through SYS_VMCTL, frame fills and copies, SIGSEGV. */
final class KernelPort {
    static final int PTE_USER = SysVmctlMsg.PTE_USER;
    static final int PTE_WRITABLE = SysVmctlMsg.PTE_WRITABLE;
    static final int PTE_COW = SysVmctlMsg.PTE_COW;

    private final Trap trap;
    private final Message m = new Message();

    KernelPort(Trap trap) {
        this.trap = trap;
    }

    /** The last reply of {@link #vmctl}. */
    SysVmctlMsg reply() { return new SysVmctlMsg(m); }

    int vmctl(int request, int endpoint, long address, long value, long value2, long length) {
        new SysVmctlMsg(m.clear()).request(request).endpoint(endpoint).address(address).value(value).value2(value2)
                .length(length);
        return trap.kernelCall(SysCalls.SYS_VMCTL, m);
    }

    int map(int endpoint, long address, int frame, int flags) {
        return vmctl(SysVmctlMsg.VMCTL_PT_MAP, endpoint, address, frame, flags, 0);
    }

    int unmap(int endpoint, long address) {
        return vmctl(SysVmctlMsg.VMCTL_PT_UNMAP, endpoint, address, 0, 0, 0);
    }

    int clearFault(int endpoint) {
        return vmctl(SysVmctlMsg.VMCTL_CLEAR_PAGEFAULT, endpoint, 0, 0, 0, 0);
    }

    int zeroFrame(int frame) {
        return Sys.memset(trap, Endpoint.NONE, (long) frame << 12, 0, Region.PAGE);
    }

    int copyFrame(int from, int to) {
        return Sys.physcopy(trap, Endpoint.NONE, (long) from << 12, Endpoint.NONE, (long) to << 12, Region.PAGE);
    }

    int segv(int endpoint) {
        return Sys.kill(trap, endpoint, Signals.SIGSEGV);
    }
}

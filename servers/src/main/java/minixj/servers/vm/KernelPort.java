package minixj.servers.vm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.mem.UserMemory;
import minixj.lib.sys.Sys;

/**
 * VM's kernel calls: page-table edits through SYS_VMCTL, frame fills and copies, SIGSEGV, grant
 * checks for remap, privilege ids, and the slot swap of a live update.
 */
final class KernelPort {
    static final int PTE_USER = SysVmctlMsg.PTE_USER;
    static final int PTE_WRITABLE = SysVmctlMsg.PTE_WRITABLE;
    static final int PTE_COW = SysVmctlMsg.PTE_COW;

    /** Size of the kernel's process record; the privilege id is at offset 20. */
    static final int PROC_RECORD = 64;

    private final Trap trap;
    private final Message m = new Message();
    /** A page of VM's own memory (present before VM took memory) for the kernel's records. */
    private final long scratch;

    KernelPort(Trap trap, long scratch) {
        this.trap = trap;
        this.scratch = scratch;
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

    /**
     * The kernel's privilege id of {@code endpoint}; the user id when the kernel does not know
     * the process (it then cannot be a system process).
     */
    int privId(int endpoint) {
        if (Sys.getinfo(trap, SysGetinfoMsg.GET_PROC, endpoint, scratch, PROC_RECORD) != Errno.OK) {
            return PrivFlags.USER_PRIV_ID;
        }
        int id = memory().readInt(scratch + 20);
        return id < 0 ? PrivFlags.USER_PRIV_ID : id;
    }

    private UserMemory memory() { return trap.memory(); }

    /** May {@code grantee} access {@code length} bytes of grant {@code grant} of {@code granter}? {@link #reply} says where. */
    int grantLookup(int grantee, int granter, int grant, long length, int access) {
        new SysVmctlMsg(m.clear()).request(SysVmctlMsg.VMCTL_GRANT_LOOKUP).endpoint(grantee).value(granter)
                .value2(grant).address(0).length(length).writeFlag(access);
        return trap.kernelCall(SysCalls.SYS_VMCTL, m);
    }

    int update(int source, int destination, int flags) {
        return Sys.update(trap, source, destination, flags);
    }

    int segv(int endpoint) {
        return Sys.kill(trap, endpoint, Signals.SIGSEGV);
    }
}

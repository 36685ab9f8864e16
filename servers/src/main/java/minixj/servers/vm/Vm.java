package minixj.servers.vm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.NotifyMessage;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.ipc.layout.VmPagefaultMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.mem.UserMemory;
import minixj.lib.sys.Sys;

/**
 * VM's main loop. At start VM takes physical memory from the kernel and adopts the pages the
 * kernel had already given to processes; then it serves page faults (forged by the kernel, no
 * reply) and the VM_* calls of {@link VmMsg}. VM_FORK and VM_EXIT are PM's alone (by slot); any
 * process may use BRK, MMAP, MUNMAP and INFO for itself. Denied or unknown calls get ENOSYS, as
 * MINIX's ACL does.
 */
public final class Vm {
    /** Where the kernel writes the frame bitmap (room for 2 GiB of frames) and the process table. */
    static final long BITMAP = MemoryLayout.INITIAL_REGION_BASE;
    static final int BITMAP_BYTES = 64 * 1024;
    static final long PROCTAB = BITMAP + BITMAP_BYTES;
    static final int PROC_RECORD = 64;
    static final int PROCS = Endpoint.NR_TASKS + Endpoint.NR_PROCS;
    /** RTS flag of an unused process-table slot. */
    static final int SLOT_FREE = 0x1;

    private Vm() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        KernelPort kernel = new KernelPort(trap);
        AddressSpaces spaces = takeMemory(trap, kernel);
        Message m = new Message();
        while (true) {
            if (trap.receive(Endpoint.ANY, m) != Errno.OK) continue;
            int status = trap.ipcStatus();
            if (Ipc.isNotify(status)) {
                if (m.source() == Endpoint.SYSTEM
                        && new NotifyMessage(m).sigset().contains(Signals.SIGKMEM)) {
                    serveMemoryRequests(trap, spaces);
                }
                continue;
            }
            int source = m.source();
            if (m.type() == VmPagefaultMsg.VM_PAGEFAULT) {
                // Only the kernel reports faults; a forged one would let anyone stop a process.
                if (!Ipc.isFromKernel(status)) {
                    reply(trap, source, m, Errno.EPERM);
                    continue;
                }
                VmPagefaultMsg pf = new VmPagefaultMsg(m);
                spaces.pageFault(source, pf.address(), (pf.flags() & VmPagefaultMsg.PFERR_WRITE) != 0);
                continue;
            }
            reply(trap, source, m, call(spaces, source, new VmMsg(m)));
        }
    }

    /**
     * The kernel's memory requests (spec §5.4): a kernel call of some process copied into or out
     * of a page that is missing or copy-on-write. Each is resolved like a page fault and
     * answered; the kernel then runs the call again.
     */
    private static void serveMemoryRequests(Trap trap, AddressSpaces spaces) {
        Message m = new Message();
        while (true) {
            new SysVmctlMsg(m.clear()).request(SysVmctlMsg.VMCTL_MEMREQ_GET).endpoint(Endpoint.SELF);
            if (trap.kernelCall(SysCalls.SYS_VMCTL, m) != Errno.OK) return;
            SysVmctlMsg req = new SysVmctlMsg(m);
            int requestor = (int) req.value();
            int target = (int) req.value2();
            boolean write = req.writeFlag() != 0;
            boolean ok = true;
            for (long page = req.address() & ~(MemoryLayout.PAGE_SIZE - 1L); page < req.address() + req.length();
                 page += MemoryLayout.PAGE_SIZE) {
                ok &= spaces.resolve(target, page, write);
            }
            new SysVmctlMsg(m.clear()).request(SysVmctlMsg.VMCTL_MEMREQ_REPLY).endpoint(requestor)
                    .result(ok ? Errno.OK : Errno.EFAULT);
            trap.kernelCall(SysCalls.SYS_VMCTL, m);
        }
    }

    private static int call(AddressSpaces spaces, int source, VmMsg req) {
        boolean fromPm = Endpoint.slot(source) == Endpoint.PM;
        return switch (req.message().type()) {
            case VmMsg.VM_EXIT -> fromPm ? spaces.exit(req.endpoint()) : Errno.ENOSYS;
            case VmMsg.VM_FORK -> fromPm ? spaces.fork(req.endpoint(), req.child()) : Errno.ENOSYS;
            case VmMsg.VM_BRK -> spaces.brk(source, req);
            case VmMsg.VM_MMAP -> spaces.mmap(source, req);
            case VmMsg.VM_MUNMAP -> spaces.munmap(source, req);
            case VmMsg.VM_INFO -> spaces.info(req.endpoint() == Endpoint.SELF ? source : req.endpoint(), req);
            default -> Errno.ENOSYS;
        };
    }

    /**
     * VMCTL_TAKE_MEMORY, then adoption: every page the kernel mapped so far becomes part of its
     * process's initial region. VM cannot page itself, so the buffers the kernel writes into are
     * touched first.
     */
    private static AddressSpaces takeMemory(Trap trap, KernelPort kernel) {
        UserMemory memory = trap.memory();
        memory.fill(BITMAP, BITMAP_BYTES, (byte) 0);
        memory.fill(PROCTAB, (long) PROC_RECORD * PROCS, (byte) 0);
        int r = kernel.vmctl(SysVmctlMsg.VMCTL_TAKE_MEMORY, Endpoint.SELF, BITMAP, 0, 0, BITMAP_BYTES);
        if (r != Errno.OK) throw new IllegalStateException("vm: cannot take memory: " + Errno.name(r));
        int total = (int) kernel.reply().value();
        byte[] bitmap = new byte[(total + 7) / 8];
        memory.read(BITMAP, bitmap, 0, bitmap.length);
        AddressSpaces spaces = new AddressSpaces(new Frames(bitmap, total), kernel);
        r = Sys.getinfo(trap, SysGetinfoMsg.GET_PROCTAB, Endpoint.SELF, PROCTAB, PROC_RECORD * PROCS);
        if (r != Errno.OK) throw new IllegalStateException("vm: no process table: " + Errno.name(r));
        for (int i = 0; i < PROCS; i++) {
            long record = PROCTAB + (long) i * PROC_RECORD;
            int endpoint = memory.readInt(record + 4);
            int rts = memory.readInt(record + 8);
            if ((rts & SLOT_FREE) != 0 || Endpoint.isTask(endpoint)) continue;
            long address = 0;
            while (kernel.vmctl(SysVmctlMsg.VMCTL_PT_NEXT, endpoint, address, 0, 0, 0) == Errno.OK) {
                SysVmctlMsg pte = kernel.reply();
                spaces.adopt(endpoint, pte.address(), (int) (pte.value() >>> 12));
                address = pte.address() + Region.PAGE;
            }
        }
        return spaces;
    }

    private static void reply(Trap trap, int to, Message m, int result) {
        m.type(result);
        trap.sendnb(to, m);
    }
}

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
 * reply) and the VM_* calls of {@link VmMsg}. Each call is checked against the caller's VM call
 * mask ({@link CallMasks}, by privilege id); a call outside it, or unknown, gets ENOSYS, as
 * MINIX's VM answers calls its ACL refuses. VM_FORK and VM_EXIT are further PM's alone, and
 * VM_RS_SET_PRIV and VM_RS_UPDATE RS's alone (by slot).
 */
public final class Vm {
    /** Where the kernel writes the frame bitmap (room for 2 GiB of frames) and the process table. */
    static final long BITMAP = MemoryLayout.INITIAL_REGION_BASE;
    static final int BITMAP_BYTES = 64 * 1024;
    static final long PROCTAB = BITMAP + BITMAP_BYTES;
    static final int PROC_RECORD = KernelPort.PROC_RECORD;
    static final int PROCS = Endpoint.NR_TASKS + Endpoint.NR_PROCS;
    /** One process record for {@link KernelPort#privId}. */
    static final long PROC_SCRATCH = PROCTAB + (long) PROC_RECORD * PROCS;
    /** RTS flag of an unused process-table slot. */
    static final int SLOT_FREE = 0x1;
    /** The answer to a call outside the caller's mask (MINIX's VM leaves its ENOSYS in place). */
    static final int DENIED = Errno.ENOSYS;

    private Vm() {
    }

    public static void main(String[] args) {
        Trap trap = Trap.current();
        KernelPort kernel = new KernelPort(trap, PROC_SCRATCH);
        AddressSpaces spaces = takeMemory(trap, kernel);
        MemoryCalls memoryCalls = new MemoryCalls(spaces);
        Sharing sharing = new Sharing(spaces);
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
            VmMsg req = new VmMsg(m);
            int result = call(spaces, memoryCalls, sharing, source, req);
            // RS updated itself: its program now answers at the other slot's endpoint.
            if (m.type() == VmMsg.VM_RS_UPDATE && result == Errno.OK) {
                if (source == req.endpoint()) source = req.child();
                else if (source == req.child()) source = req.endpoint();
            }
            reply(trap, source, m, result);
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

    private static int call(AddressSpaces spaces, MemoryCalls memoryCalls, Sharing sharing, int source, VmMsg req) {
        int type = req.message().type();
        int number = type - VmMsg.VM_RQ_BASE;
        if (number < 0 || number >= Long.SIZE) return Errno.ENOSYS;
        VmProcess caller = spaces.process(source);
        if (!spaces.state.masks.allows(caller.privId, number)) return DENIED;
        boolean fromPm = Endpoint.slot(source) == Endpoint.PM;
        boolean fromRs = Endpoint.slot(source) == Endpoint.RS;
        return switch (type) {
            case VmMsg.VM_EXIT -> fromPm ? spaces.exit(req.endpoint()) : DENIED;
            case VmMsg.VM_FORK -> fromPm ? spaces.fork(req.endpoint(), req.child()) : DENIED;
            case VmMsg.VM_BRK -> memoryCalls.brk(caller, req);
            case VmMsg.VM_MMAP -> memoryCalls.mmap(caller, req);
            case VmMsg.VM_MUNMAP -> memoryCalls.munmap(caller, req);
            case VmMsg.VM_INFO -> spaces.info(req.endpoint() == Endpoint.SELF ? source : req.endpoint(), req);
            case VmMsg.VM_REMAP -> sharing.remap(caller, req, false);
            case VmMsg.VM_REMAP_RO -> sharing.remap(caller, req, true);
            case VmMsg.VM_SHM_UNMAP -> sharing.shmUnmap(caller, req);
            case VmMsg.VM_GETPHYS -> sharing.getphys(caller, req);
            case VmMsg.VM_GETREF -> sharing.getref(caller, req);
            case VmMsg.VM_RS_SET_PRIV -> fromRs ? setPriv(spaces, req) : DENIED;
            case VmMsg.VM_RS_UPDATE -> fromRs ? spaces.update(req.endpoint(), req.child(), req.flags()) : DENIED;
            default -> Errno.ENOSYS;
        };
    }

    /**
     * VM_RS_SET_PRIV: the mask goes to the target's privilege id, which VM asks the kernel for
     * (RS has just set it). A user process's mask is every user process's; {@code flags} must
     * say whether the target is a system process, as MINIX refuses a shared mask for one.
     */
    private static int setPriv(AddressSpaces spaces, VmMsg req) {
        if (req.endpoint() == Endpoint.SELF || Endpoint.isTask(req.endpoint())) return Errno.EINVAL;
        VmProcess target = spaces.process(req.endpoint());
        target.privId = spaces.kernel.privId(req.endpoint());
        if (target.isSystem() != (req.flags() == 1)) return Errno.EINVAL;
        spaces.state.masks.set(target.privId, req.callMask());
        return Errno.OK;
    }

    /**
     * VMCTL_TAKE_MEMORY, then adoption: every page the kernel mapped so far becomes part of its
     * process's initial region. VM cannot page itself, so the buffers the kernel writes into are
     * touched first.
     */
    private static AddressSpaces takeMemory(Trap trap, KernelPort kernel) {
        UserMemory memory = trap.memory();
        memory.fill(BITMAP, BITMAP_BYTES, (byte) 0);
        memory.fill(PROCTAB, (long) PROC_RECORD * (PROCS + 1), (byte) 0);
        int r = kernel.vmctl(SysVmctlMsg.VMCTL_TAKE_MEMORY, Endpoint.SELF, BITMAP, 0, 0, BITMAP_BYTES);
        if (r != Errno.OK) throw new IllegalStateException("vm: cannot take memory: " + Errno.name(r));
        int total = (int) kernel.reply().value();
        byte[] bitmap = new byte[(total + 7) / 8];
        memory.read(BITMAP, bitmap, 0, bitmap.length);
        AddressSpaces spaces = new AddressSpaces(new VmState(new Frames(bitmap, total)), kernel);
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

package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.kernel.memory.GrantResult;
import minixj.kernel.memory.Mmu;
import minixj.kernel.memory.PageTable;
import minixj.kernel.memory.PageTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.layout.SysCopyMsg;
import minixj.lib.ipc.layout.SysMemsetMsg;
import minixj.lib.ipc.layout.SysSafecopyMsg;
import minixj.lib.ipc.layout.SysSafememsetMsg;
import minixj.lib.ipc.layout.SysSetgrantMsg;
import minixj.lib.ipc.layout.SysUmapMsg;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.ipc.layout.SysVsafecopyMsg;
import minixj.lib.mem.GrantEntry;
import minixj.lib.mem.SafecopyVector;

/** Memory kernel calls: grants and safecopy, raw copies, memset, umap, and VM control. */
final class DoMemory {
    /** Largest grant table a process may register. */
    static final int MAX_GRANT_ENTRIES = 1 << 20;
    /** SYS_VMCTL: VM resolved a page fault (kept here for the tests' convenience). */
    static final int VMCTL_CLEAR_PAGEFAULT = SysVmctlMsg.VMCTL_CLEAR_PAGEFAULT;

    private final Kernel kernel;
    private final Memory memory;

    DoMemory(Kernel kernel, Memory memory) {
        this.kernel = kernel;
        this.memory = memory;
    }

    void register(KernelCalls calls) {
        calls.register(SysCalls.SYS_SETGRANT, this::setgrant);
        calls.register(SysCalls.SYS_SAFECOPYFROM, (c, m) -> safecopy(c, m, true));
        calls.register(SysCalls.SYS_SAFECOPYTO, (c, m) -> safecopy(c, m, false));
        calls.register(SysCalls.SYS_VSAFECOPY, this::vsafecopy);
        calls.register(SysCalls.SYS_SAFEMEMSET, this::safememset);
        calls.register(SysCalls.SYS_VIRCOPY, (c, m) -> copy(c, m, false));
        calls.register(SysCalls.SYS_PHYSCOPY, (c, m) -> copy(c, m, true));
        calls.register(SysCalls.SYS_MEMSET, this::memset);
        calls.register(SysCalls.SYS_UMAP, this::umap);
        calls.register(SysCalls.SYS_VMCTL, this::vmctl);
    }

    /** SYS_SETGRANT: registers the caller's grant table (EPERM without privileges of its own). */
    int setgrant(Proc caller, Message m) {
        SysSetgrantMsg req = new SysSetgrantMsg(m);
        if (caller.has(RtsFlags.NO_PRIV) || caller.priv.id == PrivFlags.USER_PRIV_ID) return EPERM;
        int entries = req.entries();
        if (entries < 0 || entries > MAX_GRANT_ENTRIES || req.address() < 0) return EINVAL;
        Priv priv = caller.priv;
        priv.grantTableAddress = req.address();
        priv.grantTableEntries = entries;
        priv.grantTableEndpoint = caller.endpoint;
        return OK;
    }

    /** SAFECOPYFROM reads the granter's memory (CPF_READ); SAFECOPYTO writes it (CPF_WRITE). */
    int safecopy(Proc caller, Message m, boolean fromGranter) {
        SysSafecopyMsg req = new SysSafecopyMsg(m);
        return safecopy(caller, req.granter(), req.grantId(), req.offset(), req.address(), req.length(), fromGranter);
    }

    private int safecopy(Proc caller, int granter, int grantId, long offset, long address, long length,
                         boolean fromGranter) {
        if (length < 0 || offset < 0) return EINVAL;
        int access = fromGranter ? GrantEntry.CPF_READ : GrantEntry.CPF_WRITE;
        GrantResult g = memory.verifier.verify(granter, caller.endpoint, grantId, length, access, offset);
        if (!g.ok()) return g.status();
        Proc owner = kernel.procs.byEndpoint(g.endpoint());
        if (owner == null) return ESRCH; // a magic grant's who_from is gone (MINIX's virtual_copy)
        memory.tryOnly = (g.flags() & GrantEntry.CPF_TRY) != 0; // fail fast: the caller retries with VM's help
        int r;
        try {
            r = fromGranter ? memory.copy(owner, g.address(), caller, address, length)
                    : memory.copy(caller, address, owner, g.address(), length);
        } finally {
            memory.tryOnly = false;
        }
        if (r == EFAULT && (g.flags() & GrantEntry.CPF_TRY) != 0) {
            memory.verifier.markFaulted(granter, grantId);
        }
        return r;
    }

    /** SYS_VSAFECOPY: up to 64 safecopies described in the caller's memory; the first failure ends it. */
    int vsafecopy(Proc caller, Message m) {
        SysVsafecopyMsg req = new SysVsafecopyMsg(m);
        int n = req.count();
        if (n < 0 || n > SafecopyVector.MAX_ELEMENTS) return EINVAL;
        byte[] vec = new byte[n * SafecopyVector.ELEMENT_SIZE];
        int r = memory.copyFromProcess(caller, req.vectorAddress(), vec, vec.length);
        if (r != OK) return r;
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(vec).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            int base = i * SafecopyVector.ELEMENT_SIZE;
            int from = b.getInt(base + SafecopyVector.FROM);
            int to = b.getInt(base + SafecopyVector.TO);
            boolean fromGranter;
            int granter;
            if (to == Endpoint.SELF && from != Endpoint.SELF) {
                fromGranter = true;
                granter = from;
            } else if (from == Endpoint.SELF && to != Endpoint.SELF) {
                fromGranter = false;
                granter = to;
            } else {
                req.done(i);
                return EINVAL;
            }
            r = safecopy(caller, granter, b.getInt(base + SafecopyVector.GRANT), b.getLong(base + SafecopyVector.OFFSET),
                    b.getLong(base + SafecopyVector.ADDRESS), b.getLong(base + SafecopyVector.BYTES), fromGranter);
            if (r != OK) {
                req.done(i);
                return r;
            }
        }
        req.done(n);
        return OK;
    }

    /** SYS_SAFEMEMSET: fill a range of a grant (CPF_WRITE). */
    int safememset(Proc caller, Message m) {
        SysSafememsetMsg req = new SysSafememsetMsg(m);
        if (req.length() < 0 || req.offset() < 0) return EINVAL;
        GrantResult g = memory.verifier.verify(req.granter(), caller.endpoint, req.grantId(), req.length(),
                GrantEntry.CPF_WRITE, req.offset());
        if (!g.ok()) return g.status();
        Proc owner = kernel.procs.byEndpoint(g.endpoint());
        if (owner == null) return ESRCH; // as MINIX's vm_memset
        return memory.fill(owner, g.address(), req.length(), (byte) req.pattern());
    }

    /** SYS_VIRCOPY / SYS_PHYSCOPY: raw copies; SELF names the caller, NONE physical memory (PHYSCOPY only). */
    int copy(Proc caller, Message m, boolean physicalAllowed) {
        SysCopyMsg req = new SysCopyMsg(m);
        if (req.length() < 0) return EINVAL;
        Proc[] sides = new Proc[2];
        int[] endpoints = {req.sourceEndpoint(), req.destinationEndpoint()};
        for (int i = 0; i < 2; i++) {
            int ep = endpoints[i] == Endpoint.SELF ? caller.endpoint : endpoints[i];
            if (ep == Endpoint.NONE) {
                if (!physicalAllowed) return EINVAL;
                continue;
            }
            Proc p = kernel.procs.byEndpoint(ep);
            if (p == null || p.isTask()) return EINVAL;
            sides[i] = p;
        }
        memory.tryOnly = (req.flags() & SysCopyMsg.CP_FLAG_TRY) != 0;
        try {
            return memory.copy(sides[0], req.sourceAddress(), sides[1], req.destinationAddress(), req.length());
        } finally {
            memory.tryOnly = false;
        }
    }

    /** SYS_MEMSET: fill physical memory (endpoint NONE) or a process's memory. */
    int memset(Proc caller, Message m) {
        SysMemsetMsg req = new SysMemsetMsg(m);
        Proc p = null;
        if (req.endpoint() != Endpoint.NONE) {
            p = kernel.procs.byEndpoint(req.endpoint() == Endpoint.SELF ? caller.endpoint : req.endpoint());
            if (p == null || p.isTask()) return EINVAL;
        }
        return memory.fill(p, req.address(), req.length(), (byte) req.pattern());
    }

    /** SYS_UMAP: virtual to physical; the whole range must be present and physically contiguous, else EFAULT. */
    int umap(Proc caller, Message m) {
        SysUmapMsg req = new SysUmapMsg(m);
        Proc p = kernel.procs.byEndpoint(req.endpoint() == Endpoint.SELF ? caller.endpoint : req.endpoint());
        if (p == null || p.space == null) return EINVAL;
        long vaddr = req.virtualAddress();
        long phys = memory.mmu.translate(p.space.pageTable, vaddr, false);
        if (phys < 0) return phys == Mmu.BAD_ADDRESS ? EINVAL : EFAULT;
        // As MINIX's vm_lookup_range: every page of the range present and physically contiguous.
        long page = PageTable.PAGE_SIZE;
        for (long v = (vaddr & -page) + page; v < vaddr + req.length(); v += page) {
            if (memory.mmu.translate(p.space.pageTable, v, false) != phys + (v - vaddr)) return EFAULT;
        }
        req.physicalAddress(phys);
        return OK;
    }

    /**
     * SYS_VMCTL: VM's control requests — page faults resolved, address spaces inhibited, and
     * (MinixJ) page-table edits and the hand-over of physical memory.
     */
    int vmctl(Proc caller, Message m) {
        SysVmctlMsg req = new SysVmctlMsg(m);
        if (req.request() == SysVmctlMsg.VMCTL_TAKE_MEMORY) return takeMemory(caller, req);
        if (req.request() == SysVmctlMsg.VMCTL_MEMREQ_GET) {
            for (Memory.MemoryRequest r : kernel.memoryRequests) {
                if (r.result != Kernel.VMSUSPEND || r.handedOut) continue;
                r.handedOut = true;
                req.value(r.requestor).value2(r.target).address(r.address).length(r.length).writeFlag(r.write ? 1 : 0);
                return OK;
            }
            return ENOENT;
        }
        if (req.request() == SysVmctlMsg.VMCTL_MEMREQ_REPLY) {
            return kernel.memoryRequestDone(req.endpoint(), req.result());
        }
        Proc p = kernel.procs.byEndpoint(req.endpoint() == Endpoint.SELF ? caller.endpoint : req.endpoint());
        if (p == null) return EINVAL;
        if (req.request() == SysVmctlMsg.VMCTL_GRANT_LOOKUP) return grantLookup(p, req);
        switch (req.request()) {
            case SysVmctlMsg.VMCTL_CLEAR_PAGEFAULT -> {
                if (!p.has(RtsFlags.PAGEFAULT)) return EINVAL;
                kernel.rtsUnset(p, RtsFlags.PAGEFAULT);
                return OK;
            }
            case SysVmctlMsg.VMCTL_VMINHIBIT_SET -> {
                kernel.rtsSet(p, RtsFlags.VMINHIBIT);
                return OK;
            }
            case SysVmctlMsg.VMCTL_VMINHIBIT_CLEAR -> {
                kernel.rtsUnset(p, RtsFlags.VMINHIBIT);
                return OK;
            }
            case SysVmctlMsg.VMCTL_BOOTINHIBIT_CLEAR -> {
                kernel.rtsUnset(p, RtsFlags.BOOTINHIBIT);
                return OK;
            }
            default -> {
                return pageTable(p, req);
            }
        }
    }

    private int pageTable(Proc p, SysVmctlMsg req) {
        if (p.space == null) return EINVAL;
        PageTable pt = p.space.pageTable;
        long address = req.address();
        if (address < 0 || address >= PageTable.ADDRESS_LIMIT) return EFAULT;
        switch (req.request()) {
            case SysVmctlMsg.VMCTL_PT_MAP -> {
                long frame = req.value();
                if (frame < 0 || frame >= memory.physical.totalFrames()) return EINVAL;
                int flags = (int) req.value2() & (SysVmctlMsg.PTE_WRITABLE | SysVmctlMsg.PTE_USER | SysVmctlMsg.PTE_COW);
                req.value(pt.map(address, (int) frame, flags | PageTable.PRESENT));
                return OK;
            }
            case SysVmctlMsg.VMCTL_PT_UNMAP -> {
                req.value(pt.unmap(address) & 0xffffffffL);
                return OK;
            }
            case SysVmctlMsg.VMCTL_PT_GET -> {
                req.value(pt.pte(address) & 0xffffffffL);
                return OK;
            }
            case SysVmctlMsg.VMCTL_PT_NEXT -> {
                long next = pt.nextMapped(address);
                if (next < 0) return ENOENT;
                req.address(next).value(pt.pte(next) & 0xffffffffL);
                return OK;
            }
            default -> {
                return EINVAL;
            }
        }
    }

    /** VMCTL_GRANT_LOOKUP: the grant check of a safecopy by {@code grantee}, answering where the memory is. */
    private int grantLookup(Proc grantee, SysVmctlMsg req) {
        if (req.length() <= 0 || req.address() < 0) return EINVAL;
        int access = req.writeFlag() & (GrantEntry.CPF_READ | GrantEntry.CPF_WRITE);
        GrantResult g = memory.verifier.verify((int) req.value(), grantee.endpoint, (int) req.value2(), req.length(),
                access, req.address());
        if (!g.ok()) return g.status();
        if (g.address() == GrantResult.NO_ADDRESS || kernel.procs.byEndpoint(g.endpoint()) == null) return ESRCH;
        req.value(g.endpoint()).address(g.address());
        return OK;
    }

    /** VMCTL_TAKE_MEMORY: VM gets the frame bitmap and owns frame allocation from now on. */
    private int takeMemory(Proc caller, SysVmctlMsg req) {
        int frames = memory.physical.totalFrames();
        int bytes = (frames + 7) / 8;
        if (req.length() < bytes) return EINVAL;
        byte[] bitmap = new byte[bytes];
        int used = 0;
        for (int f = 0; f < frames; f++) {
            if (memory.physical.isAllocated(f)) {
                bitmap[f >>> 3] |= (byte) (1 << (f & 7));
                used++;
            }
        }
        int r = memory.copyToProcess(caller, req.address(), bitmap, bytes);
        if (r != OK) return r;
        memory.vmOwnsFrames = true;
        req.value(frames).value2(used);
        return OK;
    }
}

package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.kernel.memory.CopyResult;
import minixj.kernel.memory.GrantContext;
import minixj.kernel.memory.GrantTableInfo;
import minixj.kernel.memory.GrantVerifier;
import minixj.kernel.memory.MemoryFault;
import minixj.kernel.memory.Mmu;
import minixj.kernel.memory.PageTable;
import minixj.kernel.memory.PhysicalMemory;
import minixj.kernel.memory.ProcessMemory;
import minixj.lib.ipc.Endpoint;
import minixj.lib.mem.UserMemory;

/**
 * The machine's physical memory, the processes' address spaces, and the kernel's copies
 * between them. Until a VM server runs, the kernel itself backs each process's initial region
 * (from {@link #IMAGE_BASE}, {@link #IMAGE_SIZE} bytes) with frames on first touch — the "memory
 * mapped at load" of the boot image; a touch outside it, or with memory exhausted, is SIGSEGV.
 */
final class Memory implements GrantContext {
    /** Start and size of the region every process may use before VM manages memory. */
    static final long IMAGE_BASE = minixj.lib.mem.MemoryLayout.INITIAL_REGION_BASE;
    static final long IMAGE_SIZE = minixj.lib.mem.MemoryLayout.INITIAL_REGION_SIZE;

    private final Kernel kernel;
    final PhysicalMemory physical;
    final Mmu mmu;
    final GrantVerifier verifier;
    /** VM has taken over frame allocation (VMCTL_TAKE_MEMORY): the kernel no longer frees or pages. */
    boolean vmOwnsFrames;
    /** A copy of the current kernel call met a page VM can bring in: what to ask VM (see Kernel.kernelCall). */
    MemoryRequest pendingRequest;
    /** Set by handlers for copies that must fail fast (CPF_TRY grants, CP_FLAG_TRY). */
    boolean tryOnly;

    /** A kernel memory request: make [address, address+length) of {@code target} present (writable). */
    static final class MemoryRequest {
        final int target;
        final long address;
        final long length;
        final boolean write;
        int requestor;
        int result = Kernel.VMSUSPEND;
        boolean handedOut;

        MemoryRequest(int target, long address, long length, boolean write) {
            this.target = target;
            this.address = address;
            this.length = length;
            this.write = write;
        }
    }

    Memory(Kernel kernel, long bytes) {
        this.kernel = kernel;
        this.physical = new PhysicalMemory(Math.min(bytes, PhysicalMemory.MAX_SIZE));
        this.mmu = new Mmu(physical);
        this.verifier = new GrantVerifier(mmu, this);
    }

    void registerCalls(KernelCalls calls) {
        new DoMemory(kernel, this).register(calls);
    }

    ProcSpace newSpace(Proc p) {
        return new ProcSpace();
    }

    /** Frees the frames of a process that leaves — until VM owns memory; then it is VM's job (VM_EXIT). */
    void release(Proc p) {
        ProcSpace space = p.space;
        p.space = null;
        if (space == null) return;
        if (!vmOwnsFrames) space.pageTable.forEach((vaddr, pte) -> physical.freeFrame(PageTable.frameOf(pte)));
        space.pageTable.clear();
    }

    /** Physical address and length of the boot files (the initial RAM disk); 0, 0 when none. */
    long bootFilesAddress;
    long bootFilesLength;

    /**
     * Puts the boot files in physical memory, as a boot loader places its modules: contiguous
     * frames the kernel keeps, which VM later sees as in use and never hands out.
     *
     * @return false when memory is too small for them
     */
    boolean loadBootFiles(byte[] bytes) {
        int frames = (int) ((bytes.length + PhysicalMemory.FRAME_SIZE - 1L) / PhysicalMemory.FRAME_SIZE);
        int first = physical.allocateFrames(Math.max(1, frames));
        if (first == PhysicalMemory.NO_FRAME) return false;
        bootFilesAddress = PhysicalMemory.frameAddress(first);
        bootFilesLength = bytes.length;
        physical.write(bootFilesAddress, bytes, 0, bytes.length);
        return true;
    }

    long freeBytes() {
        return (long) physical.freeFrames() * PhysicalMemory.FRAME_SIZE;
    }

    UserMemory accessor(ProcessContext ctx) {
        ProcSpace space = ctx.proc.space;
        if (space.accessor == null) {
            space.accessor = new ProcessMemory(mmu, space.pageTable, (vaddr, write) -> kernel.pageFault(ctx, vaddr, write));
        }
        return space.accessor;
    }

    /** True if VM runs and should be asked about faults. */
    boolean vmRunning(Proc faulting) {
        Proc vm = kernel.procs.slot(Endpoint.VM);
        return !vm.isFree() && vm.ctx != null && vm != faulting;
    }

    /**
     * The kernel's own pager (before VM): maps the pages of [address, address+length) that lie
     * in the initial region. Returns false if some page is outside it or memory is exhausted.
     */
    boolean mapInitialRegion(Proc p, long address, long length) {
        if (p.space == null || length < 0 || vmOwnsFrames) return false;
        if (address < IMAGE_BASE || address + length > IMAGE_BASE + IMAGE_SIZE) return false;
        PageTable pt = p.space.pageTable;
        long first = address & ~(PageTable.PAGE_SIZE - 1L);
        for (long page = first; page < address + Math.max(1, length); page += PageTable.PAGE_SIZE) {
            if (pt.isPresent(page)) continue;
            int frame = physical.allocateFrame();
            if (frame == PhysicalMemory.NO_FRAME) return false;
            pt.map(page, frame, PageTable.PRESENT | PageTable.WRITABLE | PageTable.USER);
        }
        return true;
    }

    private PageTable tableOf(Proc p) {
        return p == null ? null : p.space == null ? null : p.space.pageTable;
    }

    /** One attempt of an MMU operation starting {@code done} bytes in. */
    private interface Attempt {
        CopyResult from(long done);
    }

    /**
     * Runs an MMU operation to the end, serving faults in a process's initial region with the
     * kernel's own pager before VM runs. {@code source}/{@code target} are the processes on each
     * side (null = physical). Anything else that faults is EFAULT.
     */
    private int untilDone(Proc source, Proc target, Attempt attempt) {
        if ((source != null && source.space == null) || (target != null && target.space == null)) return EFAULT;
        long done = 0;
        while (true) {
            CopyResult r = attempt.from(done);
            done += r.copied();
            if (r.ok()) return OK;
            MemoryFault f = r.fault();
            if (f == null) return r.status();
            Proc owner = f.side() == MemoryFault.Side.SOURCE ? source : target;
            if (owner == null) return EFAULT;
            if (vmOwnsFrames && vmRunning(owner)) {
                // Ask VM to bring the page in and run the kernel call again (MINIX's VMSUSPEND).
                if (tryOnly || owner.isTask()) return EFAULT;
                pendingRequest = new MemoryRequest(owner.endpoint, f.address() & ~(PageTable.PAGE_SIZE - 1L),
                        PageTable.PAGE_SIZE, f.write());
                return Kernel.VMSUSPEND;
            }
            if (!mapInitialRegion(owner, f.address(), 1)) return EFAULT;
        }
    }

    /** Copies between two processes (null = physical addressing). */
    int copy(Proc src, long srcAddr, Proc dst, long dstAddr, long length) {
        if (length < 0) return EINVAL;
        return untilDone(src, dst, done -> mmu.copy(tableOf(src), srcAddr + done, tableOf(dst), dstAddr + done, length - done));
    }

    int fill(Proc p, long address, long length, byte value) {
        if (length < 0) return EINVAL;
        return untilDone(p, p, done -> mmu.fill(tableOf(p), address + done, length - done, value));
    }

    int copyToProcess(Proc p, long address, byte[] bytes, int length) {
        return untilDone(p, p, done -> mmu.write(tableOf(p), address + done, bytes, (int) done, (int) (length - done)));
    }

    int copyFromProcess(Proc p, long address, byte[] bytes, int length) {
        return untilDone(p, p, done -> mmu.read(tableOf(p), address + done, bytes, (int) done, (int) (length - done)));
    }

    void close() {
        physical.close();
    }

    // ---------------------------------------------------------------- GrantContext

    @Override
    public boolean isLive(int endpoint) {
        return kernel.procs.byEndpoint(endpoint) != null;
    }

    @Override
    public GrantTableInfo grantTable(int endpoint) {
        Proc p = kernel.procs.byEndpoint(endpoint);
        if (p == null || p.priv == null || p.priv.grantTableEndpoint == Endpoint.NONE) return null;
        Priv priv = p.priv;
        return new GrantTableInfo(priv.grantTableAddress, priv.grantTableEntries, priv.grantTableEndpoint);
    }

    @Override
    public PageTable pageTable(int endpoint) {
        return tableOf(kernel.procs.byEndpoint(endpoint));
    }

    @Override
    public boolean mayIssueMagic(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        return slot == Endpoint.VFS || slot == Endpoint.MIB;
    }
}

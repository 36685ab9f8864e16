package minixj.servers.vm;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.ipc.layout.VmMsg;

/**
 * Every process's address space and the operations on it: page faults, brk, mmap, munmap, fork
 * and exit. Processes are kept by slot; a new endpoint in a slot means the old process is gone.
 */
final class AddressSpaces {
    /** Where mmap looks for room, below the simulated MMU's 4 GiB limit. */
    static final long MMAP_BASE = 0x4000_0000L;
    static final long MMAP_TOP = 0xF000_0000L;
    /** The heap may grow up to where mmap starts. */
    static final long HEAP_LIMIT = MMAP_BASE;

    private final Frames frames;
    private final KernelPort kernel;
    private final Map<Integer, VmProcess> bySlot = new HashMap<>();

    AddressSpaces(Frames frames, KernelPort kernel) {
        this.frames = frames;
        this.kernel = kernel;
    }

    Frames frames() { return frames; }

    /** The process with this endpoint, created with its initial region if VM has not seen it. */
    VmProcess process(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        VmProcess p = bySlot.get(slot);
        if (p != null && p.endpoint != endpoint) {
            release(p, false); // the slot was reused: the old process died without VM_EXIT
            p = null;
        }
        if (p == null) {
            p = VmProcess.withInitialRegion(endpoint);
            bySlot.put(slot, p);
        }
        return p;
    }

    /** The process with exactly this endpoint, or null. */
    VmProcess known(int endpoint) {
        VmProcess p = bySlot.get(Endpoint.slot(endpoint));
        return p != null && p.endpoint == endpoint ? p : null;
    }

    /** A page the kernel mapped before VM took memory: it now belongs to the process's region. */
    void adopt(int endpoint, long address, int frame) {
        Region r = process(endpoint).find(address);
        if (r != null && frame >= 0 && frame < frames.total()) r.frames[r.index(address)] = frame;
    }

    /** VM_PAGEFAULT: make the page present (or writable), or SIGSEGV; the process then resumes. */
    void pageFault(int endpoint, long address, boolean write) {
        if (!resolve(endpoint, address & ~(Region.PAGE - 1L), write)) kernel.segv(endpoint);
        kernel.clearFault(endpoint);
    }

    boolean resolve(int endpoint, long page, boolean write) {
        Region r = process(endpoint).find(page);
        if (r == null || (write && !r.writable)) return false;
        int i = r.index(page);
        int f = r.frames[i];
        if (f == Frames.NONE) {
            f = frames.allocate();
            if (f == Frames.NONE) return false;
            if (kernel.zeroFrame(f) != Errno.OK) {
                frames.release(f);
                return false;
            }
            r.frames[i] = f;
        } else if (write && r.kind != Region.Kind.SHARED && frames.refcount(f) > 1) {
            // Copy-on-write: this process gets its own copy; the others keep the original.
            int copy = frames.allocate();
            if (copy == Frames.NONE) return false;
            if (kernel.copyFrame(f, copy) != Errno.OK) {
                frames.release(copy);
                return false;
            }
            frames.release(f);
            r.frames[i] = f = copy;
        }
        return kernel.map(endpoint, page, f, pteFlags(r, f)) == Errno.OK;
    }

    /** Writable only when nobody else shares a private frame; shared private frames are marked COW. */
    private int pteFlags(Region r, int frame) {
        if (!r.writable) return KernelPort.PTE_USER;
        if (r.kind == Region.Kind.SHARED || frames.refcount(frame) == 1) return KernelPort.PTE_USER | KernelPort.PTE_WRITABLE;
        return KernelPort.PTE_USER | KernelPort.PTE_COW;
    }

    /** VM_BRK: the heap ends at {@code address} (rounded up to a page); reply the new break. */
    int brk(int endpoint, VmMsg req) {
        VmProcess p = process(endpoint);
        long address = req.address();
        if (address < VmProcess.HEAP_BASE) return Errno.EINVAL;
        long end = roundUp(address);
        if (end > HEAP_LIMIT) return Errno.ENOMEM;
        long old = p.brk();
        if (end > old) {
            if (!p.isFree(old, end - old)) return Errno.ENOMEM;
            if (p.heap == null) {
                p.heap = new Region(VmProcess.HEAP_BASE, end - VmProcess.HEAP_BASE, Region.Kind.ANON, true);
                p.add(p.heap);
            } else {
                p.heap.resize(end - p.heap.start);
            }
        } else if (end < old) {
            unmap(p, end, old);
        }
        req.address(p.brk());
        return Errno.OK;
    }

    /** VM_MMAP: reserve anonymous memory; pages come on first touch. */
    int mmap(int endpoint, VmMsg req) {
        long length = req.length();
        int flags = req.flags();
        if (length <= 0 || (flags & VmMsg.MAP_ANON) == 0) return Errno.EINVAL;
        if ((flags & VmMsg.MAP_SHARED) != 0 && (flags & VmMsg.MAP_PRIVATE) != 0) return Errno.EINVAL;
        if (length > MMAP_TOP - MMAP_BASE) return Errno.ENOMEM;
        long size = roundUp(length);
        if (size / Region.PAGE > frames.free() - reservedPages()) return Errno.ENOMEM;
        VmProcess p = process(endpoint);
        long hint = req.address();
        long at;
        if ((flags & VmMsg.MAP_FIXED) != 0) {
            if ((hint & (Region.PAGE - 1)) != 0 || hint < Region.PAGE || hint + size > MMAP_TOP) return Errno.EINVAL;
            unmap(p, hint, hint + size); // MAP_FIXED replaces what was there
            at = hint;
        } else if ((hint & (Region.PAGE - 1)) == 0 && hint >= MMAP_BASE && hint + size <= MMAP_TOP
                && p.isFree(hint, size)) {
            at = hint;
        } else {
            at = findRoom(p, size);
            if (at < 0) return Errno.ENOMEM;
        }
        Region.Kind kind = (flags & VmMsg.MAP_SHARED) != 0 ? Region.Kind.SHARED : Region.Kind.ANON;
        Region r = new Region(at, size, kind, (req.prot() & VmMsg.PROT_WRITE) != 0);
        r.reserved = true;
        p.add(r);
        req.address(at);
        return Errno.OK;
    }

    private static long findRoom(VmProcess p, long size) {
        long candidate = MMAP_BASE;
        for (Region r : p.regions) {
            if (r.end() <= candidate) continue;
            if (r.start >= candidate + size) break;
            candidate = r.end();
        }
        return candidate + size <= MMAP_TOP ? candidate : -1;
    }

    /** Absent pages of mmap'd regions: frames already promised. */
    private long reservedPages() {
        long n = 0;
        for (VmProcess p : bySlot.values()) {
            for (Region r : p.regions) if (r.reserved) n += r.frames.length - r.present();
        }
        return n;
    }

    /** VM_MUNMAP: the range disappears from the caller's address space. */
    int munmap(int endpoint, VmMsg req) {
        long address = req.address();
        long length = req.length();
        if ((address & (Region.PAGE - 1)) != 0 || length <= 0 || address + length > MMAP_TOP) return Errno.EINVAL;
        unmap(process(endpoint), address, roundUp(address + length));
        return Errno.OK;
    }

    /** Removes [from, to) from every region of {@code p}, splitting regions as needed. */
    private void unmap(VmProcess p, long from, long to) {
        for (Region r : new ArrayList<>(p.regions)) {
            if (r.end() <= from || r.start >= to) continue;
            int i0 = r.index(Math.max(from, r.start));
            int i1 = r.index(Math.min(to, r.end()));
            for (int i = i0; i < i1; i++) {
                int f = r.frames[i];
                if (f == Frames.NONE) continue;
                kernel.unmap(p.endpoint, r.pageAddress(i));
                frames.release(f);
            }
            p.regions.remove(r);
            Region head = i0 > 0 ? r.slice(0, i0) : null;
            if (head != null) p.add(head);
            if (i1 < r.frames.length) p.add(r.slice(i1, r.frames.length));
            if (r == p.heap) p.heap = head; // the break moves down to what is left of the heap
        }
    }

    /** VM_FORK: the child gets the parent's regions; private present pages become copy-on-write in both. */
    int fork(int parentEndpoint, int childEndpoint) {
        if (Endpoint.slot(parentEndpoint) == Endpoint.slot(childEndpoint)) return Errno.EINVAL;
        // Probe the child's page table first so a bad endpoint changes nothing.
        if (kernel.vmctl(SysVmctlMsg.VMCTL_PT_GET, childEndpoint, 0, 0, 0, 0) != Errno.OK) {
            return Errno.EINVAL;
        }
        VmProcess parent = process(parentEndpoint);
        VmProcess old = bySlot.remove(Endpoint.slot(childEndpoint));
        if (old != null) release(old, false);
        VmProcess child = new VmProcess(childEndpoint);
        for (Region r : parent.regions) {
            Region c = r.copy();
            for (int i = 0; i < r.frames.length; i++) {
                int f = r.frames[i];
                if (f == Frames.NONE) continue;
                frames.reference(f);
                int flags = pteFlags(r, f);
                if (r.kind != Region.Kind.SHARED) kernel.map(parentEndpoint, r.pageAddress(i), f, flags);
                kernel.map(childEndpoint, r.pageAddress(i), f, flags);
            }
            child.add(c);
            if (r == parent.heap) child.heap = c;
        }
        bySlot.put(Endpoint.slot(childEndpoint), child);
        return Errno.OK;
    }

    /** VM_EXIT: the process's frames go back (or lose a reference) and VM forgets it. */
    int exit(int endpoint) {
        VmProcess p = known(endpoint);
        if (p == null) return Errno.OK; // never faulted: nothing to free
        bySlot.remove(Endpoint.slot(endpoint));
        release(p, true);
        return Errno.OK;
    }

    private void release(VmProcess p, boolean unmap) {
        boolean tableGone = !unmap;
        for (Region r : p.regions) {
            for (int i = 0; i < r.frames.length; i++) {
                int f = r.frames[i];
                if (f == Frames.NONE) continue;
                // Once the kernel has dropped the page table (the process is gone) there is nothing to unmap.
                if (!tableGone && kernel.unmap(p.endpoint, r.pageAddress(i)) != Errno.OK) tableGone = true;
                frames.release(f);
            }
        }
        p.regions.clear();
        p.heap = null;
    }

    /** VM_INFO: frames in all, free, and the process's present and shared pages. */
    int info(int endpoint, VmMsg req) {
        req.totalFrames(frames.total()).freeFrames(frames.free()).usedFrames(0).sharedFrames(0);
        VmProcess p = known(endpoint);
        if (p == null) return Errno.OK;
        int used = 0;
        int shared = 0;
        for (Region r : p.regions) {
            for (int f : r.frames) {
                if (f == Frames.NONE) continue;
                used++;
                if (frames.refcount(f) > 1) shared++;
            }
        }
        req.usedFrames(used).sharedFrames(shared);
        return Errno.OK;
    }

    private static long roundUp(long address) {
        return (address + Region.PAGE - 1) & ~(Region.PAGE - 1L);
    }
}

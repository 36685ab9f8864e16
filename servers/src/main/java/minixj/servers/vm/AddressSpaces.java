package minixj.servers.vm;

import java.util.ArrayList;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.layout.SysVmctlMsg;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.mem.MemoryLayout;

/**
 * Every process's address space and the operations the calls share: finding a process, page
 * faults, attaching and removing pages (with frame references and promises), fork and exit.
 * Processes are kept by slot; a new endpoint in a slot means the old process is gone.
 */
final class AddressSpaces {
    /** Where mmap looks for room, below the simulated MMU's 4 GiB limit. */
    static final long MMAP_BASE = 0x4000_0000L;
    static final long MMAP_TOP = 0xF000_0000L;
    /** The heap may grow up to where mmap starts. */
    static final long HEAP_LIMIT = MMAP_BASE;

    final VmState state;
    final Frames frames;
    final KernelPort kernel;

    AddressSpaces(VmState state, KernelPort kernel) {
        this.state = state;
        this.frames = state.frames;
        this.kernel = kernel;
    }

    /** The process with this endpoint, created with its initial region if VM has not seen it. */
    VmProcess process(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        VmProcess p = state.bySlot.get(slot);
        if (p != null && p.endpoint != endpoint) {
            forget(p, false); // the slot was reused: the old process died without VM_EXIT
            p = null;
        }
        if (p == null) {
            p = new VmProcess(endpoint, kernel.privId(endpoint));
            attach(p, new Region(MemoryLayout.INITIAL_REGION_BASE, MemoryLayout.INITIAL_REGION_SIZE, true, true));
            state.bySlot.put(slot, p);
        }
        return p;
    }

    /** The process with exactly this endpoint, or null. */
    VmProcess known(int endpoint) {
        VmProcess p = state.bySlot.get(Endpoint.slot(endpoint));
        return p != null && p.endpoint == endpoint ? p : null;
    }

    /** A page the kernel mapped before VM took memory: it now belongs to the process's region. */
    void adopt(int endpoint, long address, int frame) {
        Region r = process(endpoint).find(address);
        if (r != null && frame >= 0 && frame < frames.total() && r.frame(r.index(address)) == Frames.NONE) {
            fill(r, r.index(address), frame);
        }
    }

    /** VM_PAGEFAULT: make the page present (or writable), or SIGSEGV; the process then resumes. */
    void pageFault(int endpoint, long address, boolean write) {
        if (!resolve(endpoint, address & ~(Region.PAGE - 1L), write)) kernel.segv(endpoint);
        kernel.clearFault(endpoint);
    }

    /** Makes {@code page} of {@code endpoint} accessible (for a write if {@code write}); false = SIGSEGV/EFAULT. */
    boolean resolve(int endpoint, long page, boolean write) {
        VmProcess p = process(endpoint);
        Region r = p.find(page);
        if (r == null || !r.readable || (write && !r.writable)) return false;
        int i = r.index(page);
        int f = r.frame(i);
        if (f == Frames.NONE) {
            if (!mayTake(p, r.promises(i))) return false;
            f = frames.allocate();
            if (kernel.zeroFrame(f) != Errno.OK) {
                frames.release(f);
                return false;
            }
            fill(r, i, f);
        } else if (write && !r.isShared() && frames.refcount(f) > 1) {
            // Copy-on-write: this process gets its own copy; the others keep the original.
            if (!mayTake(p, false)) return false;
            int copy = frames.allocate();
            if (kernel.copyFrame(f, copy) != Errno.OK) {
                frames.release(copy);
                return false;
            }
            frames.release(f);
            r.setFrame(i, f = copy);
        }
        return kernel.map(endpoint, page, f, pteFlags(r, f)) == Errno.OK;
    }

    /**
     * Whether {@code p} may take a free frame now: always for a promised page (it was counted
     * when promised) and for system processes; a user process only from frames nobody was
     * promised, leaving the system reserve alone.
     */
    boolean mayTake(VmProcess p, boolean promised) {
        if (frames.free() == 0) return false;
        if (promised || p.isSystem()) return true;
        return frames.free() - state.promised - state.systemReserve > 0;
    }

    /** Whether {@code pages} more frames may be promised to {@code p} (mmap, brk). */
    boolean mayPromise(VmProcess p, long pages) {
        long available = frames.free() - state.promised - (p.isSystem() ? 0 : state.systemReserve);
        return pages <= available;
    }

    /** Writable only when nobody else shares a private frame; shared private frames are marked COW. */
    int pteFlags(Region r, int frame) {
        if (!r.writable) return KernelPort.PTE_USER;
        if (r.isShared() || frames.refcount(frame) == 1) return KernelPort.PTE_USER | KernelPort.PTE_WRITABLE;
        return KernelPort.PTE_USER | KernelPort.PTE_COW;
    }

    /** An absent page gets {@code frame}: it is no longer a promise. */
    void fill(Region r, int i, int frame) {
        if (r.promises(i)) state.promised--;
        r.setFrame(i, frame);
    }

    /** {@code r} becomes part of {@code p}: its absent reserved pages are promised, its shared pages gain a user. */
    void attach(VmProcess p, Region r) {
        if (r.isShared()) {
            for (int i = 0; i < r.pages(); i++) {
                int k = r.sharedOffset + i;
                if (r.shared.users[k]++ == 0 && r.shared.reserved && r.shared.frames[k] == Frames.NONE) state.promised++;
            }
        } else if (r.reserved) {
            state.promised += r.pages() - r.present();
        }
        p.add(r);
    }

    /**
     * Pages [i0, i1) of {@code r} leave {@code p}: their PTEs go (when {@code unmapPtes}), private
     * frames lose a reference, shared pages a user, promises are withdrawn. Returns false if
     * the kernel no longer has the page table (the process is gone).
     */
    boolean detachPages(VmProcess p, Region r, int i0, int i1, boolean unmapPtes) {
        for (int i = i0; i < i1; i++) {
            int f = r.frame(i);
            if (f != Frames.NONE && unmapPtes && kernel.unmap(p.endpoint, r.pageAddress(i)) != Errno.OK) {
                unmapPtes = false;
            }
            if (r.isShared()) {
                int k = r.sharedOffset + i;
                if (--r.shared.users[k] > 0) continue;
                if (f != Frames.NONE) {
                    frames.release(f);
                    r.shared.frames[k] = Frames.NONE;
                } else if (r.shared.reserved) {
                    state.promised--;
                }
            } else if (f != Frames.NONE) {
                frames.release(f);
                r.setFrame(i, Frames.NONE);
            } else if (r.reserved) {
                state.promised--;
            }
        }
        return unmapPtes;
    }

    /** Removes [from, to) from every region of {@code p}, splitting regions as needed. */
    void unmap(VmProcess p, long from, long to) {
        for (Region r : new ArrayList<>(p.regions)) {
            if (r.end() <= from || r.start >= to) continue;
            int i0 = r.index(Math.max(from, r.start));
            int i1 = r.index(Math.min(to, r.end()));
            detachPages(p, r, i0, i1, true);
            p.regions.remove(r);
            Region head = i0 > 0 ? r.slice(0, i0) : null;
            if (head != null) p.add(head);
            if (i1 < r.pages()) p.add(r.slice(i1, r.pages()));
            if (r == p.heap) p.heap = head; // the break moves down to what is left of the heap
        }
    }

    /** Where {@code size} bytes fit in the mmap area of {@code p}: the hint if free, else the first hole; -1 if none. */
    static long findRoom(VmProcess p, long hint, long size) {
        if ((hint & (Region.PAGE - 1)) == 0 && hint >= MMAP_BASE && hint + size <= MMAP_TOP && p.isFree(hint, size)) {
            return hint;
        }
        long candidate = MMAP_BASE;
        for (Region r : p.regions) {
            if (r.end() <= candidate) continue;
            if (r.start >= candidate + size) break;
            candidate = r.end();
        }
        return candidate + size <= MMAP_TOP ? candidate : -1;
    }

    /** VM_FORK: the child gets the parent's regions; private present pages become copy-on-write in both. */
    int fork(int parentEndpoint, int childEndpoint) {
        if (Endpoint.slot(parentEndpoint) == Endpoint.slot(childEndpoint)) return Errno.EINVAL;
        // Probe the child's page table first so a bad endpoint changes nothing.
        if (kernel.vmctl(SysVmctlMsg.VMCTL_PT_GET, childEndpoint, 0, 0, 0, 0) != Errno.OK) {
            return Errno.EINVAL;
        }
        VmProcess parent = process(parentEndpoint);
        VmProcess old = state.bySlot.remove(Endpoint.slot(childEndpoint));
        if (old != null) forget(old, false);
        // The kernel gives every forked child the user privileges (a service's child too).
        VmProcess child = new VmProcess(childEndpoint, PrivFlags.USER_PRIV_ID);
        for (Region r : parent.regions) {
            Region c = r.copy();
            for (int i = 0; i < r.pages(); i++) {
                int f = r.frame(i);
                if (f == Frames.NONE) continue;
                if (!r.isShared()) frames.reference(f);
                int flags = pteFlags(r, f);
                if (!r.isShared()) kernel.map(parentEndpoint, r.pageAddress(i), f, flags);
                kernel.map(childEndpoint, r.pageAddress(i), f, flags);
            }
            attach(child, c);
            if (r == parent.heap) child.heap = c;
        }
        child.breakAddress = parent.breakAddress;
        state.bySlot.put(Endpoint.slot(childEndpoint), child);
        return Errno.OK;
    }

    /** VM_EXIT: the process's frames go back (or lose a reference) and VM forgets it. */
    int exit(int endpoint) {
        VmProcess p = known(endpoint);
        if (p == null) return Errno.OK; // never seen: nothing to free
        state.bySlot.remove(Endpoint.slot(endpoint));
        forget(p, true);
        return Errno.OK;
    }

    /** Gives back everything {@code p} holds; a system process's call mask goes with its privilege id. */
    void forget(VmProcess p, boolean unmapPtes) {
        for (Region r : p.regions) unmapPtes = detachPages(p, r, 0, r.pages(), unmapPtes);
        p.regions.clear();
        p.heap = null;
        if (p.isSystem()) state.masks.forget(p.privId);
    }

    /**
     * VM_RS_UPDATE: the kernel swaps the two slots (SYS_UPDATE: endpoints and privilege ids stay,
     * programs and page tables move), and VM's records of the address spaces move with them.
     */
    int update(int source, int destination, int flags) {
        if (Endpoint.slot(source) == Endpoint.slot(destination)) return Errno.EINVAL;
        int r = kernel.update(source, destination, flags);
        if (r != Errno.OK) return r;
        process(source).swapSpaces(process(destination));
        return Errno.OK;
    }

    /** VM_INFO: frames in all, free, and the process's present and shared pages. */
    int info(int endpoint, VmMsg req) {
        req.totalFrames(frames.total()).freeFrames(frames.free()).usedFrames(0).sharedFrames(0);
        VmProcess p = known(endpoint);
        if (p == null) return Errno.OK;
        int used = 0;
        int shared = 0;
        for (Region r : p.regions) {
            for (int i = 0; i < r.pages(); i++) {
                int f = r.frame(i);
                if (f == Frames.NONE) continue;
                used++;
                if (references(r, i) > 1) shared++;
            }
        }
        req.usedFrames(used).sharedFrames(shared);
        return Errno.OK;
    }

    /** How many mappings share page {@code i} of {@code r} (0 if absent). */
    int references(Region r, int i) {
        int f = r.frame(i);
        if (f == Frames.NONE) return 0;
        return r.isShared() ? r.users(i) : frames.refcount(f);
    }

    static long roundUp(long address) {
        return (address + Region.PAGE - 1) & ~(Region.PAGE - 1L);
    }
}

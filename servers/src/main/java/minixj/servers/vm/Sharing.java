package minixj.servers.vm;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.layout.VmMsg;
import minixj.lib.mem.GrantEntry;

/**
 * Memory shared between processes (MINIX's VM_REMAP family), through grants: a process maps a
 * range another process granted it, and from then on both see the same frames. Also the page
 * queries VM_GETPHYS and VM_GETREF.
 *
 * <p>The granted range must lie within one region of the granter and not in its heap. If that
 * region is private, the range becomes a shared region of its own in the granter (its pages
 * shared copy-on-write with a fork relative are copied first), so it stays shared with the
 * granter's later children too, as MINIX's remapped regions do.
 */
final class Sharing {
    private final AddressSpaces spaces;

    Sharing(AddressSpaces spaces) {
        this.spaces = spaces;
    }

    /** VM_REMAP / VM_REMAP_RO: grant {@code req.grant()} of {@code req.endpoint()} into {@code caller}. */
    int remap(VmProcess caller, VmMsg req, boolean readOnly) {
        long length = req.length();
        if (length <= 0 || length % Region.PAGE != 0 || length > AddressSpaces.MMAP_TOP - AddressSpaces.MMAP_BASE) {
            return Errno.EINVAL;
        }
        int access = GrantEntry.CPF_READ | (readOnly ? 0 : GrantEntry.CPF_WRITE);
        int r = spaces.kernel.grantLookup(caller.endpoint, req.endpoint(), req.grant(), length, access);
        if (r != Errno.OK) return r;
        int owner = (int) spaces.kernel.reply().value();
        long source = spaces.kernel.reply().address();
        if (source % Region.PAGE != 0) return Errno.EINVAL;
        VmProcess granter = spaces.process(owner);
        Region from = granter.find(source);
        if (from == null || source + length > from.end() || from == granter.heap) return Errno.EFAULT;
        boolean fixed = (req.flags() & VmMsg.MAP_FIXED) != 0;
        long at = MemoryCalls.place(caller, req.address(), length, fixed);
        if (at < 0) return (int) at;
        if (fixed && granter == caller && at < source + length && source < at + length) return Errno.EINVAL;
        Region shared = shareRange(granter, from, source, length);
        if (shared == null) return Errno.ENOMEM;
        if (fixed) spaces.unmap(caller, at, at + length);
        Region mine = new Region(at, length, shared.shared, shared.sharedOffset + shared.index(source),
                true, shared.writable && !readOnly);
        mine.remapped = true;
        spaces.attach(caller, mine);
        req.address(at);
        return Errno.OK;
    }

    /**
     * The shared region of {@code p} that holds [start, start+length) of {@code r}: {@code r}
     * itself if it is shared, else a new one split out of it. Null if the copies of pages
     * shared copy-on-write cannot get frames.
     */
    private Region shareRange(VmProcess p, Region r, long start, long length) {
        if (r.isShared()) return r;
        int i0 = r.index(start);
        int i1 = r.index(start + length);
        int copies = 0;
        for (int i = i0; i < i1; i++) {
            int f = r.frame(i);
            if (f != Frames.NONE && spaces.frames.refcount(f) > 1) copies++;
        }
        if (copies > 0 && !spaces.mayPromise(p, copies)) return null;
        SharedPages pages = new SharedPages(i1 - i0, r.reserved);
        for (int i = i0; i < i1; i++) {
            int f = r.frame(i);
            if (f != Frames.NONE && spaces.frames.refcount(f) > 1) {
                int copy = spaces.frames.allocate();
                if (copy == Frames.NONE || spaces.kernel.copyFrame(f, copy) != Errno.OK) {
                    if (copy != Frames.NONE) spaces.frames.release(copy);
                    return null; // unreachable after the check above, short of a kernel failure
                }
                spaces.frames.release(f);
                r.setFrame(i, f = copy);
            }
            pages.frames[i - i0] = f;
            pages.users[i - i0] = 1;
        }
        // The private pages become the shared object's; promises of absent ones carry over as they are.
        Region middle = new Region(start, length, pages, 0, r.readable, r.writable);
        p.regions.remove(r);
        if (i0 > 0) p.add(r.slice(0, i0));
        p.add(middle);
        if (i1 < r.pages()) p.add(r.slice(i1, r.pages()));
        for (int i = 0; i < middle.pages(); i++) {
            int f = middle.frame(i);
            if (f != Frames.NONE) spaces.kernel.map(p.endpoint, middle.pageAddress(i), f, spaces.pteFlags(middle, f));
        }
        return middle;
    }

    /** VM_SHM_UNMAP: the caller's remapped region starting at {@code address} goes. */
    int shmUnmap(VmProcess caller, VmMsg req) {
        Region r = caller.find(req.address());
        if (r == null || !r.remapped || r.start != req.address()) return Errno.EINVAL;
        spaces.unmap(caller, r.start, r.end());
        return Errno.OK;
    }

    /** VM_GETPHYS: the physical address behind {@code req.address()} of the target, made present first. */
    int getphys(VmProcess caller, VmMsg req) {
        VmProcess target = target(caller, req);
        if (target == null) return Errno.EINVAL;
        long address = req.address();
        Region r = target.find(address);
        if (r == null) return Errno.EFAULT;
        if (!spaces.resolve(target.endpoint, address & ~(Region.PAGE - 1L), false)) return Errno.ENOMEM;
        req.physical((long) r.frame(r.index(address)) * Region.PAGE + (address & (Region.PAGE - 1)));
        return Errno.OK;
    }

    /** VM_GETREF: how many mappings share the page at {@code req.address()} of the target. */
    int getref(VmProcess caller, VmMsg req) {
        VmProcess target = target(caller, req);
        if (target == null) return Errno.EINVAL;
        Region r = target.find(req.address());
        if (r == null) return Errno.EFAULT;
        req.refcount(spaces.references(r, r.index(req.address())));
        return Errno.OK;
    }

    private VmProcess target(VmProcess caller, VmMsg req) {
        if (req.endpoint() == Endpoint.SELF || req.endpoint() == caller.endpoint) return caller;
        return spaces.known(req.endpoint());
    }
}

package minixj.servers.vm;

import static minixj.servers.vm.AddressSpaces.roundUp;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.layout.VmMsg;

/**
 * A process's calls for its own memory: brk, mmap and munmap (MINIX's break.c and mmap.c).
 * The heap and mmap'd memory are promised frames when they are set up, so running out of memory
 * is ENOMEM to the caller rather than a fault later.
 */
final class MemoryCalls {
    private static final int KNOWN_PROT = VmMsg.PROT_READ | VmMsg.PROT_WRITE | 0x4; // PROT_EXEC reads
    private static final long ADDRESS_LIMIT = 1L << 32;

    private final AddressSpaces spaces;

    MemoryCalls(AddressSpaces spaces) {
        this.spaces = spaces;
    }

    /**
     * VM_BRK: the heap ends at {@code address} (its region at the next page boundary); address 0
     * asks for the current break. Reply the break. ENOMEM below the heap's start, past the heap
     * limit, into another region, or when the frames cannot be promised.
     */
    int brk(VmProcess p, VmMsg req) {
        long address = req.address();
        if (address == 0) {
            req.address(p.breakAddress);
            return Errno.OK;
        }
        if (address < VmProcess.HEAP_BASE || address > AddressSpaces.HEAP_LIMIT) return Errno.ENOMEM;
        long end = roundUp(address);
        long old = p.heapEnd();
        if (end > old) {
            if (!p.isFree(old, end - old) || !spaces.mayPromise(p, (end - old) / Region.PAGE)) return Errno.ENOMEM;
            if (p.heap == null) {
                p.heap = new Region(VmProcess.HEAP_BASE, end - VmProcess.HEAP_BASE, true, true);
                p.heap.reserved = true;
                spaces.attach(p, p.heap);
            } else {
                spaces.state.promised += (end - old) / Region.PAGE;
                p.heap.resize(end - p.heap.start);
            }
        } else if (end < old) {
            spaces.unmap(p, end, old); // whole pages past the break go back
        }
        p.breakAddress = address;
        req.address(address);
        return Errno.OK;
    }

    /** VM_MMAP: anonymous memory, private or shared, at a hint, a fixed address, or anywhere. */
    int mmap(VmProcess p, VmMsg req) {
        long length = req.length();
        int flags = req.flags();
        int prot = req.prot();
        boolean shared = (flags & VmMsg.MAP_SHARED) != 0;
        if (length <= 0 || (flags & VmMsg.MAP_ANON) == 0 || (prot & ~KNOWN_PROT) != 0) return Errno.EINVAL;
        if (shared == ((flags & VmMsg.MAP_PRIVATE) != 0)) return Errno.EINVAL; // exactly one of the two
        if (length > AddressSpaces.MMAP_TOP - AddressSpaces.MMAP_BASE) return Errno.ENOMEM;
        long size = roundUp(length);
        long at = place(p, req.address(), size, (flags & VmMsg.MAP_FIXED) != 0);
        if (at == Errno.EINVAL) return Errno.EINVAL;
        if (!spaces.mayPromise(p, size / Region.PAGE)) return Errno.ENOMEM;
        if (at < 0) return Errno.ENOMEM;
        if ((flags & VmMsg.MAP_FIXED) != 0) spaces.unmap(p, at, at + size); // MAP_FIXED replaces what was there
        boolean readable = prot != VmMsg.PROT_NONE;
        boolean writable = (prot & VmMsg.PROT_WRITE) != 0;
        Region r;
        if (shared) {
            r = new Region(at, size, new SharedPages((int) (size / Region.PAGE), true), 0, readable, writable);
        } else {
            r = new Region(at, size, readable, writable);
            r.reserved = true;
        }
        spaces.attach(p, r);
        req.address(at);
        return Errno.OK;
    }

    /**
     * Where a mapping of {@code size} bytes goes: exactly at {@code address} for MAP_FIXED
     * (EINVAL if misaligned or outside the address space), else the hint or the first hole;
     * ENOMEM (negative) if there is no room.
     */
    static long place(VmProcess p, long address, long size, boolean fixed) {
        if (fixed) {
            if ((address & (Region.PAGE - 1)) != 0 || address < Region.PAGE || address + size > ADDRESS_LIMIT) {
                return Errno.EINVAL;
            }
            return address;
        }
        long at = AddressSpaces.findRoom(p, address, size);
        return at < 0 ? Errno.ENOMEM : at;
    }

    /** VM_MUNMAP: the range disappears from the caller's address space (nothing mapped there is fine). */
    int munmap(VmProcess p, VmMsg req) {
        long address = req.address();
        long length = req.length();
        if (address < 0 || (address & (Region.PAGE - 1)) != 0 || length <= 0 || address + length > ADDRESS_LIMIT) {
            return Errno.EINVAL;
        }
        spaces.unmap(p, address, roundUp(address + length));
        return Errno.OK;
    }
}

package minixj.lib.posix;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VmMsg;

/**
 * The memory calls of the C library: brk/sbrk and mmap/munmap, each a request to VM. Errors are
 * {@link PosixException}s with ENOMEM or EINVAL. The memory these calls hand out is the process's
 * simulated memory, read and written through {@code trap.memory()}.
 *
 * <p>The heap starts where the initial region ends; the library's own scratch memory
 * ({@link Posix#ARGS_ADDRESS}) lies inside the initial region, out of the way of both. VM keeps
 * the break exactly, so sbrk holds no state of its own and needs no care across fork.
 */
public final class Memory {
    public static final int PROT_NONE = VmMsg.PROT_NONE;
    public static final int PROT_READ = VmMsg.PROT_READ;
    public static final int PROT_WRITE = VmMsg.PROT_WRITE;
    public static final int MAP_SHARED = VmMsg.MAP_SHARED;
    public static final int MAP_PRIVATE = VmMsg.MAP_PRIVATE;
    public static final int MAP_FIXED = VmMsg.MAP_FIXED;
    public static final int MAP_ANON = VmMsg.MAP_ANON;
    /** Bytes per page. */
    public static final int PAGE_SIZE = 4096;

    private final Trap trap;

    /** The memory calls of the process that owns {@code trap}. */
    public Memory(Trap trap) {
        this.trap = trap;
    }

    private VmMsg call(String name, int type, VmMsg req) {
        Message m = req.message();
        m.type(type);
        int r = trap.sendrec(Endpoint.VM, m);
        if (r != Errno.OK) throw new PosixException(name, r);
        if (m.type() < 0) throw new PosixException(name, m.type());
        return req;
    }

    private static VmMsg msg() {
        return new VmMsg(new Message());
    }

    /** Sets the end of the heap to {@code address}; ENOMEM if it cannot be. */
    public void brk(long address) {
        if (address == 0) throw new PosixException("brk", Errno.ENOMEM); // 0 would only ask VM
        call("brk", VmMsg.VM_BRK, msg().address(address));
    }

    /** Moves the break by {@code increment} bytes (may be negative); returns the old break. */
    public long sbrk(long increment) {
        long old = call("sbrk", VmMsg.VM_BRK, msg().address(0)).address();
        if (increment != 0) {
            long wanted = old + increment;
            if (increment > 0 ? wanted < old : wanted > old) throw new PosixException("sbrk", Errno.ENOMEM);
            brk(wanted);
        }
        return old;
    }

    /**
     * Maps {@code length} bytes of anonymous memory ({@code flags} must have MAP_ANON and one of
     * MAP_PRIVATE / MAP_SHARED) with protection {@code prot}; {@code address} is a hint, or the
     * exact place with MAP_FIXED (what was there is unmapped). Returns the address.
     */
    public long mmap(long address, long length, int prot, int flags) {
        return call("mmap", VmMsg.VM_MMAP, msg().address(address).length(length).prot(prot).flags(flags)).address();
    }

    /** Removes the whole pages of [address, address + length) from the address space. */
    public void munmap(long address, long length) {
        call("munmap", VmMsg.VM_MUNMAP, msg().address(address).length(length));
    }

    /**
     * Maps {@code length} bytes of grant {@code grant} of {@code granter} into this process
     * (VM_REMAP, or VM_REMAP_RO when {@code readOnly}): both then share the same memory. Returns
     * the address.
     */
    public long remap(int granter, int grant, long length, boolean readOnly) {
        return call("remap", readOnly ? VmMsg.VM_REMAP_RO : VmMsg.VM_REMAP,
                msg().endpoint(granter).grant(grant).length(length)).address();
    }

    /** Frames of the machine, free frames, and this process's present and shared pages. */
    public MemoryInfo info() {
        VmMsg r = call("vm_info", VmMsg.VM_INFO, msg().endpoint(Endpoint.SELF));
        return new MemoryInfo(r.totalFrames(), r.freeFrames(), r.usedFrames(), r.sharedFrames());
    }
}

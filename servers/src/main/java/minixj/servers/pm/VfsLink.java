package minixj.servers.pm;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VfsPmMsg;

/**
 * PM's side of the PM ↔ VFS protocol (spec §6.3, MINIX's {@code tell_vfs}): requests go out
 * through a SENDA table with AMF_NOREPLY, in order, so PM never blocks on VFS; the process concerned is
 * marked {@link MProc#VFS_CALL} until VFS's reply arrives, and has at most one request out. At
 * boot PM tells VFS about every process synchronously. Without VFS (machines built for tests)
 * requests complete at once.
 */
final class VfsLink {
    private final Trap trap;
    private final int vfs;
    private final AsyncTable table = new AsyncTable(1);
    private final java.util.ArrayDeque<Message> queue = new java.util.ArrayDeque<>();

    VfsLink(Trap trap, int vfs) {
        this.trap = trap;
        this.vfs = vfs;
    }

    /** Whether VFS runs (it is in the boot image). */
    boolean present() {
        return vfs != Endpoint.NONE;
    }

    /** VFS_PM_INIT for every process PM knows, then the synchronous end of the list. */
    void boot(ProcessTable processes) {
        if (!present()) return;
        Message m = new Message();
        for (MProc p : processes.all()) {
            if (!p.inUse()) continue;
            new VfsPmMsg(m.clear()).endpoint(p.endpoint).child(p.slot).pid(p.pid);
            m.type(VfsPmMsg.VFS_PM_INIT);
            trap.send(vfs, m);
        }
        new VfsPmMsg(m.clear()).endpoint(Endpoint.NONE);
        m.type(VfsPmMsg.VFS_PM_INIT);
        int r = trap.sendrec(vfs, m);
        if (r != Errno.OK) throw new IllegalStateException("pm: VFS did not take the process table: " + Errno.name(r));
    }

    /**
     * Sends request {@code message} (its type set) about {@code p}. Returns false when VFS does
     * not run: the caller then completes the request at once.
     */
    boolean tell(MProc p, Message message) {
        if (!present()) return false;
        Message copy = new Message();
        copy.copyFrom(message);
        queue.addLast(copy);
        p.flags |= MProc.VFS_CALL;
        p.vfsRequest = message.type();
        pump();
        return true;
    }

    /**
     * Puts the next queued request in the SENDA table once the previous one was delivered (the
     * kernel notifies PM from ASYNCM then). One entry at a time keeps the requests in order,
     * which VFS relies on: a slot's EXIT always reaches it before the FORK that reuses the slot.
     */
    void pump() {
        if (queue.isEmpty()) return;
        int flags = table.flags(0);
        if (flags != AsyncTable.AMF_EMPTY && (flags & AsyncTable.AMF_DONE) == 0) return;
        table.set(0, vfs, queue.pollFirst(), AsyncTable.AMF_NOREPLY | AsyncTable.AMF_NOTIFY);
        int r = trap.senda(table, 1);
        if (r != Errno.OK) throw new IllegalStateException("pm: SENDA to VFS failed: " + Errno.name(r));
    }

    /** Whether {@code m} (from {@code source}) is a reply of VFS. */
    boolean isReply(int source, Message m) {
        return present() && source == vfs && VfsPmMsg.isReply(m.type());
    }
}

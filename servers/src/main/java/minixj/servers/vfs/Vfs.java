package minixj.servers.vfs;

import java.nio.charset.StandardCharsets;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.VfsMsg;
import minixj.lib.ipc.layout.VfsPmMsg;
import minixj.lib.mem.MemoryLayout;
import minixj.lib.sys.Sys;

/**
 * VFS's main loop, in its first form: requests from PM (the asynchronous protocol of spec §6.3,
 * each answered with its reply message by a plain send, since PM is always receiving), exec from
 * the boot files, and the system calls of processes — for now WRITE to standard output and
 * error, which reach the kernel log (the console driver comes with step 5). Every other call gets
 * ENOSYS.
 */
public final class Vfs {
    /** VFS's scratch buffer for copies (after the boot-file index buffer). */
    static final long COPY_BUFFER = MemoryLayout.INITIAL_REGION_BASE + (2L << 20);
    static final int COPY_CHUNK = 4096;

    private final Trap trap;
    private final Fproc[] procs = new Fproc[Endpoint.NR_PROCS];
    private final BootFileSystem bootFiles;
    private final Exec exec;

    private Vfs(Trap trap) {
        this.trap = trap;
        for (int i = 0; i < procs.length; i++) procs[i] = new Fproc(i);
        bootFiles = BootFileSystem.load(trap, this::log);
        exec = new Exec(trap, bootFiles, COPY_BUFFER);
    }

    public static void main(String[] args) {
        new Vfs(Trap.current()).run();
    }

    private void run() {
        Message m = new Message();
        while (true) {
            if (trap.receive(Endpoint.ANY, m) != Errno.OK) continue;
            if (Ipc.isNotify(trap.ipcStatus())) continue;
            int source = m.source();
            int type = m.type();
            if (Endpoint.slot(source) == Endpoint.PM && VfsPmMsg.isRequest(type)) {
                servePm(m);
                continue;
            }
            Fproc caller = byEndpoint(source);
            int result = caller == null ? Errno.EDEADSRCDST : switch (type) {
                case VfsMsg.VFS_WRITE -> write(caller, new VfsMsg(m));
                default -> Errno.ENOSYS;
            };
            m.clear().type(result);
            trap.sendnb(source, m);
        }
    }

    private Fproc byEndpoint(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        if (slot < 0 || slot >= procs.length) return null;
        Fproc f = procs[slot];
        return f.inUse && f.endpoint == endpoint ? f : null;
    }

    /** One request from PM; every one but INIT's entries gets its reply. */
    private void servePm(Message m) {
        VfsPmMsg req = new VfsPmMsg(m);
        int type = m.type();
        int endpoint = req.endpoint();
        Fproc f = byEndpoint(endpoint);
        int result = Errno.OK;
        switch (type) {
            case VfsPmMsg.VFS_PM_INIT -> {
                if (endpoint == Endpoint.NONE) break; // the end of the boot list: answer the SENDREC
                int slot = req.child();
                if (slot < 0 || slot >= procs.length) return;
                Fproc p = procs[slot];
                p.reset();
                p.inUse = true;
                p.endpoint = endpoint;
                p.pid = req.pid();
                p.system = slot != Endpoint.INIT && slot < Endpoint.INIT;
                return;
            }
            case VfsPmMsg.VFS_PM_FORK, VfsPmMsg.VFS_PM_SRV_FORK -> {
                Fproc child = slotOf(req.child());
                if (f == null || child == null) {
                    result = Errno.EINVAL;
                    break;
                }
                child.reset();
                child.inUse = true;
                child.endpoint = req.child();
                child.pid = req.pid();
                child.copyFrom(f);
                if (type == VfsPmMsg.VFS_PM_SRV_FORK) {
                    child.realUid = child.effUid = req.id1();
                    child.realGid = child.effGid = req.id2();
                    child.system = true;
                }
            }
            case VfsPmMsg.VFS_PM_SETUID -> {
                if (f != null) { f.effUid = req.id1(); f.realUid = req.id2(); }
            }
            case VfsPmMsg.VFS_PM_SETGID -> {
                if (f != null) { f.effGid = req.id1(); f.realGid = req.id2(); }
            }
            case VfsPmMsg.VFS_PM_SETSID -> {
                if (f != null) f.sessionLeader = true;
            }
            case VfsPmMsg.VFS_PM_EXIT, VfsPmMsg.VFS_PM_DUMPCORE -> {
                if (f != null) f.reset();
            }
            case VfsPmMsg.VFS_PM_EXEC -> {
                result = f == null ? Errno.EINVAL : exec.load(f, req);
            }
            default -> {
                // UNPAUSE: nothing blocks in VFS yet; REBOOT: nothing to sync yet; SETGROUPS: no groups kept.
            }
        }
        boolean fork = type == VfsPmMsg.VFS_PM_FORK || type == VfsPmMsg.VFS_PM_SRV_FORK;
        req.result(result).endpoint(fork ? req.child() : endpoint);
        m.type(VfsPmMsg.replyOf(type));
        trap.send(Endpoint.slot(m.source()) == Endpoint.PM ? m.source() : Endpoint.PM, m);
    }

    private Fproc slotOf(int endpoint) {
        int slot = Endpoint.slot(endpoint);
        return slot < 0 || slot >= procs.length ? null : procs[slot];
    }

    /** WRITE to fd 1 or 2: the bytes go to the kernel log, as the console would show them. */
    private int write(Fproc caller, VfsMsg req) {
        int fd = req.fd();
        int length = req.length();
        if (fd != 1 && fd != 2) return Errno.EBADF;
        if (length < 0) return Errno.EINVAL;
        int done = 0;
        byte[] chunk = new byte[COPY_CHUNK];
        while (done < length) {
            int n = Math.min(COPY_CHUNK, length - done);
            int r = Sys.vircopy(trap, caller.endpoint, req.address() + done, Endpoint.SELF, COPY_BUFFER, n);
            if (r != Errno.OK) return done > 0 ? done : Errno.EFAULT;
            trap.memory().read(COPY_BUFFER, chunk, 0, n);
            Sys.diagctlDiag(trap, new String(chunk, 0, n, StandardCharsets.UTF_8));
            done += n;
        }
        return done;
    }

    private void log(String line) {
        Sys.diagctlDiag(trap, line + "\n");
    }
}

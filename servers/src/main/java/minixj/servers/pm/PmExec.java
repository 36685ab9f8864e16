package minixj.servers.pm;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.PmMsg;
import minixj.lib.ipc.layout.SysExecMsg;
import minixj.lib.ipc.layout.VfsPmMsg;

/**
 * exec (spec §6.5): PM asks VFS to find the executable and place it in the process's memory,
 * then has the kernel load it with the arguments the process put after the path. The caller
 * gets a reply only when exec fails; on success its old program is gone and the new one starts.
 * Caught signals go back to their default action (their handlers were the old program's);
 * ignored ones stay ignored and the signal mask is kept, as POSIX says.
 */
final class PmExec {
    private final Trap trap;
    private final VfsLink vfs;
    private final Lifecycle life;
    private Trace tracing;

    PmExec(Trap trap, VfsLink vfs, Lifecycle life) {
        this.trap = trap;
        this.vfs = vfs;
        this.life = life;
    }

    void tracing(Trace tracing) {
        this.tracing = tracing;
    }

    /**
     * PM_EXEC: {@link PmMsg#address()} holds the path (of {@link PmMsg#value1()} bytes), a NUL,
     * then the arguments (NUL-terminated strings, argv[0] first); {@link PmMsg#length()} is the
     * whole block.
     */
    int exec(MProc p, PmMsg req) {
        int length = req.length();
        int pathLength = req.value1();
        if (length <= 0 || length > Lifecycle.MAX_ARGS || pathLength <= 0 || pathLength >= length) return Errno.EINVAL;
        p.execAddress = req.address();
        p.execLength = length;
        p.execPathLength = pathLength;
        int r = start(p, p.execAddress, pathLength);
        return r == Errno.OK ? Errno.SUSPEND : r;
    }

    /** Asks VFS for the executable; ENOSYS when there is no VFS to read it. */
    int start(MProc p, long pathAddress, int pathLength) {
        Message m = new Message(VfsPmMsg.VFS_PM_EXEC);
        new VfsPmMsg(m).endpoint(p.endpoint).pathAddress(pathAddress).pathLength(pathLength);
        return vfs.tell(p, m) ? Errno.OK : Errno.ENOSYS;
    }

    /** VFS answered: load the program, or report the error. */
    void vfsReplied(MProc p, VfsPmMsg reply) {
        p.flags &= ~MProc.VFS_CALL;
        int r = reply.result();
        if (r == Errno.OK) {
            int argsLength = p.execLength - p.execPathLength - 1;
            Message m = new Message();
            new SysExecMsg(m).endpoint(p.endpoint).imageAddress(reply.imageAddress())
                    .imageLength(reply.imageLength()).argsAddress(p.execAddress + p.execPathLength + 1)
                    .argsLength(argsLength);
            r = trap.kernelCall(SysCalls.SYS_EXEC, m);
        }
        if (r != Errno.OK) {
            if (p.is(MProc.SPAWNING)) life.spawnFailed(p, r);
            else life.replyTo(p, r);
            return;
        }
        for (int sig = 1; sig <= Signals.NSIG; sig++) {
            if (p.catchSet.contains(sig)) p.handlers[sig] = PmMsg.SIG_DFL;
        }
        p.catchSet.clear();
        p.savedMasks.clear();
        if (p.is(MProc.SPAWNING)) life.spawned(p);
        else tracing.execDone(p);
    }
}

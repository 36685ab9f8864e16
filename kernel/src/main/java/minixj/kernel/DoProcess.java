package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.Signals;
import minixj.lib.ipc.layout.SysExecMsg;
import minixj.lib.ipc.layout.SysForkMsg;
import minixj.lib.ipc.layout.SysGetksigMsg;
import minixj.lib.ipc.layout.SysProcMsg;
import minixj.lib.ipc.layout.SysRunctlMsg;
import minixj.lib.ipc.layout.SysUpdateMsg;

/** Process-management kernel calls: fork, clear, exit, kill, run control, kernel signals, update. */
final class DoProcess {
    private final Kernel kernel;

    DoProcess(Kernel kernel) {
        this.kernel = kernel;
    }

    private Proc target(int endpoint, Proc caller) {
        return kernel.procs.byEndpoint(endpoint == Endpoint.SELF ? caller.endpoint : endpoint);
    }

    /**
     * SYS_FORK: the child takes the free slot PM chose, with the next generation of that slot,
     * the parent's scheduling and privileges (a system parent's child gets the user privileges
     * and NO_PRIV), zeroed accounting and timers, and NO_QUANTUM until its scheduler runs it. The
     * child has no program until SYS_EXEC gives it one.
     */
    int fork(Proc caller, Message m) {
        SysForkMsg req = new SysForkMsg(m);
        Proc parent = kernel.procs.byEndpoint(req.parent());
        if (parent == null || parent.isTask()) return EINVAL;
        int slot = req.slot();
        if (slot < 0 || slot >= ProcTable.NR_PROCS) return EINVAL;
        Proc child = kernel.procs.slot(slot);
        if (!child.isFree()) return EINVAL;
        int generation = Endpoint.nextGeneration(Endpoint.generation(child.endpoint));
        int endpoint = Endpoint.make(generation, slot);
        Priv priv = parent.priv;
        int rts = RtsFlags.NO_QUANTUM;
        if (priv != null && (priv.flags & PrivFlags.SYS_PROC) != 0) {
            priv = kernel.privs.byId(PrivFlags.USER_PRIV_ID);
            rts |= RtsFlags.NO_PRIV;
        }
        child.endpoint = endpoint;
        child.usedBefore = true;
        child.name = (parent.name.length() > 13 ? parent.name.substring(0, 13) : parent.name) + "*F";
        child.priv = priv;
        child.rts = rts;
        child.misc = parent.misc & MiscFlags.NICED;
        child.priority = parent.priority;
        child.quantumNs = parent.quantumNs;
        child.cpuLeftNs = 0;
        child.scheduler = parent.scheduler;
        child.cpu = parent.cpu;
        child.sendTo = child.getFrom = Endpoint.NONE;
        child.callerHead = child.callerTail = child.nextCaller = null;
        child.userTicks = child.sysTicks = 0;
        child.virtualTimerTicks = child.profTimerTicks = 0;
        child.pending.clear();
        child.queued = false;
        child.ctx = null;
        child.space = kernel.memory.newSpace(child);
        kernel.trace.event(Trace.SPAWN, endpoint, parent.endpoint, 1);
        req.child(endpoint);
        return OK;
    }

    /** Largest program image SYS_EXEC accepts (64 MiB). */
    static final long MAX_IMAGE = 64L << 20;
    /** Largest argument block. */
    static final int MAX_ARGS = 128 * 1024;

    /**
     * SYS_EXEC: read the JAR image and the arguments from the target's memory, load the program
     * (ENOEXEC if it is refused) and start it in place of the old one. With EXEC_SAME_IMAGE the
     * image is the one another process runs and the first argument names the entry class.
     */
    int exec(Proc caller, Message m) {
        SysExecMsg req = new SysExecMsg(m);
        Proc p = target(req.endpoint(), caller);
        if (p == null || p.isTask() || p == caller) return EINVAL;
        boolean sameImage = (req.flags() & SysExecMsg.EXEC_SAME_IMAGE) != 0;
        long length = req.imageLength();
        int argsLength = req.argsLength();
        if ((!sameImage && (length <= 0 || length > MAX_IMAGE)) || argsLength < 0 || argsLength > MAX_ARGS) return EINVAL;
        byte[] argBytes = new byte[argsLength];
        int r = kernel.memory.copyFromProcess(p, req.argsAddress(), argBytes, argsLength);
        if (r != OK) return r;
        String[] args = argsLength == 0 ? new String[0]
                : new String(argBytes, java.nio.charset.StandardCharsets.UTF_8).split("\0", -1);
        if (args.length > 0 && args[args.length - 1].isEmpty()) args = java.util.Arrays.copyOf(args, args.length - 1);
        minixj.kernel.loader.JarImage jar;
        String entry;
        if (sameImage) {
            Proc source = target(req.sourceEndpoint(), caller);
            if (source == null || source.ctx == null || source.ctx.image == null || args.length == 0) return EINVAL;
            jar = source.ctx.image;
            entry = args[0];
            args = java.util.Arrays.copyOfRange(args, 1, args.length);
        } else {
            byte[] image = new byte[(int) length];
            r = kernel.memory.copyFromProcess(p, req.imageAddress(), image, image.length);
            if (r != OK) return r;
            String name = args.length > 0 && !args[0].isEmpty() ? args[0].substring(args[0].lastIndexOf('/') + 1) : p.name;
            try {
                jar = kernel.images.parse(name, image);
            } catch (minixj.kernel.loader.ExecException e) {
                kernel.log("kernel: exec of " + name + " refused: " + e.getMessage());
                return e.errno();
            }
            entry = jar.mainClass();
        }
        minixj.kernel.loader.LoadedProgram program;
        try {
            program = kernel.loader.load(jar, entry);
        } catch (minixj.kernel.loader.ExecException e) {
            kernel.log("kernel: exec of " + jar.name() + " refused: " + e.getMessage());
            return e.errno();
        }
        kernel.exec(p, program, jar, args);
        return OK;
    }

    /** SYS_CLEAR: PM cleans up an exited process's slot. */
    int clear(Proc caller, Message m) {
        Proc p = target(new SysProcMsg(m).endpoint(), caller);
        if (p == null) return EINVAL;
        if (p.isTask()) return EPERM;
        kernel.exitProcessCleared(p);
        return OK;
    }

    /** SYS_EXIT: a system process asks to die; it gets SIGABRT and waits for its signal manager. */
    int exit(Proc caller, Message m) {
        kernel.signals.causeSig(caller, Signals.SIGABRT);
        return EDONTREPLY;
    }

    /** SYS_KILL: cause a signal on a (non-task) process. */
    int kill(Proc caller, Message m) {
        SysProcMsg req = new SysProcMsg(m);
        Proc p = target(req.endpoint(), caller);
        if (p == null) return EINVAL;
        if (p.isTask()) return EPERM;
        int sig = req.signal();
        if (!Signals.isValid(sig)) return EINVAL;
        kernel.signals.causeSig(p, sig);
        return OK;
    }

    /** SYS_RUNCTL: stop (optionally delayed while the process is sending) or resume. */
    int runctl(Proc caller, Message m) {
        SysRunctlMsg req = new SysRunctlMsg(m);
        Proc p = target(req.endpoint(), caller);
        if (p == null || p.isTask()) return EINVAL;
        switch (req.action()) {
            case SysRunctlMsg.RC_STOP -> {
                if ((req.flags() & SysRunctlMsg.RC_DELAY) != 0 && p.has(RtsFlags.SENDING)) {
                    p.misc |= MiscFlags.SIG_DELAY;
                    return EBUSY;
                }
                kernel.rtsSet(p, RtsFlags.PROC_STOP);
                return OK;
            }
            case SysRunctlMsg.RC_RESUME -> {
                p.misc &= ~MiscFlags.SIG_DELAY;
                kernel.rtsUnset(p, RtsFlags.PROC_STOP);
                return OK;
            }
            default -> {
                return EINVAL;
            }
        }
    }

    /** SYS_GETKSIG: the next process this manager handles with pending signals, or NONE. */
    int getksig(Proc caller, Message m) {
        SysGetksigMsg reply = new SysGetksigMsg(m);
        Proc p = kernel.signals.nextSignaled(caller);
        if (p == null) {
            reply.endpoint(Endpoint.NONE).sigsetLow(0).sigsetHigh(0);
            return OK;
        }
        reply.endpoint(p.endpoint).sigsetLow(p.pending.low()).sigsetHigh(p.pending.high());
        p.pending.clear();
        p.rts &= ~RtsFlags.SIGNALED; // still blocked by SIG_PENDING
        return OK;
    }

    /** SYS_ENDKSIG: the manager finished; the process runs again unless new signals arrived. */
    int endksig(Proc caller, Message m) {
        Proc p = target(new SysProcMsg(m).endpoint(), caller);
        if (p == null) return EINVAL;
        int manager = p.priv.sigManager == Endpoint.SELF ? p.endpoint : p.priv.sigManager;
        if (manager != caller.endpoint) return EPERM;
        if (!p.has(RtsFlags.SIGNALED)) kernel.rtsUnset(p, RtsFlags.SIG_PENDING);
        return OK;
    }

    /** SYS_UPDATE: swap two system processes' slots (live update); endpoints and queues stay with the slots. */
    int update(Proc caller, Message m) {
        SysUpdateMsg req = new SysUpdateMsg(m);
        Proc src = kernel.procs.byEndpoint(req.source());
        Proc dst = kernel.procs.byEndpoint(req.destination());
        if (src == null || dst == null || src == dst) return EINVAL;
        if (src.isTask() || dst.isTask()) return EPERM;
        if (src.priv == null || dst.priv == null || (src.priv.flags & PrivFlags.SYS_PROC) == 0
                || (dst.priv.flags & PrivFlags.SYS_PROC) == 0) {
            return EPERM;
        }
        return kernel.swapSlots(src, dst, (req.flags() & SysUpdateMsg.ROLLBACK) != 0);
    }
}

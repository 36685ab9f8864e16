package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.ipc.layout.SysPrivctlMsg;

/** SYS_PRIVCTL: privilege structures of system processes (RS's tool). */
final class DoPrivctl {
    static final int MAX_IRQS = 16;
    static final int MAX_IO_RANGES = 64;
    static final int MAX_MEM_RANGES = 20;

    private final Kernel kernel;

    DoPrivctl(Kernel kernel) {
        this.kernel = kernel;
    }

    int privctl(Proc caller, Message m) {
        if ((caller.priv.flags & PrivFlags.SYS_PROC) == 0) return EPERM;
        SysPrivctlMsg req = new SysPrivctlMsg(m);
        int request = req.request();
        Proc rp = kernel.procs.byEndpoint(req.endpoint() == Endpoint.SELF ? caller.endpoint : req.endpoint());
        if (rp == null) return EINVAL;
        if (rp.isTask() && request != SysPrivctlMsg.CLEAR_IPC_REFS) return EPERM;
        switch (request) {
            // As MINIX: only a frozen process that has privileges may be let run; freezing twice is refused.
            case SysPrivctlMsg.ALLOW -> {
                if (!rp.has(RtsFlags.NO_PRIV) || rp.priv == null || !rp.priv.inUse()) return EPERM;
                kernel.rtsUnset(rp, RtsFlags.NO_PRIV);
                return OK;
            }
            case SysPrivctlMsg.YIELD -> {
                // The target runs in the caller's place: the caller freezes itself.
                if (!rp.has(RtsFlags.NO_PRIV) || rp.priv == null || !rp.priv.inUse()) return EPERM;
                kernel.rtsSet(caller, RtsFlags.NO_PRIV);
                kernel.rtsUnset(rp, RtsFlags.NO_PRIV);
                return OK;
            }
            case SysPrivctlMsg.DISALLOW -> {
                if (rp.has(RtsFlags.NO_PRIV)) return EPERM;
                kernel.rtsSet(rp, RtsFlags.NO_PRIV);
                return OK;
            }
            case SysPrivctlMsg.SET_SYS -> {
                return setSys(rp, req);
            }
            case SysPrivctlMsg.UPDATE_SYS -> {
                if (rp.priv == null || rp.priv.id == PrivFlags.USER_PRIV_ID) return EPERM;
                applyFields(rp.priv, req);
                return OK;
            }
            case SysPrivctlMsg.SET_USER -> {
                if (!rp.has(RtsFlags.NO_PRIV)) return EPERM;
                releaseOwn(rp);
                rp.priv = kernel.privs.byId(PrivFlags.USER_PRIV_ID);
                return OK;
            }
            case SysPrivctlMsg.ADD_IRQ -> {
                if (!ownsSysPriv(rp)) return EPERM;
                if (rp.priv.irqs.size() >= MAX_IRQS) return ENOMEM;
                rp.priv.flags |= PrivFlags.CHECK_IRQ;
                rp.priv.irqs.add(new int[] {req.arg()});
                return OK;
            }
            case SysPrivctlMsg.ADD_IO -> {
                if (!ownsSysPriv(rp)) return EPERM;
                if (rp.priv.ioRanges.size() >= MAX_IO_RANGES) return ENOMEM;
                if (req.rangeLimit() < req.rangeBase()) return EINVAL;
                rp.priv.flags |= PrivFlags.CHECK_IO_PORT;
                rp.priv.ioRanges.add(new long[] {req.rangeBase(), req.rangeLimit()});
                return OK;
            }
            case SysPrivctlMsg.ADD_MEM -> {
                if (!ownsSysPriv(rp)) return EPERM;
                if (rp.priv.memRanges.size() >= MAX_MEM_RANGES) return ENOMEM;
                if (req.rangeLimit() < req.rangeBase()) return EINVAL;
                rp.priv.flags |= PrivFlags.CHECK_MEM;
                rp.priv.memRanges.add(new long[] {req.rangeBase(), req.rangeLimit()});
                return OK;
            }
            case SysPrivctlMsg.QUERY_MEM -> {
                if (rp.priv == null) return EPERM;
                for (long[] r : rp.priv.memRanges) {
                    if (req.rangeBase() >= r[0] && req.rangeLimit() <= r[1]) return OK;
                }
                return EPERM;
            }
            case SysPrivctlMsg.CLEAR_IPC_REFS -> {
                kernel.ipc.clearIpcRefs(rp, EDEADSRCDST);
                return OK;
            }
            default -> {
                return EINVAL;
            }
        }
    }

    private static boolean ownsSysPriv(Proc rp) {
        return rp.priv != null && rp.priv.id != PrivFlags.USER_PRIV_ID && (rp.priv.flags & PrivFlags.SYS_PROC) != 0;
    }

    /**
     * SET_SYS: give a frozen process (NO_PRIV) its own privilege structure — its static id for a
     * boot slot, or a dynamic one — with the fields of the request.
     */
    private int setSys(Proc rp, SysPrivctlMsg req) {
        if (!rp.has(RtsFlags.NO_PRIV)) return EPERM;
        Priv priv;
        int wanted = req.privId();
        if (wanted >= 0) {
            if (wanted != PrivTable.staticId(rp.slot) || wanted == PrivFlags.USER_PRIV_ID) return EINVAL;
            priv = kernel.privs.byId(wanted);
            if (priv.inUse() && priv.procSlot != rp.slot) return EBUSY;
        } else {
            priv = rp.priv != null && rp.priv.id != PrivFlags.USER_PRIV_ID && rp.priv.procSlot == rp.slot
                    ? rp.priv : kernel.privs.allocateDynamic();
            if (priv == null) return ENOSPC;
        }
        if (rp.priv != priv) releaseOwn(rp);
        priv.reset();
        priv.procSlot = rp.slot;
        rp.priv = priv;
        applyFields(priv, req);
        priv.flags |= PrivFlags.SYS_PROC | (wanted >= 0 ? 0 : PrivFlags.DYN_PRIV_ID);
        return OK;
    }

    private void applyFields(Priv priv, SysPrivctlMsg req) {
        priv.flags = req.flags() | PrivFlags.SYS_PROC | (priv.flags & PrivFlags.DYN_PRIV_ID);
        priv.initFlags = req.initFlags();
        priv.trapMask = req.trapMask() & Ipc.TRAP_ALL;
        priv.kernelCallMask = req.kernelCallMask();
        priv.sigManager = req.sigManager();
        priv.backupSigManager = req.backupSigManager();
        kernel.privs.applyIpcMask(priv, req.ipcTo());
    }

    private void releaseOwn(Proc rp) {
        Priv old = rp.priv;
        if (old != null && old.id != PrivFlags.USER_PRIV_ID && old.procSlot == rp.slot) {
            kernel.clock.cancel(old.alarmTimer);
            old.reset();
        }
    }
}

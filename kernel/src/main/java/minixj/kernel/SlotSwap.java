package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Message;

/**
 * SYS_UPDATE's slot swap (live update, restart, rollback): two system processes exchange their
 * table contents. Each slot keeps its endpoint, privilege id, caller queue, pending
 * notify/async/interrupt/kernel-signal bits, alarm and scheduler; everything else (the program,
 * its run state, its rights) moves.
 */
final class SlotSwap {
    private SlotSwap() {
    }

    static int swap(Kernel k, Proc src, Proc dst, boolean rollback) {
        if (!updatable(src) || !updatable(dst)) return EBUSY;
        if (rollback && src.has(RtsFlags.SENDING)) {
            Proc to = k.procs.byEndpoint(src.sendTo);
            if (to != null) IpcCore.removeCaller(to, src);
            src.sendTo = Endpoint.NONE;
            k.rtsUnset(src, RtsFlags.SENDING);
        }
        k.runQueues.remove(src);
        k.runQueues.remove(dst);
        swapProcContents(src, dst);
        swapPrivContents(src.priv, dst.priv);
        for (Proc p : new Proc[] {src, dst}) {
            if (p.ctx != null) p.ctx.proc = p;
            if (p.priv.asyncEndpoint == (p == src ? dst.endpoint : src.endpoint)) p.priv.asyncEndpoint = p.endpoint;
            if (p.rts == 0 && p.ctx != null) k.runQueues.enqueueTail(p);
        }
        k.trace.event(Trace.SPAWN, src.endpoint, dst.endpoint, 2);
        return OK;
    }

    /** MINIX's proc_is_updatable: frozen (no privileges), signaled, or blocked purely in receive. */
    private static boolean updatable(Proc p) {
        if (p.has(RtsFlags.NO_PRIV) || p.has(RtsFlags.SIG_PENDING)) return true;
        return p.has(RtsFlags.RECEIVING) && !p.has(RtsFlags.SENDING);
    }

    private static void swapProcContents(Proc a, Proc b) {
        ProcessContext ctx = a.ctx; a.ctx = b.ctx; b.ctx = ctx;
        int i = a.rts; a.rts = b.rts; b.rts = i;
        i = a.misc; a.misc = b.misc; b.misc = i;
        String n = a.name; a.name = b.name; b.name = n;
        i = a.priority; a.priority = b.priority; b.priority = i;
        long l = a.quantumNs; a.quantumNs = b.quantumNs; b.quantumNs = l;
        l = a.cpuLeftNs; a.cpuLeftNs = b.cpuLeftNs; b.cpuLeftNs = l;
        i = a.cpu; a.cpu = b.cpu; b.cpu = i;
        i = a.sendTo; a.sendTo = b.sendTo; b.sendTo = i;
        i = a.getFrom; a.getFrom = b.getFrom; b.getFrom = i;
        Message tmp = a.sendMsg.copy(); a.sendMsg.copyFrom(b.sendMsg); b.sendMsg.copyFrom(tmp);
        Message buf = a.recvBuf; a.recvBuf = b.recvBuf; b.recvBuf = buf;
        i = a.ipcResult; a.ipcResult = b.ipcResult; b.ipcResult = i;
        i = a.ipcStatus; a.ipcStatus = b.ipcStatus; b.ipcStatus = i;
        minixj.lib.ipc.SigSet s = new minixj.lib.ipc.SigSet().copyFrom(a.pending);
        a.pending.copyFrom(b.pending); b.pending.copyFrom(s);
        l = a.userTicks; a.userTicks = b.userTicks; b.userTicks = l;
        l = a.sysTicks; a.sysTicks = b.sysTicks; b.sysTicks = l;
        ProcSpace sp = a.space; a.space = b.space; b.space = sp;
        l = a.kernelEntries; a.kernelEntries = b.kernelEntries; b.kernelEntries = l;
    }

    private static void swapPrivContents(Priv a, Priv b) {
        int i = a.flags; a.flags = b.flags; b.flags = i;
        i = a.initFlags; a.initFlags = b.initFlags; b.initFlags = i;
        i = a.trapMask; a.trapMask = b.trapMask; b.trapMask = i;
        long l = a.ipcTo; a.ipcTo = b.ipcTo; b.ipcTo = l;
        l = a.kernelCallMask; a.kernelCallMask = b.kernelCallMask; b.kernelCallMask = l;
        i = a.sigManager; a.sigManager = b.sigManager; b.sigManager = i;
        i = a.backupSigManager; a.backupSigManager = b.backupSigManager; b.backupSigManager = i;
        minixj.lib.ipc.AsyncTable t = a.asyncTable; a.asyncTable = b.asyncTable; b.asyncTable = t;
        i = a.asyncSize; a.asyncSize = b.asyncSize; b.asyncSize = i;
        i = a.asyncEndpoint; a.asyncEndpoint = b.asyncEndpoint; b.asyncEndpoint = i;
        l = a.grantTableAddress; a.grantTableAddress = b.grantTableAddress; b.grantTableAddress = l;
        i = a.grantTableEntries; a.grantTableEntries = b.grantTableEntries; b.grantTableEntries = i;
        i = a.grantTableEndpoint; a.grantTableEndpoint = b.grantTableEndpoint; b.grantTableEndpoint = i;
        IpcFilter f = a.ipcFilter; a.ipcFilter = b.ipcFilter; b.ipcFilter = f;
        boolean d = a.diagSignal; a.diagSignal = b.diagSignal; b.diagSignal = d;
        java.util.List<int[]> irqs = new java.util.ArrayList<>(a.irqs);
        a.irqs.clear(); a.irqs.addAll(b.irqs); b.irqs.clear(); b.irqs.addAll(irqs);
        java.util.List<long[]> io = new java.util.ArrayList<>(a.ioRanges);
        a.ioRanges.clear(); a.ioRanges.addAll(b.ioRanges); b.ioRanges.clear(); b.ioRanges.addAll(io);
        java.util.List<long[]> mem = new java.util.ArrayList<>(a.memRanges);
        a.memRanges.clear(); a.memRanges.addAll(b.memRanges); b.memRanges.clear(); b.memRanges.addAll(mem);
    }
}

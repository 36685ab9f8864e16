package minixj.kernel;

import static minixj.lib.ipc.Errno.*;

import minixj.lib.ipc.AsyncTable;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Ipc;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.PrivFlags;

/**
 * The IPC primitives (spec §1): rendezvous send and receive, notify, asynchronous send tables,
 * deadlock detection and the cleanup when a process dies. Runs only with the CPU token held,
 * so it needs no locks. A process that blocks stays blocked with its RTS flags set; whoever
 * unblocks it writes its result into {@link Proc#ipcResult}.
 */
final class IpcCore {
    /** Largest SENDA table. */
    static final int MAX_ASYNC_SIZE = 16 * (Endpoint.NR_TASKS + Endpoint.NR_PROCS);

    private final Kernel kernel;
    private final ProcTable procs;
    private final PrivTable privs;

    IpcCore(Kernel kernel) {
        this.kernel = kernel;
        this.procs = kernel.procs;
        this.privs = kernel.privs;
    }

    /** SEND, RECEIVE, SENDREC, NOTIFY and SENDNB, validated in MINIX's order (spec §1.2). */
    int doSyncIpc(Proc caller, int call, int srcDst, Message m, boolean nonBlocking) {
        if (call != Ipc.SEND && call != Ipc.RECEIVE && call != Ipc.SENDREC && call != Ipc.NOTIFY
                && call != Ipc.SENDNB) {
            return ETRAPDENIED;
        }
        Proc target = null;
        if (srcDst == Endpoint.ANY) {
            if (call != Ipc.RECEIVE) return EINVAL;
        } else {
            target = procs.byEndpoint(srcDst);
            if (target == null) return EDEADSRCDST;
            if (call != Ipc.RECEIVE && !mayIpcTo(caller, target)) return ECALLDENIED;
        }
        if ((caller.priv.trapMask & (1 << call)) == 0) return ETRAPDENIED;
        if (target != null && target.isTask() && call != Ipc.SENDREC && call != Ipc.RECEIVE) return ETRAPDENIED;
        if (call != Ipc.NOTIFY && m == null) return EFAULT;

        switch (call) {
            case Ipc.SENDREC -> {
                caller.misc |= MiscFlags.REPLY_PEND;
                int r = send(caller, target, m, 0);
                if (r == OK) r = receive(caller, srcDst, target, m, false);
                return r;
            }
            case Ipc.SEND -> {
                return send(caller, target, m, 0);
            }
            case Ipc.SENDNB -> {
                return send(caller, target, m, NON_BLOCKING);
            }
            case Ipc.RECEIVE -> {
                caller.misc &= ~MiscFlags.REPLY_PEND;
                caller.ipcStatus = 0;
                return receive(caller, srcDst, target, m, nonBlocking);
            }
            case Ipc.NOTIFY -> {
                return notify(caller, srcDst);
            }
            default -> {
                return EBADCALL;
            }
        }
    }

    static final int NON_BLOCKING = 1;
    static final int FROM_KERNEL = 2;

    private boolean mayIpcTo(Proc caller, Proc target) {
        return Priv.bit(caller.priv.ipcTo, target.priv.id);
    }

    /** True if {@code dst} is waiting for a message from {@code source} that its filter admits (WILLRECEIVE). */
    boolean willReceive(Proc dst, Proc source, int type) {
        if ((dst.rts & RtsFlags.RECEIVING) == 0 || (dst.rts & RtsFlags.SENDING) != 0) return false;
        if (dst.getFrom != Endpoint.ANY && dst.getFrom != source.endpoint) return false;
        IpcFilter filter = dst.priv.ipcFilter;
        return filter == null || filter.admits(source.endpoint, type, kindOf(source));
    }

    private static IpcFilter.SourceKind kindOf(Proc p) {
        if (p.isTask()) return IpcFilter.SourceKind.TASK;
        return (p.priv.flags & PrivFlags.SYS_PROC) != 0 ? IpcFilter.SourceKind.SYSTEM : IpcFilter.SourceKind.USER;
    }

    /** mini_send. With FROM_KERNEL the message is forged on the caller's behalf. */
    int send(Proc caller, int dstEndpoint, Message m, int flags) {
        if ((flags & FROM_KERNEL) == 0) return send(caller, procs.byEndpoint(dstEndpoint), m, flags);
        KernelMessageEvent event = new KernelMessageEvent();
        int type = m.type();
        int r = send(caller, procs.byEndpoint(dstEndpoint), m, flags);
        if (event.isEnabled()) {
            event.source = caller.endpoint;
            event.destination = dstEndpoint;
            event.type = type;
            event.result = r;
            event.commit();
        }
        return r;
    }

    private int send(Proc caller, Proc dst, Message m, int flags) {
        if (dst == null || dst.has(RtsFlags.NO_ENDPOINT)) return EDEADSRCDST;
        int dstEndpoint = dst.endpoint;
        if (willReceive(dst, caller, m.type())) {
            dst.recvBuf.copyFrom(m).source(caller.endpoint);
            int call = (caller.misc & MiscFlags.REPLY_PEND) != 0 ? Ipc.SENDREC
                    : (flags & NON_BLOCKING) != 0 ? Ipc.SENDNB : Ipc.SEND;
            addStatus(dst, call, (flags & FROM_KERNEL) != 0 ? Ipc.FLG_MSG_FROM_KERNEL : 0);
            dst.misc &= ~MiscFlags.REPLY_PEND;
            caller.ipcSync++;
            kernel.trace.event(Trace.DELIVER, caller.endpoint, dst.endpoint, m.type());
            kernel.rtsUnset(dst, RtsFlags.RECEIVING);
            return OK;
        }
        if ((flags & NON_BLOCKING) != 0) return ENOTREADY;
        if (deadlock(Ipc.SEND, caller, dstEndpoint)) return ELOCKED;
        caller.sendMsg.copyFrom(m).source(caller.endpoint);
        if ((flags & FROM_KERNEL) != 0) caller.misc |= MiscFlags.SENDING_FROM_KERNEL;
        caller.sendTo = dstEndpoint;
        kernel.rtsSet(caller, RtsFlags.SENDING);
        appendCaller(dst, caller);
        return OK;
    }

    /** mini_receive: notifications, then asynchronous messages, then the caller queue (spec §1.4). */
    private int receive(Proc caller, int src, Proc source, Message m, boolean nonBlocking) {
        caller.recvBuf = m;
        if (src != Endpoint.ANY && (source == null || source.has(RtsFlags.NO_ENDPOINT))) return EDEADSRCDST;
        if ((caller.rts & RtsFlags.SENDING) == 0) {
            // 1. Pending notifications, skipped during the reply half of a SENDREC: the lowest
            // privilege id the IPC filter admits (CANRECEIVE); a refused one stays pending.
            if ((caller.misc & MiscFlags.REPLY_PEND) == 0) {
                long map = caller.priv.notifyPending;
                if (source != null) map &= 1L << source.priv.id;
                IpcFilter filter = caller.priv.ipcFilter;
                for (; map != 0; map &= map - 1) {
                    int id = Long.numberOfTrailingZeros(map);
                    Proc notifier = procOfPriv(id);
                    if (notifier == null) {
                        caller.priv.notifyPending &= ~(1L << id);
                        continue;
                    }
                    if (filter != null && !filter.admits(notifier.endpoint, Ipc.NOTIFY_MESSAGE, kindOf(notifier))) continue;
                    caller.priv.notifyPending &= ~(1L << id);
                    buildNotify(m, notifier, caller);
                    addStatus(caller, Ipc.NOTIFY, 0);
                    caller.misc &= ~MiscFlags.REPLY_PEND;
                    kernel.trace.event(Trace.DELIVER, notifier.endpoint, caller.endpoint, Ipc.NOTIFY_MESSAGE);
                    return OK;
                }
            }
            // 2. Pending asynchronous messages.
            if (caller.priv.asyncPending != 0) {
                int r = source != null ? tryOne(source, caller) : tryAsync(caller);
                if (r == OK) {
                    addStatus(caller, Ipc.SENDA, 0);
                    caller.misc &= ~MiscFlags.REPLY_PEND;
                    return OK;
                }
            }
            // 3. The caller queue, first acceptable sender.
            Proc prev = null;
            for (Proc xp = caller.callerHead; xp != null; prev = xp, xp = xp.nextCaller) {
                if (source != null && xp != source) continue;
                IpcFilter filter = caller.priv.ipcFilter;
                if (filter != null && !filter.admits(xp.endpoint, xp.sendMsg.type(), kindOf(xp))) continue;
                m.copyFrom(xp.sendMsg);
                int flags = 0;
                if ((xp.misc & MiscFlags.SENDING_FROM_KERNEL) != 0) {
                    flags = Ipc.FLG_MSG_FROM_KERNEL;
                    xp.misc &= ~MiscFlags.SENDING_FROM_KERNEL;
                }
                addStatus(caller, (xp.misc & MiscFlags.REPLY_PEND) != 0 ? Ipc.SENDREC : Ipc.SEND, flags);
                unlinkCaller(caller, prev, xp);
                xp.sendTo = Endpoint.NONE;
                xp.ipcSync++;
                kernel.trace.event(Trace.DELIVER, xp.endpoint, caller.endpoint, m.type());
                kernel.rtsUnset(xp, RtsFlags.SENDING);
                if ((xp.misc & MiscFlags.SIG_DELAY) != 0) kernel.signals.sigDelayDone(xp);
                caller.misc &= ~MiscFlags.REPLY_PEND;
                return OK;
            }
        }
        if (nonBlocking) return ENOTREADY;
        if (deadlock(Ipc.RECEIVE, caller, src)) return ELOCKED;
        caller.getFrom = src;
        kernel.rtsSet(caller, RtsFlags.RECEIVING);
        return OK;
    }

    /** The IPC status is only written for a plain RECEIVE, never during a SENDREC's reply half. */
    private static void addStatus(Proc p, int call, int flags) {
        if ((p.misc & MiscFlags.REPLY_PEND) == 0) {
            p.ipcStatus |= Ipc.status(call, flags);
        }
    }

    /** mini_notify: deliver now if the target waits for it, else set the pending bit (coalescing). */
    int notify(Proc caller, int dstEndpoint) {
        Proc dst = procs.byEndpoint(dstEndpoint);
        if (dst == null) return EDEADSRCDST;
        kernel.trace.event(Trace.NOTIFY, caller.endpoint, dst.endpoint, 0);
        if (willReceive(dst, caller, Ipc.NOTIFY_MESSAGE) && (dst.misc & MiscFlags.REPLY_PEND) == 0) {
            buildNotify(dst.recvBuf, caller, dst);
            addStatus(dst, Ipc.NOTIFY, 0);
            caller.ipcAsync++;
            kernel.trace.event(Trace.DELIVER, caller.endpoint, dst.endpoint, Ipc.NOTIFY_MESSAGE);
            kernel.rtsUnset(dst, RtsFlags.RECEIVING);
            return OK;
        }
        dst.priv.notifyPending |= 1L << caller.priv.id;
        return OK;
    }

    /** Builds a notify message from {@code notifier} for {@code target}; HARDWARE and SYSTEM carry payloads. */
    private void buildNotify(Message m, Proc notifier, Proc target) {
        m.clear().type(Ipc.NOTIFY_MESSAGE).source(notifier.endpoint);
        minixj.lib.ipc.layout.NotifyMessage view = new minixj.lib.ipc.layout.NotifyMessage(m);
        view.timestamp(kernel.clock.uptime);
        if (notifier.endpoint == Endpoint.HARDWARE) {
            view.interrupts(target.priv.intPending);
            target.priv.intPending = 0;
        } else if (notifier.endpoint == Endpoint.SYSTEM) {
            view.sigset(target.priv.sigPending.low(), target.priv.sigPending.high());
            target.priv.sigPending.clear();
        }
    }

    Proc procOfPriv(int id) {
        Priv p = privs.byId(id);
        if (p == null || !p.inUse()) return null;
        return procs.slot(p.procSlot);
    }

    // ---------------------------------------------------------------- SENDA

    /**
     * mini_senda (spec §1.7). Never blocks; entry errors go into the entries. The size is checked
     * first, then SYS_PROC (spec §1.2 step 7: a user process gets EPERM); the trap-mask check
     * only matters for a system process whose mask lacks SENDA (MINIX does not check it).
     */
    int senda(Proc caller, AsyncTable table, int size) {
        Priv priv = caller.priv;
        if (size > MAX_ASYNC_SIZE || size < 0) return EDOM;
        if ((priv.flags & PrivFlags.SYS_PROC) == 0) return EPERM;
        if ((priv.trapMask & Ipc.TRAP_SENDA) == 0) return ETRAPDENIED;
        priv.asyncTable = null;
        priv.asyncSize = 0;
        priv.asyncEndpoint = Endpoint.NONE;
        if (size == 0) return OK;
        if (table == null || size > table.size()) return EFAULT;

        boolean doNotify = false;
        boolean done = true;
        for (int i = 0; i < size; i++) {
            int flags = table.flags(i);
            if (flags == AsyncTable.AMF_EMPTY) continue;
            int dstEndpoint = destination(table, i, caller);
            if ((flags & ~AsyncTable.AMF_ALL) != 0 || (flags & AsyncTable.AMF_VALID) == 0) {
                kernel.log("kernel: senda error " + EINVAL + " in entry " + i + " of " + caller.name);
                continue;
            }
            if ((flags & AsyncTable.AMF_DONE) != 0) continue;
            int r;
            Proc dst = procs.byEndpoint(dstEndpoint);
            if (dst == null) {
                r = EDEADSRCDST;
            } else if (dst.isTask()) {
                r = ECALLDENIED;
            } else if (dst != caller && !mayIpcTo(caller, dst)) {
                r = ECALLDENIED;
            } else if (dst.has(RtsFlags.NO_ENDPOINT)) {
                r = EDEADSRCDST;
            } else if (willReceive(dst, caller, table.message(i).type())
                    && ((flags & AsyncTable.AMF_NOREPLY) == 0 || (dst.misc & MiscFlags.REPLY_PEND) == 0)) {
                deliverAsync(caller, dst, table.message(i));
                r = OK;
            } else {
                dst.priv.asyncPending |= 1L << priv.id;
                done = false;
                continue;
            }
            table.result(i, r);
            table.flags(i, flags | AsyncTable.AMF_DONE);
            if ((flags & AsyncTable.AMF_NOTIFY) != 0 || (r != OK && (flags & AsyncTable.AMF_NOTIFY_ERR) != 0)) {
                doNotify = true;
            }
        }
        if (doNotify) notify(procs.slot(Endpoint.ASYNCM), caller.endpoint);
        if (!done) {
            priv.asyncTable = table;
            priv.asyncSize = size;
            priv.asyncEndpoint = caller.endpoint;
        }
        return OK;
    }

    private void deliverAsync(Proc sender, Proc dst, Message msg) {
        dst.recvBuf.copyFrom(msg).source(sender.endpoint);
        addStatus(dst, Ipc.SENDA, 0);
        dst.misc &= ~MiscFlags.REPLY_PEND;
        sender.ipcAsync++;
        kernel.trace.event(Trace.DELIVER, sender.endpoint, dst.endpoint, msg.type());
        kernel.rtsUnset(dst, RtsFlags.RECEIVING);
    }

    /** try_async: the first deliverable entry of any sender, scanning privilege ids in order. */
    private int tryAsync(Proc caller) {
        long map = caller.priv.asyncPending;
        while (map != 0) {
            int id = Long.numberOfTrailingZeros(map);
            map &= map - 1;
            Proc src = procOfPriv(id);
            if (src == null) {
                caller.priv.asyncPending &= ~(1L << id);
                continue;
            }
            if (tryOne(src, caller) == OK) return OK;
        }
        return ENOTREADY;
    }

    /**
     * try_one: delivers at most one message of {@code src}'s table to {@code dst} (which is in
     * RECEIVE, so the message goes into its buffer). The pending bit stays set while
     * undelivered entries for {@code dst} remain.
     */
    private int tryOne(Proc src, Proc dst) {
        Priv sp = src.priv;
        long bit = 1L << sp.id;
        if ((dst.priv.asyncPending & bit) == 0) return ENOTREADY;
        dst.priv.asyncPending &= ~bit;
        if ((sp.flags & PrivFlags.SYS_PROC) == 0 || sp.asyncSize == 0 || sp.asyncTable == null) return ENOTREADY;
        if (sp.asyncEndpoint != src.endpoint) return ENOTREADY;
        AsyncTable table = sp.asyncTable;
        int r = ENOTREADY;
        boolean doNotify = false;
        boolean morePending = false;
        for (int i = 0; i < sp.asyncSize; i++) {
            int flags = table.flags(i);
            if (flags == AsyncTable.AMF_EMPTY || (flags & AsyncTable.AMF_DONE) != 0) continue;
            if ((flags & ~AsyncTable.AMF_ALL) != 0 || (flags & AsyncTable.AMF_VALID) == 0) continue;
            if (destination(table, i, src) != dst.endpoint) continue;
            if (r == OK) {
                morePending = true;
                break;
            }
            Message msg = table.message(i);
            IpcFilter filter = dst.priv.ipcFilter;
            boolean admitted = filter == null || filter.admits(src.endpoint, msg.type(), kindOf(src));
            boolean noreplyBlocked = (flags & AsyncTable.AMF_NOREPLY) != 0 && (dst.misc & MiscFlags.REPLY_PEND) != 0;
            if (!admitted || noreplyBlocked) {
                morePending = true;
                continue;
            }
            dst.recvBuf.copyFrom(msg).source(src.endpoint);
            src.ipcAsync++;
            kernel.trace.event(Trace.DELIVER, src.endpoint, dst.endpoint, msg.type());
            table.result(i, OK);
            table.flags(i, flags | AsyncTable.AMF_DONE);
            if ((flags & AsyncTable.AMF_NOTIFY) != 0) doNotify = true;
            r = OK;
        }
        if (morePending) dst.priv.asyncPending |= bit;
        if (doNotify) notify(procs.slot(Endpoint.ASYNCM), src.endpoint);
        return r;
    }

    /** An entry's destination, with SELF meaning the table's owner. */
    private static int destination(AsyncTable table, int i, Proc owner) {
        int d = table.destination(i);
        return d == Endpoint.SELF ? owner.endpoint : d;
    }

    /** cancel_async: entries of {@code src}'s table addressed to {@code dst} fail with EDEADSRCDST. */
    void cancelAsync(Proc src, Proc dst) {
        Priv sp = src.priv;
        if (sp == null || sp.asyncTable == null || sp.asyncEndpoint != src.endpoint) return;
        AsyncTable table = sp.asyncTable;
        boolean doNotify = false;
        for (int i = 0; i < sp.asyncSize; i++) {
            int flags = table.flags(i);
            if (flags == AsyncTable.AMF_EMPTY || (flags & AsyncTable.AMF_DONE) != 0) continue;
            if ((flags & AsyncTable.AMF_VALID) == 0) continue;
            if (destination(table, i, src) != dst.endpoint) continue;
            table.result(i, EDEADSRCDST);
            table.flags(i, flags | AsyncTable.AMF_DONE);
            if ((flags & (AsyncTable.AMF_NOTIFY | AsyncTable.AMF_NOTIFY_ERR)) != 0) doNotify = true;
        }
        if (doNotify) notify(procs.slot(Endpoint.ASYNCM), src.endpoint);
    }

    // ---------------------------------------------------------------- deadlock and death

    /**
     * Follows the chain of "blocked on" from {@code srcDst}; a chain back to the caller is a
     * deadlock, except the two-party request/reply pattern (one sends, the other receives).
     */
    boolean deadlock(int function, Proc caller, int srcDst) {
        int group = 1;
        int target = srcDst;
        while (target != Endpoint.ANY) {
            Proc xp = procs.byEndpoint(target);
            if (xp == null) return false;
            group++;
            target = xp.blockedOn();
            if (target == Endpoint.NONE) return false;
            if (target == caller.endpoint) {
                if (group == 2) {
                    boolean xpSending = (xp.rts & RtsFlags.SENDING) != 0;
                    if (xpSending != (function == Ipc.SEND)) return false;
                }
                kernel.trace.event(Trace.IPC, caller.endpoint, srcDst, ELOCKED);
                return true;
            }
        }
        return false;
    }

    /**
     * clear_endpoint: the process loses its endpoint; its pending bits vanish, asynchronous
     * messages to it fail, and everyone blocked on it wakes with {@code result} (EDEADSRCDST).
     */
    void clearEndpoint(Proc rc) {
        kernel.rtsSet(rc, RtsFlags.NO_ENDPOINT);
        if (rc.has(RtsFlags.SENDING)) {
            Proc dst = procs.byEndpoint(rc.sendTo);
            if (dst != null) removeCaller(dst, rc);
            rc.sendTo = Endpoint.NONE;
        }
        clearIpcRefs(rc, EDEADSRCDST);
    }

    /** clear_ipc_refs: what CLEAR_IPC_REFS does for a restarted driver. */
    void clearIpcRefs(Proc rc, int result) {
        Priv rcPriv = rc.priv;
        boolean sharedUserPriv = rcPriv != null && rcPriv.id == PrivFlags.USER_PRIV_ID;
        for (int i = 0; i < procs.length(); i++) {
            Proc p = procs.at(i);
            if (p.isFree() || p == rc) continue;
            if (p.priv != null) {
                cancelAsync(p, rc);
                if (rcPriv != null && !sharedUserPriv && p.priv != rcPriv) {
                    p.priv.notifyPending &= ~(1L << rcPriv.id);
                    p.priv.asyncPending &= ~(1L << rcPriv.id);
                }
            }
            if (p.blockedOn() == rc.endpoint) {
                if (p.has(RtsFlags.SENDING)) {
                    removeCaller(rc, p);
                    p.sendTo = Endpoint.NONE;
                }
                p.ipcResult = result;
                p.misc &= ~MiscFlags.REPLY_PEND;
                kernel.rtsUnset(p, RtsFlags.SENDING | RtsFlags.RECEIVING);
            }
        }
    }

    // ---------------------------------------------------------------- caller queues

    private static void appendCaller(Proc dst, Proc sender) {
        sender.nextCaller = null;
        if (dst.callerTail == null) {
            dst.callerHead = sender;
        } else {
            dst.callerTail.nextCaller = sender;
        }
        dst.callerTail = sender;
    }

    private static void unlinkCaller(Proc dst, Proc prev, Proc xp) {
        if (prev == null) dst.callerHead = xp.nextCaller; else prev.nextCaller = xp.nextCaller;
        if (dst.callerTail == xp) dst.callerTail = prev;
        xp.nextCaller = null;
    }

    static void removeCaller(Proc dst, Proc sender) {
        Proc prev = null;
        for (Proc xp = dst.callerHead; xp != null; prev = xp, xp = xp.nextCaller) {
            if (xp == sender) {
                unlinkCaller(dst, prev, xp);
                return;
            }
        }
    }
}

package minixj.lib.sys;

import java.nio.charset.StandardCharsets;

import minixj.lib.ipc.Errno;
import minixj.lib.ipc.Message;
import minixj.lib.ipc.SigSet;
import minixj.lib.ipc.SysCalls;
import minixj.lib.ipc.Trap;
import minixj.lib.ipc.layout.SysAbortMsg;
import minixj.lib.ipc.layout.SysCopyMsg;
import minixj.lib.ipc.layout.SysDiagctlMsg;
import minixj.lib.ipc.layout.SysGetinfoMsg;
import minixj.lib.ipc.layout.SysGetksigMsg;
import minixj.lib.ipc.layout.SysIrqctlMsg;
import minixj.lib.ipc.layout.SysMemsetMsg;
import minixj.lib.ipc.layout.SysPrivctlMsg;
import minixj.lib.ipc.layout.SysProcMsg;
import minixj.lib.ipc.layout.SysRunctlMsg;
import minixj.lib.ipc.layout.SysSafecopyMsg;
import minixj.lib.ipc.layout.SysSafememsetMsg;
import minixj.lib.ipc.layout.SysSchedctlMsg;
import minixj.lib.ipc.layout.SysScheduleMsg;
import minixj.lib.ipc.layout.SysSetalarmMsg;
import minixj.lib.ipc.layout.SysSetgrantMsg;
import minixj.lib.ipc.layout.SysSettimeMsg;
import minixj.lib.ipc.layout.SysStatectlMsg;
import minixj.lib.ipc.layout.SysTimesMsg;
import minixj.lib.ipc.layout.SysUmapMsg;
import minixj.lib.ipc.layout.SysUpdateMsg;
import minixj.lib.ipc.layout.SysVsafecopyMsg;
import minixj.lib.ipc.layout.SysVtimerMsg;
import minixj.lib.mem.SafecopyVector;
import minixj.lib.mem.UserMemory;

/**
 * MINIX's libsys kernel-call wrappers ({@code sys_*}): each builds its request in a fresh
 * {@link Message} through the call's typed layout, makes the kernel call on the given trap and
 * returns the result code ({@link Errno#OK} or a negative error). Calls whose reply carries
 * more than a code return a small record instead.
 *
 * <p>The class is stateless; every method works on the trap of the calling process only (a
 * trap cannot be used from another process's thread).
 */
public final class Sys {
    /** Ticks left reported by SYS_SETALARM when no alarm was set (MINIX's TMR_NEVER). */
    public static final long TMR_NEVER = Long.MAX_VALUE;

    private Sys() {
    }

    // ------------------------------------------------------------------ grants and safecopy

    /**
     * SYS_SAFECOPYFROM: copies {@code length} bytes at {@code offset} of grant {@code grantId}
     * of {@code granter} to {@code address} in the caller (the grant needs CPF_READ).
     */
    public static int safecopyFrom(Trap trap, int granter, int grantId, long offset, long address, long length) {
        return safecopy(trap, SysCalls.SYS_SAFECOPYFROM, granter, grantId, offset, address, length);
    }

    /**
     * SYS_SAFECOPYTO: copies {@code length} bytes at {@code address} in the caller to
     * {@code offset} of grant {@code grantId} of {@code granter} (the grant needs CPF_WRITE).
     */
    public static int safecopyTo(Trap trap, int granter, int grantId, long offset, long address, long length) {
        return safecopy(trap, SysCalls.SYS_SAFECOPYTO, granter, grantId, offset, address, length);
    }

    private static int safecopy(Trap trap, int call, int granter, int grantId, long offset, long address,
                                long length) {
        Message m = new Message();
        new SysSafecopyMsg(m).granter(granter).grantId(grantId).offset(offset).address(address).length(length);
        return trap.kernelCall(call, m);
    }

    /** SYS_SAFEMEMSET: fills {@code length} bytes at {@code offset} of a grant with the low byte of {@code pattern} (CPF_WRITE). */
    public static int safememset(Trap trap, int granter, int grantId, long offset, int pattern, long length) {
        Message m = new Message();
        new SysSafememsetMsg(m).granter(granter).grantId(grantId).offset(offset).pattern(pattern).length(length);
        return trap.kernelCall(SysCalls.SYS_SAFEMEMSET, m);
    }

    /**
     * SYS_VSAFECOPY: performs the {@code count} safecopy elements at {@code vectorAddress} in
     * the caller's memory (see {@link #putVsafecopyElement}); the first failing element ends
     * the call with its error.
     */
    public static int vsafecopy(Trap trap, long vectorAddress, int count) {
        Message m = new Message();
        new SysVsafecopyMsg(m).vectorAddress(vectorAddress).count(count);
        return trap.kernelCall(SysCalls.SYS_VSAFECOPY, m);
    }

    /**
     * Writes element {@code index} of a SYS_VSAFECOPY vector into the caller's memory. Exactly
     * one of {@code from} and {@code to} must be SELF; the other is the granter.
     */
    public static void putVsafecopyElement(UserMemory memory, long vectorAddress, int index, int from, int to,
                                           int grantId, long offset, long address, long bytes) {
        long e = vectorAddress + (long) index * SafecopyVector.ELEMENT_SIZE;
        memory.writeInt(e + SafecopyVector.FROM, from);
        memory.writeInt(e + SafecopyVector.TO, to);
        memory.writeInt(e + SafecopyVector.GRANT, grantId);
        memory.writeInt(e + SafecopyVector.GRANT + 4, 0);
        putLong(memory, e + SafecopyVector.OFFSET, offset);
        putLong(memory, e + SafecopyVector.ADDRESS, address);
        putLong(memory, e + SafecopyVector.BYTES, bytes);
    }

    private static void putLong(UserMemory memory, long address, long value) {
        memory.writeInt(address, (int) value);
        memory.writeInt(address + 4, (int) (value >>> 32));
    }

    /** SYS_SETGRANT: registers the caller's grant table of {@code entries} entries at {@code address}. */
    public static int setgrant(Trap trap, long address, int entries) {
        Message m = new Message();
        new SysSetgrantMsg(m).address(address).entries(entries);
        return trap.kernelCall(SysCalls.SYS_SETGRANT, m);
    }

    // ------------------------------------------------------------------ raw copies

    /** SYS_VIRCOPY ({@code sys_datacopy}): copies between two processes' virtual addresses; SELF names the caller. */
    public static int vircopy(Trap trap, int sourceEndpoint, long sourceAddress, int destinationEndpoint,
                              long destinationAddress, long length) {
        return copy(trap, SysCalls.SYS_VIRCOPY, sourceEndpoint, sourceAddress, destinationEndpoint,
                destinationAddress, length);
    }

    /** SYS_PHYSCOPY: as {@link #vircopy}, where NONE on either side means a physical address. */
    public static int physcopy(Trap trap, int sourceEndpoint, long sourceAddress, int destinationEndpoint,
                               long destinationAddress, long length) {
        return copy(trap, SysCalls.SYS_PHYSCOPY, sourceEndpoint, sourceAddress, destinationEndpoint,
                destinationAddress, length);
    }

    private static int copy(Trap trap, int call, int sourceEndpoint, long sourceAddress, int destinationEndpoint,
                            long destinationAddress, long length) {
        Message m = new Message();
        new SysCopyMsg(m).sourceEndpoint(sourceEndpoint).sourceAddress(sourceAddress)
                .destinationEndpoint(destinationEndpoint).destinationAddress(destinationAddress).length(length);
        return trap.kernelCall(call, m);
    }

    /** SYS_MEMSET: fills memory of a process (or physical memory with NONE) with the low byte of {@code pattern}. */
    public static int memset(Trap trap, int endpoint, long address, int pattern, long length) {
        Message m = new Message();
        new SysMemsetMsg(m).endpoint(endpoint).address(address).pattern(pattern).length(length);
        return trap.kernelCall(SysCalls.SYS_MEMSET, m);
    }

    /**
     * SYS_UMAP: the physical address of {@code virtualAddress} in process {@code endpoint}.
     *
     * @return the physical address (never negative), or a negative error code
     */
    public static long umap(Trap trap, int endpoint, long virtualAddress, long length) {
        Message m = new Message();
        SysUmapMsg req = new SysUmapMsg(m).endpoint(endpoint).virtualAddress(virtualAddress).length(length);
        int r = trap.kernelCall(SysCalls.SYS_UMAP, m);
        return r != Errno.OK ? r : req.physicalAddress();
    }

    // ------------------------------------------------------------------ clock

    /**
     * SYS_SETALARM: sets the caller's synchronous alarm to {@code ticks} from now (or to the
     * uptime {@code ticks} when {@code absolute}); relative 0 cancels it. Expiry is a notify
     * from CLOCK.
     */
    public static int setalarm(Trap trap, long ticks, boolean absolute) {
        return setalarmReply(trap, ticks, absolute).result();
    }

    /** {@link #setalarm}, also returning the ticks left on the previous alarm and the uptime. */
    public static Alarm setalarmReply(Trap trap, long ticks, boolean absolute) {
        Message m = new Message();
        SysSetalarmMsg req = new SysSetalarmMsg(m).expiry(ticks).absolute(absolute ? 1 : 0);
        int r = trap.kernelCall(SysCalls.SYS_SETALARM, m);
        return new Alarm(r, req.timeLeft(), req.uptime());
    }

    /** SYS_TIMES: accounting of {@code endpoint} (SELF for the caller, NONE for the clock only). */
    public static Times times(Trap trap, int endpoint) {
        Message m = new Message();
        SysTimesMsg req = new SysTimesMsg(m).endpoint(endpoint);
        int r = trap.kernelCall(SysCalls.SYS_TIMES, m);
        return new Times(r, req.userTicks(), req.systemTicks(), req.uptime(), req.bootTime(), req.realtime());
    }

    /**
     * SYS_VTIMER: reads {@code endpoint}'s ITIMER_VIRTUAL or ITIMER_PROF counter ({@code which} =
     * {@link SysVtimerMsg#VT_VIRTUAL} or VT_PROF, in ticks, 0 = off) and, when {@code set}, sets
     * it to {@code ticks}.
     */
    public static Vtimer vtimer(Trap trap, int endpoint, int which, boolean set, long ticks) {
        Message m = new Message();
        SysVtimerMsg req = new SysVtimerMsg(m).endpoint(endpoint).which(which).set(set ? 1 : 0).value(ticks);
        int r = trap.kernelCall(SysCalls.SYS_VTIMER, m);
        return new Vtimer(r, req.oldValue());
    }

    /** SYS_STIME: the boot time becomes {@code seconds} since the epoch. */
    public static int stime(Trap trap, long seconds) {
        Message m = new Message();
        new SysSettimeMsg(m).value(seconds);
        return trap.kernelCall(SysCalls.SYS_STIME, m);
    }

    /** SYS_SETTIME: realtime becomes {@code ticks} since the epoch ({@code absolute}) or moves by {@code ticks}. */
    public static int settime(Trap trap, boolean absolute, long ticks) {
        Message m = new Message();
        new SysSettimeMsg(m).absolute(absolute ? 1 : 0).value(ticks);
        return trap.kernelCall(SysCalls.SYS_SETTIME, m);
    }

    // ------------------------------------------------------------------ information and diagnostics

    /**
     * SYS_GETINFO with a buffer: the kernel copies the record of {@code request} (about
     * {@code endpoint} where that matters) to {@code address}, after checking that its size is
     * {@code size}.
     */
    public static int getinfo(Trap trap, int request, int endpoint, long address, int size) {
        Message m = new Message();
        new SysGetinfoMsg(m).request(request).endpoint(endpoint).address(address).size(size);
        return trap.kernelCall(SysCalls.SYS_GETINFO, m);
    }

    /** SYS_GETINFO GET_WHOAMI: the caller's endpoint, name and privilege flags. */
    public static WhoAmI whoami(Trap trap) {
        Message m = new Message();
        SysGetinfoMsg req = new SysGetinfoMsg(m).request(SysGetinfoMsg.GET_WHOAMI);
        int r = trap.kernelCall(SysCalls.SYS_GETINFO, m);
        return new WhoAmI(r, req.endpoint(), req.name(), req.flags(), req.valueInt());
    }

    /**
     * SYS_GETINFO GET_HZ: the clock frequency.
     *
     * @return ticks per second, or a negative error code
     */
    public static int getHz(Trap trap) {
        Message m = new Message();
        SysGetinfoMsg req = new SysGetinfoMsg(m).request(SysGetinfoMsg.GET_HZ);
        int r = trap.kernelCall(SysCalls.SYS_GETINFO, m);
        return r != Errno.OK ? r : req.valueInt();
    }

    /**
     * SYS_DIAGCTL DIAG: appends {@code text} to the kernel's message buffer, which prints a log
     * line at each newline (so end the text with one). The text goes inline, in chunks of at
     * most {@link SysDiagctlMsg#INLINE_MAX} bytes that never split a character, one call each.
     *
     * @return OK, or the error of the first chunk that failed
     */
    public static int diagctlDiag(Trap trap, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        int start = 0;
        do {
            int end = Math.min(bytes.length, start + SysDiagctlMsg.INLINE_MAX);
            // Back off over UTF-8 continuation bytes (10xxxxxx) so a character stays whole.
            while (end < bytes.length && end > start + 1 && (bytes[end] & 0xC0) == 0x80) {
                end--;
            }
            Message m = new Message();
            m.putBytes(SysDiagctlMsg.INLINE_OFFSET, bytes, start, end - start);
            new SysDiagctlMsg(m).code(SysDiagctlMsg.DIAG).length(end - start).address(0);
            int r = trap.kernelCall(SysCalls.SYS_DIAGCTL, m);
            if (r != Errno.OK) {
                return r;
            }
            start = end;
        } while (start < bytes.length);
        return Errno.OK;
    }

    /** SYS_DIAGCTL with a code that needs no text: STACKTRACE of {@code endpoint}, REGISTER, UNREGISTER. */
    public static int diagctl(Trap trap, int code, int endpoint) {
        Message m = new Message();
        new SysDiagctlMsg(m).code(code).endpoint(endpoint);
        return trap.kernelCall(SysCalls.SYS_DIAGCTL, m);
    }

    /** SYS_ABORT: stops the machine ({@link SysAbortMsg#RBT_HALT}, RBT_REBOOT, RBT_POWEROFF, ...). */
    public static int abort(Trap trap, int how) {
        Message m = new Message();
        new SysAbortMsg(m).how(how);
        return trap.kernelCall(SysCalls.SYS_ABORT, m);
    }

    // ------------------------------------------------------------------ privileges

    /** SYS_PRIVCTL with a request that needs only the target (ALLOW, DISALLOW, YIELD, SET_USER, CLEAR_IPC_REFS). */
    public static int privctl(Trap trap, int endpoint, int request) {
        Message m = new Message();
        new SysPrivctlMsg(m).endpoint(endpoint).request(request);
        return trap.kernelCall(SysCalls.SYS_PRIVCTL, m);
    }

    /** SYS_PRIVCTL ALLOW: lets a process that has its privileges run. */
    public static int privctlAllow(Trap trap, int endpoint) {
        return privctl(trap, endpoint, SysPrivctlMsg.ALLOW);
    }

    /** SYS_PRIVCTL DISALLOW: stops a process from running (NO_PRIV). */
    public static int privctlDisallow(Trap trap, int endpoint) {
        return privctl(trap, endpoint, SysPrivctlMsg.DISALLOW);
    }

    /** SYS_PRIVCTL CLEAR_IPC_REFS: everyone blocked on {@code endpoint} fails, its pending messages vanish. */
    public static int privctlClearIpcRefs(Trap trap, int endpoint) {
        return privctl(trap, endpoint, SysPrivctlMsg.CLEAR_IPC_REFS);
    }

    /** SYS_PRIVCTL SET_SYS: gives a process frozen with NO_PRIV a privilege structure of its own. */
    public static int privctlSetSys(Trap trap, int endpoint, PrivFields fields) {
        return privctlFields(trap, endpoint, SysPrivctlMsg.SET_SYS, fields);
    }

    /** SYS_PRIVCTL UPDATE_SYS: replaces the fields of a system process's privilege structure. */
    public static int privctlUpdateSys(Trap trap, int endpoint, PrivFields fields) {
        return privctlFields(trap, endpoint, SysPrivctlMsg.UPDATE_SYS, fields);
    }

    private static int privctlFields(Trap trap, int endpoint, int request, PrivFields f) {
        Message m = new Message();
        new SysPrivctlMsg(m).endpoint(endpoint).request(request).privId(f.privId()).flags(f.flags())
                .initFlags(f.initFlags()).trapMask(f.trapMask()).ipcTo(f.ipcTo())
                .kernelCallMask(f.kernelCallMask()).sigManager(f.sigManager())
                .backupSigManager(f.backupSigManager());
        return trap.kernelCall(SysCalls.SYS_PRIVCTL, m);
    }

    /** SYS_PRIVCTL ADD_IRQ: allows a system process the interrupt line {@code irq}. */
    public static int privctlAddIrq(Trap trap, int endpoint, int irq) {
        Message m = new Message();
        new SysPrivctlMsg(m).endpoint(endpoint).request(SysPrivctlMsg.ADD_IRQ).arg(irq);
        return trap.kernelCall(SysCalls.SYS_PRIVCTL, m);
    }

    /** SYS_PRIVCTL ADD_IO, ADD_MEM or QUERY_MEM over the inclusive range {@code [base, limit]}. */
    public static int privctlRange(Trap trap, int endpoint, int request, long base, long limit) {
        Message m = new Message();
        new SysPrivctlMsg(m).endpoint(endpoint).request(request).rangeBase(base).rangeLimit(limit);
        return trap.kernelCall(SysCalls.SYS_PRIVCTL, m);
    }

    // ------------------------------------------------------------------ scheduling and run control

    /**
     * SYS_SCHEDULE: the process's scheduler sets its priority, quantum (ms), cpu and niced flag;
     * -1 keeps a value.
     */
    public static int schedule(Trap trap, int endpoint, int priority, int quantumMs, int cpu, int niced) {
        Message m = new Message();
        new SysScheduleMsg(m).endpoint(endpoint).priority(priority).quantum(quantumMs).cpu(cpu).niced(niced);
        return trap.kernelCall(SysCalls.SYS_SCHEDULE, m);
    }

    /**
     * SYS_SCHEDCTL: the caller becomes the scheduler of {@code endpoint}, or with
     * {@link SysSchedctlMsg#FLAG_KERNEL} hands it to the kernel with the given priority,
     * quantum (ms) and cpu.
     */
    public static int schedctl(Trap trap, int flags, int endpoint, int priority, int quantumMs, int cpu) {
        Message m = new Message();
        new SysSchedctlMsg(m).flags(flags).endpoint(endpoint).priority(priority).quantum(quantumMs).cpu(cpu);
        return trap.kernelCall(SysCalls.SYS_SCHEDCTL, m);
    }

    /** SYS_RUNCTL RC_STOP ({@code sys_stop}): the process stops running until resumed. */
    public static int stop(Trap trap, int endpoint) {
        return runctl(trap, endpoint, SysRunctlMsg.RC_STOP, 0);
    }

    /**
     * SYS_RUNCTL RC_STOP with RC_DELAY ({@code sys_delay_stop}): EBUSY if the process is
     * sending; it then stops when its send completes and PM gets SIGSNDELAY.
     */
    public static int delayStop(Trap trap, int endpoint) {
        return runctl(trap, endpoint, SysRunctlMsg.RC_STOP, SysRunctlMsg.RC_DELAY);
    }

    /** SYS_RUNCTL RC_RESUME ({@code sys_resume}). */
    public static int resume(Trap trap, int endpoint) {
        return runctl(trap, endpoint, SysRunctlMsg.RC_RESUME, 0);
    }

    private static int runctl(Trap trap, int endpoint, int action, int flags) {
        Message m = new Message();
        new SysRunctlMsg(m).endpoint(endpoint).action(action).flags(flags);
        return trap.kernelCall(SysCalls.SYS_RUNCTL, m);
    }

    // ------------------------------------------------------------------ processes and signals

    /** SYS_KILL: causes {@code signal} on a (non-task) process; its signal manager is told. */
    public static int kill(Trap trap, int endpoint, int signal) {
        return procCall(trap, SysCalls.SYS_KILL, endpoint, signal);
    }

    /** SYS_GETKSIG: the next process the caller manages with pending kernel signals (NONE if none). */
    public static PendingSignals getksig(Trap trap) {
        Message m = new Message();
        SysGetksigMsg reply = new SysGetksigMsg(m);
        int r = trap.kernelCall(SysCalls.SYS_GETKSIG, m);
        return new PendingSignals(r, reply.endpoint(), new SigSet(reply.sigsetLow(), reply.sigsetHigh()));
    }

    /** SYS_ENDKSIG: the manager is done with the signals of {@code endpoint}. */
    public static int endksig(Trap trap, int endpoint) {
        return procCall(trap, SysCalls.SYS_ENDKSIG, endpoint, 0);
    }

    /** SYS_CLEAR: PM frees the slot of an exited process. */
    public static int clear(Trap trap, int endpoint) {
        return procCall(trap, SysCalls.SYS_CLEAR, endpoint, 0);
    }

    /**
     * SYS_EXIT: a system process asks to die. The kernel causes SIGABRT on the caller and does
     * not reply, so this returns only if the call is refused.
     */
    public static int exit(Trap trap) {
        return procCall(trap, SysCalls.SYS_EXIT, 0, 0);
    }

    private static int procCall(Trap trap, int call, int endpoint, int signal) {
        Message m = new Message();
        new SysProcMsg(m).endpoint(endpoint).signal(signal);
        return trap.kernelCall(call, m);
    }

    /**
     * SYS_UPDATE: swaps the slots of two system processes (live update); endpoints stay with
     * the slots. {@code flags} may hold {@link SysUpdateMsg#ROLLBACK}.
     */
    public static int update(Trap trap, int source, int destination, int flags) {
        Message m = new Message();
        new SysUpdateMsg(m).source(source).destination(destination).flags(flags);
        return trap.kernelCall(SysCalls.SYS_UPDATE, m);
    }

    // ------------------------------------------------------------------ interrupts

    /**
     * SYS_IRQCTL IRQ_SETPOLICY: hooks interrupt line {@code irq}; each interrupt sets bit
     * {@code notifyId} of the notify from HARDWARE. Without {@link SysIrqctlMsg#IRQ_REENABLE}
     * in {@code policy} the hook is disabled after each interrupt until IRQ_ENABLE.
     *
     * @return the hook id (not negative), or a negative error code
     */
    public static int irqSetPolicy(Trap trap, int irq, int policy, int notifyId) {
        Message m = new Message();
        SysIrqctlMsg req = new SysIrqctlMsg(m).request(SysIrqctlMsg.IRQ_SETPOLICY).irq(irq).policy(policy)
                .notifyId(notifyId);
        int r = trap.kernelCall(SysCalls.SYS_IRQCTL, m);
        return r != Errno.OK ? r : req.hookId();
    }

    /** SYS_IRQCTL IRQ_RMPOLICY: removes the caller's hook. */
    public static int irqRmPolicy(Trap trap, int hookId) {
        return irqctl(trap, SysIrqctlMsg.IRQ_RMPOLICY, hookId);
    }

    /** SYS_IRQCTL IRQ_ENABLE: re-enables the caller's hook. */
    public static int irqEnable(Trap trap, int hookId) {
        return irqctl(trap, SysIrqctlMsg.IRQ_ENABLE, hookId);
    }

    /** SYS_IRQCTL IRQ_DISABLE: disables the caller's hook. */
    public static int irqDisable(Trap trap, int hookId) {
        return irqctl(trap, SysIrqctlMsg.IRQ_DISABLE, hookId);
    }

    private static int irqctl(Trap trap, int request, int hookId) {
        Message m = new Message();
        new SysIrqctlMsg(m).request(request).hookId(hookId);
        return trap.kernelCall(SysCalls.SYS_IRQCTL, m);
    }

    // ------------------------------------------------------------------ state control (live update)

    /** SYS_STATECTL CLEAR_IPC_REFS: fails everyone blocked on the caller. */
    public static int statectlClearIpcRefs(Trap trap) {
        return statectl(trap, SysStatectlMsg.CLEAR_IPC_REFS);
    }

    /** SYS_STATECTL CLEAR_IPC_FILTERS: removes the caller's IPC filters. */
    public static int statectlClearFilters(Trap trap) {
        return statectl(trap, SysStatectlMsg.CLEAR_IPC_FILTERS);
    }

    private static int statectl(Trap trap, int request) {
        Message m = new Message();
        new SysStatectlMsg(m).request(request);
        return trap.kernelCall(SysCalls.SYS_STATECTL, m);
    }

    /**
     * SYS_STATECTL ADD_IPC_WL_FILTER (whitelist: only matching messages are received) or
     * ADD_IPC_BL_FILTER (blacklist: matching messages are held back), with 1 to
     * {@link SysStatectlMsg#MAX_INLINE} elements.
     */
    public static int statectlAddFilter(Trap trap, boolean whitelist, FilterElement... elements) {
        Message m = new Message();
        SysStatectlMsg req = new SysStatectlMsg(m)
                .request(whitelist ? SysStatectlMsg.ADD_IPC_WL_FILTER : SysStatectlMsg.ADD_IPC_BL_FILTER)
                .count(elements.length);
        for (int i = 0; i < Math.min(elements.length, SysStatectlMsg.MAX_INLINE); i++) {
            req.element(i, elements[i].flags(), elements[i].source(), elements[i].type());
        }
        return trap.kernelCall(SysCalls.SYS_STATECTL, m);
    }
}

package minixj.servers.rs;

import java.util.Arrays;
import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.ipc.PrivFlags;
import minixj.lib.rs.RsStart;
import minixj.lib.rs.RsStartFlags;
import minixj.lib.rs.SysFlags;
import minixj.lib.rs.config.ServiceConfig;

/**
 * How an {@link RsStart} record becomes the settings of a table entry (spec §1.9): the request
 * checks, the settings of a new service (RS_UP) and those an edit may change (RS_EDIT). Every
 * check runs before anything is changed, so a refused request leaves the entry as it was. Loading
 * the in-memory copy of the program ({@code -c}) is the caller's: this only marks USE_COPY.
 */
final class SlotSettings {
    private SlotSettings() {
    }

    /**
     * The request-level checks: the scheduler is the kernel or a boot process, the priority a
     * queue, the quantum positive, the signal manager SELF or a boot process.
     *
     * @return OK or EINVAL
     */
    static int check(RsStart start) {
        if (start.scheduler() != Endpoint.KERNEL && !isBootProcess(start.scheduler())) return Errno.EINVAL;
        if (start.priority() < 0 || start.priority() >= ServiceConfig.NR_SCHED_QUEUES) return Errno.EINVAL;
        if (start.quantum() <= 0) return Errno.EINVAL;
        if (start.signalManager() != Endpoint.SELF && !isBootProcess(start.signalManager())) return Errno.EINVAL;
        return Errno.OK;
    }

    private static boolean isBootProcess(int endpoint) {
        return endpoint >= 0 && endpoint <= RsConstants.LAST_SPECIAL_PROC;
    }

    /** The CPU to run on: the default, the bootstrap CPU, or a valid one; anything else is the bootstrap CPU. */
    static int effectiveCpu(int requested, int cpus) {
        if (requested == RsConstants.CPU_DEFAULT || requested == RsConstants.CPU_BSP) return requested;
        return requested >= 0 && requested < cpus ? requested : RsConstants.CPU_BSP;
    }

    /**
     * Fills a freshly allocated entry for RS_UP: a dynamic system process (SYS_PROC, PREEMPTIBLE,
     * DYN_PRIV_ID, no backup signal manager, no public flags), its uid, device, domains, PCI
     * access and counters, then everything {@link #edit} sets.
     *
     * @return OK, or the error of {@link #edit} (the entry is then untouched)
     */
    static int init(ServiceEntry entry, RsStart start, int cpus) {
        int result = editable(entry, start);
        if (result != Errno.OK) return result;
        entry.privFlags = PrivFlags.SYS_PROC | PrivFlags.PREEMPTIBLE | PrivFlags.DYN_PRIV_ID;
        entry.backupSignalManager = Endpoint.NONE;
        entry.sysFlags = 0;
        entry.uid = start.uid();
        entry.major = start.major();
        entry.domains = start.domains();
        entry.devmanId = start.devmanId();
        entry.pciDevices = start.pciDevices();
        entry.pciClasses = start.pciClasses();
        entry.restarts = 0;
        entry.asrCount = 0;
        apply(entry, start, cpus);
        return Errno.OK;
    }

    /**
     * Applies what RS_EDIT may change: IPC, IRQs, I/O, kernel and VM calls, control list, signal
     * manager, scheduling, command, program name, label (only if none yet), script, copy,
     * replica, backoff, detach, restart, period (not RS's own), restart and ASR counters.
     *
     * @return OK; EINVAL for an empty ipc list; EPERM for a script or never-restart on a core service
     */
    static int edit(ServiceEntry entry, RsStart start, int cpus) {
        int result = editable(entry, start);
        if (result != Errno.OK) return result;
        apply(entry, start, cpus);
        return Errno.OK;
    }

    private static int editable(ServiceEntry entry, RsStart start) {
        int checked = check(start);
        if (checked != Errno.OK) return checked;
        if (start.ipc().isBlank()) return Errno.EINVAL;
        if (!start.command().startsWith("/") || start.command().length() >= RsStart.MAX_COMMAND_LEN) return Errno.EINVAL;
        boolean core = entry.hasSys(SysFlags.CORE_SRV);
        if (core && (!start.script().isEmpty() || start.has(RsStartFlags.RSS_NORESTART))) return Errno.EPERM;
        return Errno.OK;
    }

    private static void apply(ServiceEntry entry, RsStart start, int cpus) {
        entry.ipc = start.ipc().trim();
        entry.allIrqs = start.allIrqs();
        entry.irqs = start.irqs();
        entry.allIo = start.allIo();
        entry.io = start.io();
        entry.privFlags = setOrClear(entry.privFlags, PrivFlags.CHECK_IRQ, !start.allIrqs());
        entry.privFlags = setOrClear(entry.privFlags, PrivFlags.CHECK_IO_PORT, !start.allIo());
        entry.kernelCallMask = start.kernelCallMask();
        entry.vmCallMask = start.vmCallMask();
        entry.control = start.control();
        entry.signalManager = start.signalManager();
        entry.scheduler = start.scheduler();
        entry.priority = start.priority();
        entry.quantum = start.quantum();
        entry.cpu = effectiveCpu(start.cpu(), cpus);
        entry.command = start.command();
        entry.argv = List.copyOf(Arrays.asList(start.command().trim().split(" +")));
        entry.programName = start.programName();
        if (entry.label.isEmpty()) entry.label = start.effectiveLabel();
        if (!start.script().isEmpty()) {
            entry.script = start.script();
            entry.sysFlags |= SysFlags.USE_SCRIPT;
        }
        if (start.has(RsStartFlags.RSS_COPY) || start.has(RsStartFlags.RSS_REUSE)) entry.sysFlags |= SysFlags.USE_COPY;
        if (start.has(RsStartFlags.RSS_REPLICA)) entry.sysFlags |= SysFlags.USE_REPL;
        if (start.has(RsStartFlags.RSS_NO_BIN_EXP)) entry.sysFlags |= SysFlags.NO_BIN_EXP;
        entry.sysFlags = setOrClear(entry.sysFlags, SysFlags.DET_RESTART, start.has(RsStartFlags.RSS_DETACH));
        entry.sysFlags = setOrClear(entry.sysFlags, SysFlags.NORESTART, start.has(RsStartFlags.RSS_NORESTART));
        if (entry.endpoint != Endpoint.RS) entry.period = start.period(); // RS is never pinged
        if (start.restarts() != 0) entry.restarts = start.restarts();
        if (start.asrCount() >= 0) entry.asrCount = start.asrCount();
    }

    private static int setOrClear(int bits, int bit, boolean on) {
        return on ? bits | bit : bits & ~bit;
    }
}

package minixj.servers.rs;

import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.Errno;
import minixj.lib.rs.RecoveryPolicies;
import minixj.lib.rs.ServiceFlags;
import minixj.lib.rs.ServiceStatus;
import minixj.lib.rs.config.IoRange;
import minixj.lib.rs.config.PciClass;
import minixj.lib.rs.config.PciDevice;

/**
 * One entry of RS's service table: one instance of a service (the live one, a standby replica, a
 * dead instance waiting for cleanup, or one side of a live update). MINIX splits it into a public
 * part ({@code rprocpub}, which other services read) and a private part ({@code rproc}); here
 * both live in one object, grouped below in that order.
 */
final class ServiceEntry {
    /** This entry's index in the table (0..63). */
    final int index;

    // --- public part (rprocpub) ------------------------------------------------------------
    /** {@link minixj.lib.rs.SysFlags}. */
    int sysFlags;
    int endpoint = Endpoint.NONE;
    /** During an update that includes VM: where the instance was and will be. */
    int oldEndpoint = Endpoint.NONE;
    int newEndpoint = Endpoint.NONE;
    /** Device major, 0 for none. */
    int major;
    List<Integer> domains = List.of();
    String label = "";
    /** The program name (at most 15 characters). */
    String programName = "";
    long vmCallMask;
    List<PciDevice> pciDevices = List.of();
    List<PciClass> pciClasses = List.of();
    int devmanId;

    // --- private part (rproc) --------------------------------------------------------------
    /** {@link ServiceFlags}. */
    int flags;
    int pid;
    /** Completed restarts (counted when the replacement checks in; never reset). */
    int restarts;
    /** Address-space re-randomising updates done. */
    int asrCount;
    /** RS periods still to wait before a delayed restart. */
    int backoff;
    /** The error to report if the init fails. */
    int initError = Errno.ERESTART;
    /** Heartbeat period in ticks, 0 = no pinging. */
    long period;
    /** When the last ping went out, the last heartbeat came in, SIGTERM was sent (ticks; 0 = never). */
    long checkTime;
    long aliveTime;
    long stopTime;
    /** Who waits for a late reply, and for which request. */
    int caller = Endpoint.NONE;
    int callerRequest;
    /** The command line (program path first) and its words. */
    String command = "";
    List<String> argv = List.of();
    /** Recovery script path, empty for none. */
    String script = "";
    /** The in-memory copy of the program, or null (shared by entries of the same program). */
    byte[] programCopy;
    int uid;
    /** Scheduling: the scheduler's endpoint (KERNEL for the kernel), queue, quantum in ms, cpu. */
    int scheduler = Endpoint.KERNEL;
    int priority;
    int quantum;
    int cpu = RsConstants.CPU_DEFAULT;

    // Privileges handed to the kernel.
    /** The privilege id, -1 until the kernel assigned one. */
    int privId = -1;
    /** {@link minixj.lib.ipc.PrivFlags}. */
    int privFlags;
    long kernelCallMask;
    int signalManager = Endpoint.RS;
    int backupSignalManager = Endpoint.NONE;
    boolean allIrqs;
    List<Integer> irqs = List.of();
    boolean allIo;
    List<IoRange> io = List.of();
    /** The {@code ipc} setting as text: ALL, ALL_SYS or program names. */
    String ipc = "ALL_SYS";
    /** Program names this service may control through RS (at most 8). */
    List<String> control = List.of();

    // Instance links.
    /** The dead instance this one replaces (restart), or the standby replica ({@link #next}). */
    ServiceEntry previous;
    ServiceEntry next;
    /** The two sides of a live update. */
    ServiceEntry oldInstance;
    ServiceEntry newInstance;

    ServiceEntry(int index) {
        this.index = index;
    }

    boolean has(int flag) {
        return (flags & flag) != 0;
    }

    void set(int flag) {
        flags |= flag;
    }

    void clear(int flag) {
        flags &= ~flag;
    }

    boolean hasSys(int sysFlag) {
        return (sysFlags & sysFlag) != 0;
    }

    boolean inUse() {
        return has(ServiceFlags.IN_USE);
    }

    /** Idle: dead, or nothing in progress (spec §1.1). */
    boolean isIdle() {
        return ServiceFlags.isIdle(flags);
    }

    /** True if this is a system process (not a user process such as init that RS may edit). */
    boolean isSystemProcess() {
        return (privFlags & minixj.lib.ipc.PrivFlags.SYS_PROC) != 0;
    }

    /** The recovery policies shown for this service. */
    List<String> policies() {
        return RecoveryPolicies.of(programName);
    }

    /** The fields of {@code /proc/service/<label>}. */
    ServiceStatus status() {
        return new ServiceStatus(label, programName, endpoint, pid, restarts, flags, sysFlags, policies(), asrCount);
    }

    @Override
    public String toString() {
        return "service " + label + " (" + programName + ", slot " + index + ", endpoint "
                + Endpoint.describe(endpoint) + ", " + ServiceFlags.names(flags) + ")";
    }
}

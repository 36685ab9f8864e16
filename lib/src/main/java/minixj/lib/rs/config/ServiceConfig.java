package minixj.lib.rs.config;

import java.util.List;
import minixj.lib.ipc.SysCalls;

/**
 * What {@code system.conf} says about one service, every setting filled in (with MINIX's
 * defaults where the entry and its classes say nothing).
 *
 * @param name the service name of the entry ({@code service NAME}): the program name
 * @param file the configuration file it came from
 * @param line the line of its {@code service} keyword
 * @param uid {@code uid}; default the login {@code service}
 * @param ipc {@code ipc}; default ALL_SYS
 * @param kernelCalls {@code system}; default the basic set
 * @param vmCalls {@code vm}; default the basic set
 * @param allIo {@code io ALL}: no I/O port checking
 * @param io {@code io} ranges (at most {@link #MAX_IO_RANGES}); default none
 * @param allIrqs {@code irq ALL}: no IRQ checking
 * @param irqs {@code irq} lines (at most {@link #MAX_IRQS}); default none
 * @param pciDevices {@code pci device} ids (at most {@link #MAX_PCI_DEVICES})
 * @param pciClasses {@code pci class} classes (at most {@link #MAX_PCI_CLASSES})
 * @param signalManager {@code sigmgr}: "SELF" or a label; default "rs"
 * @param scheduler {@code scheduler}: "KERNEL" or a label; default "sched"
 * @param priority {@code priority}, 0..15; default USER_Q (7)
 * @param quantum {@code quantum} in ms, &gt; 0; default USER_QUANTUM (200)
 * @param cpu {@code cpu}, or {@link #CPU_DEFAULT}
 * @param control {@code control}: program names this service may control through RS (at most 8)
 * @param domains {@code domain}: socket protocol families (at most 8)
 * @param type {@code type} ("net"), or null
 * @param description {@code descr}, or null
 * @param warnings what was ignored while interpreting the entry (unknown call names)
 */
public record ServiceConfig(String name, String file, int line, UidSetting uid, IpcTargets ipc, CallSet kernelCalls,
                            CallSet vmCalls, boolean allIo, List<IoRange> io, boolean allIrqs, List<Integer> irqs,
                            List<PciDevice> pciDevices, List<PciClass> pciClasses, String signalManager,
                            String scheduler, int priority, int quantum, int cpu, List<String> control,
                            List<Integer> domains, String type, String description, List<ConfigWarning> warnings) {
    /** {@code USER_Q}: the default priority queue. */
    public static final int DEFAULT_PRIORITY = 7;
    /** {@code NR_SCHED_QUEUES}: priorities are below this. */
    public static final int NR_SCHED_QUEUES = 16;
    /** {@code USER_QUANTUM} in ms: the default quantum. */
    public static final int DEFAULT_QUANTUM = 200;
    /** No CPU given: the scheduler picks. */
    public static final int CPU_DEFAULT = -1;
    /** Limits of an {@code rs_start} record (MINIX's RSS_NR_IO, RSS_NR_IRQ, RS_NR_PCI_*, RS_NR_CONTROL, NR_DOMAIN). */
    public static final int MAX_IO_RANGES = 16;
    public static final int MAX_IRQS = 16;
    public static final int MAX_PCI_DEVICES = 32;
    public static final int MAX_PCI_CLASSES = 4;
    public static final int MAX_CONTROL = 8;
    public static final int MAX_DOMAINS = 8;
    /** {@code NR_IRQ}: IRQ lines are below this. */
    public static final int NR_IRQ = 16;
    /** The default signal manager and scheduler labels. */
    public static final String DEFAULT_SIGNAL_MANAGER = "rs";
    public static final String DEFAULT_SCHEDULER = "sched";

    public ServiceConfig {
        io = List.copyOf(io);
        irqs = List.copyOf(irqs);
        pciDevices = List.copyOf(pciDevices);
        pciClasses = List.copyOf(pciClasses);
        control = List.copyOf(control);
        domains = List.copyOf(domains);
        warnings = List.copyOf(warnings);
    }

    /** The kernel-call mask: bit {@code call - KERNEL_CALL} allows {@code call}. */
    public long kernelCallMask() {
        return kernelCalls.mask(SysCalls.BASIC_CALLS, SysCalls.ALL_CALLS);
    }

    /** The VM-call mask: bit {@code call - VM_RQ_BASE} allows {@code call}. */
    public long vmCallMask() {
        return vmCalls.mask(VmCallNames.BASIC_MASK, VmCallNames.ALL_MASK);
    }

    /** True if the signal manager is the service itself. */
    public boolean isOwnSignalManager() {
        return signalManager.equals("SELF");
    }

    /** True if the kernel schedules the service (no user-space scheduler). */
    public boolean isKernelScheduled() {
        return scheduler.equals("KERNEL");
    }
}

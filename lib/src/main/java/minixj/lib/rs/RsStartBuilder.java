package minixj.lib.rs;

import java.util.ArrayList;
import java.util.List;
import minixj.lib.ipc.Endpoint;
import minixj.lib.ipc.SysCalls;
import minixj.lib.rs.config.ConfigException;
import minixj.lib.rs.config.IoRange;
import minixj.lib.rs.config.PciClass;
import minixj.lib.rs.config.PciDevice;
import minixj.lib.rs.config.ServiceConfig;
import minixj.lib.rs.config.VmCallNames;

/**
 * Puts an {@link RsStart} together: the program and the utility's options, then a service's
 * {@code system.conf} settings with its labels resolved to endpoints and its uid to a number.
 * Without {@link #config} the record carries MINIX's defaults (uid of {@code service}, signal
 * manager RS, scheduler SCHED, queue 7, 200 ms, basic calls, ipc ALL_SYS).
 */
public final class RsStartBuilder {
    /** What the builder asks the running system: label lookups (RS_LOOKUP), logins, the caller. */
    public interface Resolver {
        /** The endpoint of the service with this label, or -1 if none runs. */
        int endpointOf(String label);

        /** The uid of a login name, or -1 if unknown. */
        int uidOf(String login);

        /** The real uid of whoever runs the utility (for {@code uid SELF}). */
        int callerUid();
    }

    private final String programPath;
    private final String programName;
    private String arguments = "";
    private int flags;
    private String label = "";
    private String triggerLabel = "";
    private String script = "";
    private int uid = minixj.lib.rs.config.UidSetting.SERVICE_UID;
    private int signalManager = Endpoint.RS;
    private int scheduler = Endpoint.SCHED;
    private int priority = ServiceConfig.DEFAULT_PRIORITY;
    private int quantum = ServiceConfig.DEFAULT_QUANTUM;
    private int cpu = ServiceConfig.CPU_DEFAULT;
    private int major;
    private int devmanId;
    private long period;
    private int restarts;
    private int asrCount = -1;
    private long kernelCallMask = SysCalls.BASIC_CALLS;
    private long vmCallMask = VmCallNames.BASIC_MASK;
    private String ipc = "ALL_SYS";
    private boolean allIrqs;
    private List<Integer> irqs = List.of();
    private boolean allIo;
    private List<IoRange> io = List.of();
    private List<PciDevice> pciDevices = List.of();
    private List<PciClass> pciClasses = List.of();
    private List<String> control = List.of();
    private List<Integer> domains = List.of();

    /**
     * @param programPath the program's absolute path
     * @param programName its name: the {@code system.conf} entry and the default label
     */
    public RsStartBuilder(String programPath, String programName) {
        this.programPath = programPath;
        this.programName = programName;
    }

    /** {@code -args}: appended to the command after a blank. */
    public RsStartBuilder arguments(String arguments) {
        this.arguments = arguments;
        return this;
    }

    /** Sets {@link RsStartFlags} bits. */
    public RsStartBuilder flags(int flags) {
        this.flags |= flags;
        return this;
    }

    public RsStartBuilder label(String label) {
        this.label = label;
        return this;
    }

    public RsStartBuilder triggerLabel(String triggerLabel) {
        this.triggerLabel = triggerLabel;
        return this;
    }

    public RsStartBuilder script(String script) {
        this.script = script;
        return this;
    }

    public RsStartBuilder major(int major) {
        this.major = major;
        return this;
    }

    public RsStartBuilder devmanId(int devmanId) {
        this.devmanId = devmanId;
        return this;
    }

    /** The heartbeat period in ticks. */
    public RsStartBuilder period(long ticks) {
        this.period = ticks;
        return this;
    }

    public RsStartBuilder restarts(int restarts) {
        this.restarts = restarts;
        return this;
    }

    public RsStartBuilder asrCount(int asrCount) {
        this.asrCount = asrCount;
        return this;
    }

    /**
     * Takes a service's settings.
     *
     * @throws ConfigException (naming the entry's file and line) if a login, signal manager or
     *         scheduler label cannot be resolved
     */
    public RsStartBuilder config(ServiceConfig config, Resolver resolver) throws ConfigException {
        uid = config.uid().resolve(resolver.callerUid(), resolver::uidOf);
        if (uid < 0) {
            throw new ConfigException(config.file(), config.line(), "uid: unknown login '" + config.uid().login() + "'");
        }
        signalManager = config.isOwnSignalManager() ? Endpoint.SELF : endpoint(config, "sigmgr",
                config.signalManager(), resolver);
        scheduler = config.isKernelScheduled() ? Endpoint.KERNEL : endpoint(config, "scheduler", config.scheduler(),
                resolver);
        priority = config.priority();
        quantum = config.quantum();
        cpu = config.cpu();
        kernelCallMask = config.kernelCallMask();
        vmCallMask = config.vmCallMask();
        ipc = config.ipc().text();
        if (ipc.length() >= RsStart.MAX_IPC_LIST) {
            throw new ConfigException(config.file(), config.line(), "the ipc list of '" + config.name()
                    + "' is longer than " + (RsStart.MAX_IPC_LIST - 1) + " characters");
        }
        allIrqs = config.allIrqs();
        irqs = config.irqs();
        allIo = config.allIo();
        io = config.io();
        pciDevices = config.pciDevices();
        pciClasses = config.pciClasses();
        control = config.control();
        domains = config.domains();
        return this;
    }

    private static int endpoint(ServiceConfig config, String keyword, String label, Resolver resolver)
            throws ConfigException {
        int endpoint = resolver.endpointOf(label);
        if (endpoint == -1) {
            throw new ConfigException(config.file(), config.line(), keyword + ": no running service has the label '"
                    + label + "'");
        }
        return endpoint;
    }

    /**
     * The record.
     *
     * @throws RsStartFormatException if it breaks a limit of {@link RsStart#problem()}
     */
    public RsStart build() throws RsStartFormatException {
        String command = arguments.isEmpty() ? programPath : programPath + " " + arguments;
        List<String> controlCopy = new ArrayList<>(control);
        RsStart start = new RsStart(flags, command, programName, label, triggerLabel, script, uid, signalManager,
                scheduler, priority, quantum, cpu, major, devmanId, period, restarts, asrCount, kernelCallMask,
                vmCallMask, ipc, allIrqs, irqs, allIo, io, pciDevices, pciClasses, controlCopy, domains);
        String problem = start.problem();
        if (problem != null) throw new RsStartFormatException(problem);
        return start;
    }
}

package minixj.lib.rs;

import java.util.List;
import minixj.lib.rs.config.IoRange;
import minixj.lib.rs.config.PciClass;
import minixj.lib.rs.config.PciDevice;

/**
 * MINIX's {@code rs_start}: everything RS needs to start or edit a service, as the {@code
 * service} utility puts it together from its command line and {@code system.conf}. It travels to
 * RS in a buffer the caller grants RS ({@link RsStartCodec}); labels already resolved to
 * endpoints.
 *
 * @param flags {@link RsStartFlags}
 * @param command the absolute program path, then its arguments, separated by blanks
 * @param programName the program name (the {@code system.conf} entry; at most 15 characters)
 * @param label the label, or empty for the program name
 * @param triggerLabel an update's state source ({@code -trg-label}), or empty
 * @param script the recovery script's path, or empty
 * @param uid the user id to run as
 * @param signalManager the signal manager's endpoint ({@link minixj.lib.ipc.Endpoint#SELF} for itself)
 * @param scheduler the scheduler's endpoint ({@link minixj.lib.ipc.Endpoint#KERNEL} for the kernel)
 * @param priority the scheduling queue, 0..15
 * @param quantum the quantum in ms
 * @param cpu the CPU, or -1 for the default
 * @param major the device major, or 0 for none
 * @param devmanId the devman id, or 0
 * @param period the heartbeat period in ticks, 0 for none
 * @param restarts the restart count to start from (0 = leave it)
 * @param asrCount the ASR update count to set, or -1 to leave it
 * @param kernelCallMask the allowed kernel calls, basic set included
 * @param vmCallMask the allowed VM calls, basic set included
 * @param ipc the {@code ipc} setting as text: ALL, ALL_SYS or program names
 * @param allIrqs any IRQ allowed
 * @param irqs the allowed IRQ lines
 * @param allIo any I/O port allowed
 * @param io the allowed I/O port ranges
 * @param pciDevices the allowed PCI devices
 * @param pciClasses the allowed PCI classes
 * @param control the program names this service may control through RS
 * @param domains the socket protocol families the service (a socket driver) serves
 */
public record RsStart(int flags, String command, String programName, String label, String triggerLabel,
                      String script, int uid, int signalManager, int scheduler, int priority, int quantum, int cpu,
                      int major, int devmanId, long period, int restarts, int asrCount, long kernelCallMask,
                      long vmCallMask, String ipc, boolean allIrqs, List<Integer> irqs, boolean allIo, List<IoRange> io,
                      List<PciDevice> pciDevices, List<PciClass> pciClasses, List<String> control,
                      List<Integer> domains) {
    /** {@code RS_MAX_LABEL_LEN}: a label and its NUL. */
    public static final int MAX_LABEL_LEN = 16;
    /** {@code MAX_COMMAND_LEN}: the command line and its NUL. */
    public static final int MAX_COMMAND_LEN = 512;
    /** {@code MAX_NR_ARGS}: arguments after the program path. */
    public static final int MAX_NR_ARGS = 10;
    /** {@code MAX_SCRIPT_LEN}: the script path and its NUL. */
    public static final int MAX_SCRIPT_LEN = 256;
    /** {@code MAX_IPC_LIST}: the ipc text and its NUL. */
    public static final int MAX_IPC_LIST = 256;

    public RsStart {
        irqs = List.copyOf(irqs);
        io = List.copyOf(io);
        pciDevices = List.copyOf(pciDevices);
        pciClasses = List.copyOf(pciClasses);
        control = List.copyOf(control);
        domains = List.copyOf(domains);
    }

    /** The label RS will use: the given one, or else the program name. */
    public String effectiveLabel() {
        return label.isEmpty() ? programName : label;
    }

    /** The program path: the first word of the command. */
    public String programPath() {
        int blank = command.indexOf(' ');
        return blank < 0 ? command : command.substring(0, blank);
    }

    /** True if {@code flag} ({@link RsStartFlags}) is set. */
    public boolean has(int flag) {
        return (flags & flag) != 0;
    }

    /**
     * What is wrong with the record's sizes and shapes, or null if nothing: the limits of MINIX's
     * {@code rs_start} (label 15 characters, command 511, 10 arguments, script 255, ipc 255, at
     * most 16 IRQs and I/O ranges, 32 PCI devices, 4 PCI classes, 8 control labels, 8 domains),
     * an absolute program path, known flags. RS checks values (scheduler, priority, ...) itself.
     */
    public String problem() {
        if ((flags & ~RsStartFlags.ALL) != 0) return "unknown flags 0x" + Integer.toHexString(flags & ~RsStartFlags.ALL);
        if (!command.startsWith("/")) return "the program path is not absolute";
        if (command.length() >= MAX_COMMAND_LEN) return "the command is longer than " + (MAX_COMMAND_LEN - 1);
        if (command.trim().split(" +").length - 1 > MAX_NR_ARGS) return "more than " + MAX_NR_ARGS + " arguments";
        if (programName.isEmpty()) return "no program name";
        for (String name : List.of(programName, label, triggerLabel)) {
            if (name.length() >= MAX_LABEL_LEN) return "'" + name + "' is longer than " + (MAX_LABEL_LEN - 1);
        }
        if (script.length() >= MAX_SCRIPT_LEN) return "the script path is longer than " + (MAX_SCRIPT_LEN - 1);
        if (ipc.length() >= MAX_IPC_LIST) return "the ipc list is longer than " + (MAX_IPC_LIST - 1);
        if (irqs.size() > 16) return "more than 16 IRQs";
        if (io.size() > 16) return "more than 16 I/O ranges";
        if (pciDevices.size() > 32) return "more than 32 PCI devices";
        if (pciClasses.size() > 4) return "more than 4 PCI classes";
        if (control.size() > 8) return "more than 8 control labels";
        for (String name : control) {
            if (name.isEmpty() || name.length() >= MAX_LABEL_LEN) return "bad control label '" + name + "'";
        }
        if (domains.size() > 8) return "more than 8 domains";
        if (period < 0 || restarts < 0 || asrCount < -1) return "negative period or counter";
        return null;
    }
}

package minixj.lib.rs.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Interprets the options of one service entry, in order, starting from the defaults. A
 * {@code class} option applies the named entry's options at that point, so options after it
 * override what the class set. Single-valued settings keep the last value given; list settings
 * ({@code ipc} names, calls, {@code io}, {@code irq}, {@code pci}, {@code control},
 * {@code domain}) add to what is already there, and {@code ALL}, {@code ALL_SYS} and {@code
 * NONE} replace it.
 */
final class ServiceConfigBuilder {
    /** MINIX's limit on nested {@code class} inclusion. */
    static final int MAX_CLASS_NESTING = 100;

    private final String file;
    private final Map<String, ServiceBlock> entries;
    private final Deque<String> applying = new ArrayDeque<>();
    private final List<ConfigWarning> warnings = new ArrayList<>();

    private UidSetting uid = UidSetting.DEFAULT;
    private IpcTargets.Kind ipcKind = IpcTargets.Kind.ALL_SYS;
    private final Set<String> ipcNames = new LinkedHashSet<>();
    private final CallsBeingBuilt kernelCalls = new CallsBeingBuilt();
    private final CallsBeingBuilt vmCalls = new CallsBeingBuilt();
    private boolean allIo;
    private final List<IoRange> io = new ArrayList<>();
    private boolean allIrqs;
    private final List<Integer> irqs = new ArrayList<>();
    private final List<PciDevice> pciDevices = new ArrayList<>();
    private final List<PciClass> pciClasses = new ArrayList<>();
    private String signalManager = ServiceConfig.DEFAULT_SIGNAL_MANAGER;
    private String scheduler = ServiceConfig.DEFAULT_SCHEDULER;
    private int priority = ServiceConfig.DEFAULT_PRIORITY;
    private int quantum = ServiceConfig.DEFAULT_QUANTUM;
    private int cpu = ServiceConfig.CPU_DEFAULT;
    private final Set<String> control = new LinkedHashSet<>();
    private final Set<Integer> domains = new LinkedHashSet<>();
    private String type;
    private String description;

    /** A call set while options are applied. */
    private static final class CallsBeingBuilt {
        boolean all;
        boolean basic = true;
        final Set<String> names = new LinkedHashSet<>();
        long mask;

        CallSet build() {
            return new CallSet(all, basic, List.copyOf(names), mask);
        }
    }

    ServiceConfigBuilder(String file, Map<String, ServiceBlock> entries) {
        this.file = file;
        this.entries = entries;
    }

    ServiceConfig build(ServiceBlock block) throws ConfigException {
        applying.push(block.name());
        apply(block);
        applying.pop();
        return new ServiceConfig(block.name(), file, block.line(), uid, new IpcTargets(ipcKind, List.copyOf(ipcNames)),
                kernelCalls.build(), vmCalls.build(), allIo, io, allIrqs, irqs, pciDevices, pciClasses, signalManager,
                scheduler, priority, quantum, cpu, List.copyOf(control), List.copyOf(domains), type, description,
                warnings);
    }

    private void apply(ServiceBlock block) throws ConfigException {
        for (ConfigOption option : block.options()) {
            switch (option.keyword()) {
                case Keywords.UID -> uid = uid(option);
                case Keywords.IPC -> ipc(option);
                case Keywords.SYSTEM -> calls(option, kernelCalls, "kernel call", KernelCallNames.CALLS,
                        minixj.lib.ipc.SysCalls.KERNEL_CALL);
                case Keywords.VM -> calls(option, vmCalls, "VM call", VmCallNames.CALLS,
                        minixj.lib.ipc.layout.VmMsg.VM_RQ_BASE);
                case Keywords.IO -> io(option);
                case Keywords.IRQ -> irq(option);
                case Keywords.PCI -> pci(option);
                case Keywords.SIGMGR -> signalManager = single(option, "SELF or a label");
                case Keywords.SCHEDULER -> scheduler = single(option, "KERNEL or a label");
                case Keywords.PRIORITY -> priority = number(option, 0, ServiceConfig.NR_SCHED_QUEUES - 1);
                case Keywords.QUANTUM -> quantum = number(option, 1, Integer.MAX_VALUE);
                case Keywords.CPU -> cpu = number(option, 0, Integer.MAX_VALUE);
                case Keywords.CONTROL -> control(option);
                case Keywords.DOMAIN -> domain(option);
                case Keywords.TYPE -> type(option);
                case Keywords.DESCR -> description(option);
                case Keywords.CLASS -> classes(option);
                default -> throw new IllegalStateException("keyword without a handler: " + option.keyword());
            }
        }
    }

    // --- single values --------------------------------------------------------------------

    private ConfigToken onlyValue(ConfigOption option, String what) throws ConfigException {
        if (option.values().isEmpty()) {
            throw new ConfigException(file, option.line(), what, "';'", "as the value of '" + option.keyword() + "'");
        }
        if (option.values().size() > 1) {
            throw new ConfigException(file, option.values().get(1).line(), "';'",
                    option.values().get(1).describe(), "after the value of '" + option.keyword() + "'");
        }
        return option.values().getFirst();
    }

    private String single(ConfigOption option, String what) throws ConfigException {
        return word(onlyValue(option, what), option, what);
    }

    private String word(ConfigToken token, ConfigOption option, String what) throws ConfigException {
        if (token.kind() != ConfigToken.Kind.WORD) {
            throw new ConfigException(file, token.line(), what, token.describe(), "in '" + option.keyword() + "'");
        }
        return token.text();
    }

    private int number(ConfigOption option, int min, int max) throws ConfigException {
        String text = single(option, "a number");
        long value = parse(text, 10, option, "a decimal number");
        if (value < min || value > max) {
            throw new ConfigException(file, option.line(), option.keyword() + " " + text + " is out of range "
                    + min + (max == Integer.MAX_VALUE ? " or more" : ".." + max));
        }
        return (int) value;
    }

    /** Parses an unsigned number; hexadecimal may carry a 0x prefix, decimal may be written 0x... too. */
    private long parse(String text, int radix, ConfigOption option, String what) throws ConfigException {
        String digits = text;
        int base = radix;
        if (digits.startsWith("0x") || digits.startsWith("0X")) {
            digits = digits.substring(2);
            base = 16;
        }
        if (digits.isEmpty() || digits.length() > 9) throw badValue(text, option, what);
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), base);
            if (digit < 0) throw badValue(text, option, what);
            value = value * base + digit;
        }
        return value;
    }

    private ConfigException badValue(String text, ConfigOption option, String what) {
        return new ConfigException(file, option.line(), what, "'" + text + "'", "in '" + option.keyword() + "'");
    }

    // --- keywords -------------------------------------------------------------------------

    private UidSetting uid(ConfigOption option) throws ConfigException {
        String value = single(option, "a uid, a login name or SELF");
        if (value.equals(Keywords.SELF)) return new UidSetting(UidSetting.Kind.SELF, -1, null);
        if (Character.isDigit(value.charAt(0))) return UidSetting.of((int) parse(value, 10, option, "a uid"));
        return new UidSetting(UidSetting.Kind.LOGIN, -1, value);
    }

    private List<String> words(ConfigOption option, String what) throws ConfigException {
        if (option.values().isEmpty()) {
            throw new ConfigException(file, option.line(), what, "';'", "as the value of '" + option.keyword() + "'");
        }
        List<String> words = new ArrayList<>();
        for (ConfigToken token : option.values()) words.add(word(token, option, what));
        return words;
    }

    /** ALL, NONE (and BASIC) must stand alone on their line (BASIC may be followed by names). */
    private void alone(List<String> words, String special, ConfigOption option) throws ConfigException {
        if (words.size() > 1) {
            throw new ConfigException(file, option.line(), "';'", "'" + words.get(1) + "'",
                    special + " stands alone in '" + option.keyword() + "'");
        }
    }

    private void ipc(ConfigOption option) throws ConfigException {
        List<String> names = words(option, "ALL, ALL_SYS or program names");
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i);
            if (name.equals(Keywords.ALL) || name.equals(Keywords.ALL_SYS)) {
                if (names.size() > 1) {
                    throw new ConfigException(file, option.line(), name + " stands alone in 'ipc', but the line also has "
                            + "'" + names.get(i == 0 ? 1 : 0) + "'");
                }
                ipcKind = name.equals(Keywords.ALL) ? IpcTargets.Kind.ALL : IpcTargets.Kind.ALL_SYS;
                ipcNames.clear();
                return;
            }
        }
        if (ipcKind != IpcTargets.Kind.LIST) {
            ipcKind = IpcTargets.Kind.LIST;
            ipcNames.clear();
        }
        ipcNames.addAll(names);
    }

    private void calls(ConfigOption option, CallsBeingBuilt calls, String what, Map<String, Integer> table, int base)
            throws ConfigException {
        List<String> names = words(option, "ALL, BASIC, NONE or " + what + " names");
        String first = names.getFirst();
        if (first.equals(Keywords.ALL)) {
            alone(names, first, option);
            calls.all = true;
            return;
        }
        if (first.equals(Keywords.NONE)) {
            alone(names, first, option);
            calls.all = false;
            calls.basic = false;
            calls.names.clear();
            calls.mask = 0;
            return;
        }
        for (String name : names) {
            if (name.equals(Keywords.BASIC)) {
                calls.basic = true;
            } else if (name.equals(Keywords.ALL) || name.equals(Keywords.NONE)) {
                throw new ConfigException(file, option.line(), name + " stands alone in '" + option.keyword()
                        + "', but the line also has '" + first + "'");
            } else if (name.equals(VmCallNames.NO_OP) && table == VmCallNames.CALLS) {
                calls.names.add(name); // accepted, allows nothing
            } else if (table.containsKey(name)) {
                calls.names.add(name);
                calls.mask |= 1L << (table.get(name) - base);
            } else {
                String hint = "";
                String prefix = table == VmCallNames.CALLS ? "VM_" : "SYS_";
                if (name.startsWith(prefix) && table.containsKey(name.substring(prefix.length()))) {
                    hint = " (write " + name.substring(prefix.length()) + ")";
                }
                warnings.add(new ConfigWarning(file, option.line(), "unknown " + what + " '" + name + "' in '"
                        + option.keyword() + "' is ignored" + hint));
            }
        }
    }

    private void io(ConfigOption option) throws ConfigException {
        List<String> values = words(option, "ALL, NONE or base[:length] port ranges");
        String first = values.getFirst();
        if (first.equals(Keywords.ALL) || first.equals(Keywords.NONE)) {
            alone(values, first, option);
            allIo = first.equals(Keywords.ALL);
            io.clear();
            return;
        }
        for (String value : values) {
            int colon = value.indexOf(':');
            String what = "a hexadecimal port range base[:length]";
            long base = parse(colon < 0 ? value : value.substring(0, colon), 16, option, what);
            long length = colon < 0 ? 1 : parse(value.substring(colon + 1), 16, option, what);
            if (length < 1 || base + length > 0x10000) {
                throw new ConfigException(file, option.line(), "I/O range " + value + " is outside the ports 0..ffff"
                        + (length < 1 ? " or empty" : ""));
            }
            if (io.size() == ServiceConfig.MAX_IO_RANGES) {
                throw new ConfigException(file, option.line(), "more than " + ServiceConfig.MAX_IO_RANGES
                        + " I/O ranges");
            }
            io.add(new IoRange((int) base, (int) length));
        }
    }

    private void irq(ConfigOption option) throws ConfigException {
        List<String> values = words(option, "ALL, NONE or IRQ numbers");
        String first = values.getFirst();
        if (first.equals(Keywords.ALL) || first.equals(Keywords.NONE)) {
            alone(values, first, option);
            allIrqs = first.equals(Keywords.ALL);
            irqs.clear();
            return;
        }
        for (String value : values) {
            long irq = parse(value, 10, option, "an IRQ number");
            if (irq >= ServiceConfig.NR_IRQ) {
                throw new ConfigException(file, option.line(), "IRQ " + value + " is out of range 0.."
                        + (ServiceConfig.NR_IRQ - 1));
            }
            if (irqs.size() == ServiceConfig.MAX_IRQS) {
                throw new ConfigException(file, option.line(), "more than " + ServiceConfig.MAX_IRQS + " IRQs");
            }
            irqs.add((int) irq);
        }
    }

    private void pci(ConfigOption option) throws ConfigException {
        List<String> values = words(option, "'device' or 'class'");
        String kind = values.getFirst();
        List<String> rest = values.subList(1, values.size());
        if (kind.equals(Keywords.DEVICE)) {
            if (rest.isEmpty()) throw new ConfigException(file, option.line(), "PCI device ids", "';'", "after 'pci device'");
            for (String id : rest) pciDevice(id, option);
        } else if (kind.equals(Keywords.CLASS)) {
            if (rest.isEmpty()) throw new ConfigException(file, option.line(), "PCI classes", "';'", "after 'pci class'");
            for (String id : rest) pciClass(id, option);
        } else {
            throw new ConfigException(file, option.line(), "'device' or 'class'", "'" + kind + "'", "after 'pci'");
        }
    }

    private void pciDevice(String id, ConfigOption option) throws ConfigException {
        String what = "a PCI id vid:did[/subvid:subdid]";
        int vendor;
        int device;
        int subVendor = -1;
        int subDevice = -1;
        if (id.indexOf(':') < 0) { // the old form vid/did
            String[] parts = id.split("/", -1);
            if (parts.length != 2) throw badValue(id, option, what);
            vendor = hex16(parts[0], option, what);
            device = hex16(parts[1], option, what);
        } else {
            String[] halves = id.split("/", -1);
            if (halves.length > 2) throw badValue(id, option, what);
            int[] main = pair(halves[0], option, what);
            vendor = main[0];
            device = main[1];
            if (halves.length == 2) {
                int[] sub = pair(halves[1], option, what);
                subVendor = sub[0];
                subDevice = sub[1];
            }
        }
        if (pciDevices.size() == ServiceConfig.MAX_PCI_DEVICES) {
            throw new ConfigException(file, option.line(), "more than " + ServiceConfig.MAX_PCI_DEVICES + " PCI devices");
        }
        pciDevices.add(new PciDevice(vendor, device, subVendor, subDevice));
    }

    private int[] pair(String text, ConfigOption option, String what) throws ConfigException {
        String[] parts = text.split(":", -1);
        if (parts.length != 2) throw badValue(text, option, what);
        return new int[] {hex16(parts[0], option, what), hex16(parts[1], option, what)};
    }

    private int hex16(String text, ConfigOption option, String what) throws ConfigException {
        long value = parse(text, 16, option, what);
        if (value > 0xffff) throw badValue(text, option, what);
        return (int) value;
    }

    private void pciClass(String id, ConfigOption option) throws ConfigException {
        String what = "a PCI class class[/subclass[/interface]]";
        String[] parts = id.split("/", -1);
        if (parts.length > 3) throw badValue(id, option, what);
        int value = 0;
        int mask = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = parse(parts[i], 16, option, what);
            if (part > 0xff) throw badValue(id, option, what);
            value |= (int) part << (16 - 8 * i);
            mask |= 0xff << (16 - 8 * i);
        }
        if (pciClasses.size() == ServiceConfig.MAX_PCI_CLASSES) {
            throw new ConfigException(file, option.line(), "more than " + ServiceConfig.MAX_PCI_CLASSES + " PCI classes");
        }
        pciClasses.add(new PciClass(value, mask));
    }

    private void control(ConfigOption option) throws ConfigException {
        control.addAll(words(option, "program names"));
        if (control.size() > ServiceConfig.MAX_CONTROL) {
            throw new ConfigException(file, option.line(), "more than " + ServiceConfig.MAX_CONTROL
                    + " services under 'control'");
        }
    }

    private void domain(ConfigOption option) throws ConfigException {
        for (String value : words(option, "protocol family names or numbers")) {
            Integer number = SocketDomains.NAMES.get(value);
            if (number == null) {
                if (!Character.isDigit(value.charAt(0))) {
                    throw badValue(value, option, "a protocol family (LOCAL, INET, INET6, ROUTE, LINK, ...) or number");
                }
                long parsed = parse(value, 10, option, "a protocol family number");
                if (parsed < 1 || parsed >= SocketDomains.PF_MAX) {
                    throw new ConfigException(file, option.line(), "protocol family " + value + " is out of range 1.."
                            + (SocketDomains.PF_MAX - 1));
                }
                number = (int) parsed;
            }
            domains.add(number);
        }
        if (domains.size() > ServiceConfig.MAX_DOMAINS) {
            throw new ConfigException(file, option.line(), "more than " + ServiceConfig.MAX_DOMAINS + " domains");
        }
    }

    private void type(ConfigOption option) throws ConfigException {
        String value = single(option, "'net'");
        if (!value.equals(Keywords.NET)) {
            throw new ConfigException(file, option.line(), "'net'", "'" + value + "'", "as the value of 'type'");
        }
        type = value;
    }

    private void description(ConfigOption option) throws ConfigException {
        ConfigToken token = onlyValue(option, "a quoted string");
        if (token.kind() != ConfigToken.Kind.STRING) {
            throw new ConfigException(file, token.line(), "a quoted string", token.describe(), "as the value of 'descr'");
        }
        description = token.text();
    }

    private void classes(ConfigOption option) throws ConfigException {
        for (String name : words(option, "service names")) {
            ServiceBlock block = entries.get(name);
            if (block == null) {
                throw new ConfigException(file, option.line(), "class '" + name + "': no service entry of that name in "
                        + file);
            }
            if (applying.contains(name)) {
                throw new ConfigException(file, option.line(), "class '" + name + "' includes itself (through "
                        + String.join(" <- ", applying) + ")");
            }
            if (applying.size() > MAX_CLASS_NESTING) {
                throw new ConfigException(file, option.line(), "classes nested deeper than " + MAX_CLASS_NESTING);
            }
            applying.push(name);
            apply(block);
            applying.pop();
        }
    }
}

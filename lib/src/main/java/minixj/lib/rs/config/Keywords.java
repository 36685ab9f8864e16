package minixj.lib.rs.config;

import java.util.Set;

/** The words of the {@code system.conf} grammar. */
final class Keywords {
    private Keywords() {
    }

    static final String SERVICE = "service";
    static final String UID = "uid";
    static final String IPC = "ipc";
    static final String SYSTEM = "system";
    static final String VM = "vm";
    static final String IO = "io";
    static final String IRQ = "irq";
    static final String PCI = "pci";
    static final String DEVICE = "device";
    static final String CLASS = "class";
    static final String SIGMGR = "sigmgr";
    static final String SCHEDULER = "scheduler";
    static final String PRIORITY = "priority";
    static final String QUANTUM = "quantum";
    static final String CPU = "cpu";
    static final String CONTROL = "control";
    static final String DOMAIN = "domain";
    static final String TYPE = "type";
    static final String DESCR = "descr";

    static final String ALL = "ALL";
    static final String ALL_SYS = "ALL_SYS";
    static final String NONE = "NONE";
    static final String BASIC = "BASIC";
    static final String SELF = "SELF";
    static final String KERNEL = "KERNEL";
    static final String NET = "net";

    /** Every option keyword a service block may hold. */
    static final Set<String> OPTIONS = Set.of(UID, IPC, SYSTEM, VM, IO, IRQ, PCI, CLASS, SIGMGR, SCHEDULER, PRIORITY,
            QUANTUM, CPU, CONTROL, DOMAIN, TYPE, DESCR);
}

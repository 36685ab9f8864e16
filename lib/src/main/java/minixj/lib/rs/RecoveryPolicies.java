package minixj.lib.rs;

import java.util.List;
import java.util.Set;

/**
 * The recovery policies {@code /proc/service/<label>} lists for a program, which MINIX's tests
 * (testrelpol) use to decide what to check: {@code restart} (after a crash the endpoint is kept
 * and the restart count goes up) and {@code reset} (a new endpoint: the service is started from
 * scratch). MINIX hard-codes this table by program name in procfs; MinixJ keeps it here, next to
 * the other status fields, so RS and procfs agree.
 */
public final class RecoveryPolicies {
    private RecoveryPolicies() {
    }

    /** Programs whose restart keeps their endpoint (they take over the dead instance's state or start clean). */
    private static final Set<String> RESTART = Set.of("ds", "pm", "rs", "sched", "vfs", "vm", "mfs", "pfs", "procfs",
            "memory", "tty", "pty", "random", "pci", "i2c", "mib", "is", "ipc", "devman", "hello", "printer");

    /** Programs that are reincarnated with a new endpoint. */
    private static final Set<String> RESET = Set.of("lwip", "inet", "input", "log", "pckbd", "uds", "filter", "ahci",
            "at_wini", "virtio_blk", "e1000", "lance", "rtl8139", "rtl8169", "fxp", "dp8390", "virtio_net", "es1370",
            "es1371", "sb16");

    /** The policies of a program, possibly none. */
    public static List<String> of(String programName) {
        if (RESTART.contains(programName)) return List.of("restart");
        if (RESET.contains(programName)) return List.of("reset");
        return List.of();
    }
}
